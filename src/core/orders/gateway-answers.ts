import type { OrderPhase } from '../../shared/orders';

/**
 * What an error message the gateway ties to one of our order ids means for that order, as IBKR means
 * it. A rejection (201) may arrive before any order status; a locate (404) only holds the order; 321
 * with "Read-Only" is the gateway's API setting, which only the person can change.
 */
export type OrderAnswer =
  /** The order is dead: phase says how. */
  | { effect: 'final'; phase: Extract<OrderPhase, 'rejected' | 'invalid' | 'cancelled'>; message: string }
  /** The order lives on; the message is worth showing (a locate, a price-cap note). */
  | { effect: 'note'; message: string };

const READ_ONLY_HELP =
  "IB Gateway's Read-Only API setting is on, so it refuses every order. To trade: in IB Gateway or TWS open Configure → Settings → API → Settings, untick “Read-Only API”, press Apply, then send the order again.";

/** IBKR's text after "reason:" (201) or "cause - " (321), trimmed; the whole text otherwise. */
function reason(text: string): string {
  const match = /(?:reason:|cause - )\s*(.*)$/s.exec(text);
  const detail = (match?.[1] ?? text).trim();
  return detail.length > 0 ? detail : text.trim();
}

/**
 * IBKR's 100–449 codes are order and request validation errors (103 duplicate id, 110 price increment,
 * 387 unsupported type…): the order was not accepted. The exceptions say something else: a cancel that
 * came too late (161) or a precautionary note (399), which leave the order as it was.
 */
const NOT_REFUSALS = new Set([161, 399]);
const refuses = (code: number) => (code >= 100 && code < 450 && !NOT_REFUSALS.has(code)) || code === 10243;

/** The meaning of one gateway error for an order of ours; null when it says nothing about the order. */
export function classifyOrderAnswer(code: number, text: string): OrderAnswer | null {
  switch (code) {
    case 201:
      return { effect: 'final', phase: 'rejected', message: `IBKR rejected the order: ${reason(text)}` };
    case 200:
      return {
        effect: 'final',
        phase: 'invalid',
        message: `IBKR found no such contract (200), so the order is invalid: ${reason(text)}`,
      };
    case 460:
      return {
        effect: 'final',
        phase: 'invalid',
        message: `IBKR refused the order as invalid for this account (460): ${reason(text)}`,
      };
    case 202:
      return { effect: 'final', phase: 'cancelled', message: `The order was cancelled. ${reason(text)}`.trim() };
    case 404:
      return {
        effect: 'note',
        message:
          'IBKR is locating shares to borrow for this short sale (404); the order is held, not rejected, and goes out once shares are found.',
      };
    case 321:
      if (/read-only/i.test(text)) return { effect: 'final', phase: 'rejected', message: READ_ONLY_HELP };
      return { effect: 'final', phase: 'rejected', message: `The gateway refused the request (321): ${reason(text)}` };
    default:
      if (refuses(code)) {
        return {
          effect: 'final',
          phase: 'rejected',
          message: `The gateway refused the order (${code}): ${text.trim()}`,
        };
      }
      // 2xxx are informational notices; anything else tied to an order id is shown but not fatal.
      if (code >= 2000 && code < 3000) return null;
      return { effect: 'note', message: `Gateway message ${code}: ${text.trim()}` };
  }
}

/**
 * The phase an IBKR order status word means. Unknown words keep the order working (never silently final).
 * A bracket leg is Inactive while IBKR holds it for the rest of its bracket (the legs before the last one
 * are sent untransmitted; a child waits for its parent), so for a leg Inactive means held, not dead.
 */
export function phaseFromStatus(status: string, bracketLeg = false): OrderPhase {
  switch (status) {
    case 'Filled':
      return 'filled';
    case 'Cancelled':
    case 'ApiCancelled':
      return 'cancelled';
    case 'Inactive':
      return bracketLeg ? 'held' : 'invalid';
    default:
      return 'working';
  }
}

export const isFinalPhase = (phase: OrderPhase): boolean =>
  phase !== 'sending' && phase !== 'working' && phase !== 'held';
