import type { PriceAlert } from '../../shared/alerts';
import { describeCondition } from '../../shared/alert-words';
import type { NotificationKind } from '../../shared/notifications';
import { amount } from '../../shared/number-words';
import type { TrackedOrder } from '../../shared/orders';
import type { SessionState, TradingMode } from '../../shared/session';

/** A notification before it is stamped and filtered by the settings. */
export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
}

const price = (value: number | null) => (value === null ? 'an unknown price' : amount(value));

/** What changed between two updates of one order that a person wants to hear about; null for the rest. */
export function orderNotice(previous: TrackedOrder | undefined, next: TrackedOrder): Notice | null {
  if (previous?.phase === next.phase && next.phase !== 'working') return null;
  const where = `in ${next.account}`;
  switch (next.phase) {
    case 'filled':
      return {
        kind: 'fill',
        title: `Filled: ${next.words}`,
        body: `${next.filled} at ${price(next.avgFillPrice)} ${where}.`,
      };
    case 'working':
      if (next.filled <= (previous?.filled ?? 0)) return null;
      return {
        kind: 'partial-fill',
        title: `Partly filled: ${next.words}`,
        body: `${next.filled} of ${next.filled + next.remaining} at ${price(next.avgFillPrice)} ${where}.`,
      };
    case 'rejected':
    case 'invalid':
      return { kind: 'rejected', title: `Rejected: ${next.words}`, body: rejectionReason(next) };
    case 'cancelled':
      return { kind: 'cancelled', title: `Cancelled: ${next.words}`, body: next.message ?? `Cancelled ${where}.` };
    case 'sending':
    case 'held':
      return null;
  }
}

/** IBKR's own reason, with its code when the message does not already carry it. */
function rejectionReason(order: TrackedOrder): string {
  const reason = order.message ?? `IB Gateway answered ${order.ibStatus ?? 'with no reason'}.`;
  if (order.ibCode === null || reason.includes(String(order.ibCode))) return reason;
  return `${reason} (IB error ${order.ibCode})`;
}

/** What the session watcher remembers between states. */
export interface SessionWatch {
  mode: TradingMode;
  up: boolean;
  /** Connected at least once in this mode: a first connect is not a restoration. */
  beenUp: boolean;
}

const isUp = (state: SessionState) => state.state === 'connected' || state.state === 'degraded';

/**
 * Connection lost or restored. A mode switch starts over: dropping the old gateway on purpose is no loss,
 * and reaching the new one is no restoration.
 */
export function sessionNotice(
  watch: SessionWatch | null,
  next: SessionState,
): { watch: SessionWatch; notice: Notice | null } {
  const up = isUp(next);
  if (watch === null || watch.mode !== next.mode) return { watch: { mode: next.mode, up, beenUp: up }, notice: null };
  const after: SessionWatch = { mode: next.mode, up, beenUp: watch.beenUp || up };
  if (watch.up && !up) {
    const body = next.lastError?.message ?? next.detail;
    return { watch: after, notice: { kind: 'connection-lost', title: 'Connection to IB Gateway lost', body } };
  }
  if (!watch.up && up && watch.beenUp) {
    return {
      watch: after,
      notice: { kind: 'connection-restored', title: 'Connection to IB Gateway restored', body: next.detail },
    };
  }
  return { watch: after, notice: null };
}

export function alertNotice(alert: PriceAlert): Notice {
  const { symbol } = alert.listing;
  return {
    kind: 'alert',
    title: `Alert: ${describeCondition(symbol, alert.condition, alert.basePrice)}`,
    body: `${symbol} traded at ${price(alert.firedPrice)}.`,
  };
}
