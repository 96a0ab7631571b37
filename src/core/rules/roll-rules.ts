import { amount } from '../../shared/number-words';
import type { Check } from '../../shared/ticket';
import type { RuleContext } from './rule-context';

/**
 * A roll ruled as one (DESIGN.md §4, groups): the sell-to-open leg is judged on the account as it stands once
 * the buy-to-close leg has filled, since IBKR fills a combo's legs together or not at all. Closing the old
 * short frees what covered or secured it, so the IRA option rule's own arithmetic (covered-facts.ts) then
 * counts the new leg against shares or settled cash less what the closed leg freed; a roll that writes more
 * than that is naked and blocked by the same rule, in its words.
 */

/** The context for the new leg: the old short option's position less the contracts the roll buys back. */
export function rollOpenContext(ctx: RuleContext, closing: { conId: number; contracts: number }): RuleContext {
  if (ctx.positions === null) return ctx;
  const rows = ctx.positions.filter((p) => p.conId === closing.conId);
  const first = rows[0];
  if (first === undefined) return ctx;
  const left = rows.reduce((sum, p) => sum + p.quantity, 0) + closing.contracts;
  const others = ctx.positions.filter((p) => p.conId !== closing.conId);
  return { ...ctx, positions: left === 0 ? others : [...others, { ...first, quantity: left }] };
}

/** How far a combo's net limit may sit past its net market before the trader is asked to confirm. */
const NET_BAND = 0.5;

/**
 * The net price against the legs' net market (debit positive): a limit that pays more than the market asks
 * or takes less credit than it offers by over NET_BAND per contract is a warning; an unknown market is one too.
 */
export function rollPriceCheck(netLimit: number, market: { bid: number; ask: number } | null, currency: string): Check {
  const base = { id: 'roll-net-price', rule: 'Roll net price' };
  if (market === null || !Number.isFinite(market.bid) || !Number.isFinite(market.ask)) {
    return {
      ...base,
      outcome: 'warn',
      message: `A leg of the roll has no bid or ask, so its net price ${amount(netLimit, currency)} could not be compared with the market.`,
    };
  }
  const range = `net market ${amount(market.bid, currency)} to ${amount(market.ask, currency)} (debit positive)`;
  if (netLimit > market.ask + NET_BAND) {
    return {
      ...base,
      outcome: 'warn',
      message: `The net limit ${amount(netLimit, currency)} pays more than ${amount(NET_BAND, currency)} past the ${range}.`,
    };
  }
  return { ...base, outcome: 'pass', message: `The net limit ${amount(netLimit, currency)} is within the ${range}.` };
}

/** Each leg's price checks judge a leg's own limit, which a combo does not have; the net price check stands for them. */
const PER_LEG_PRICE = new Set(['price-sanity', 'ibkr-collar', 'what-if']);

export type RollRole = 'close' | 'open';
const LEG_WORDS: Record<RollRole, string> = { close: 'buy to close', open: 'sell to open' };

/** A leg's checks as the roll's: its price checks left out, the rest named for the leg ("open:ira-options"). */
function rollLegChecks(role: RollRole, checks: readonly Check[]): Check[] {
  return checks
    .filter((check) => !PER_LEG_PRICE.has(check.id))
    .map((check) => ({ ...check, id: `${role}:${check.id}`, message: `${LEG_WORDS[role]}: ${check.message}` }));
}

const NOTHING_TO_ACKNOWLEDGE = new Set<Check['outcome']>(['pass', 'info']);
const sameNote = (a: Check, b: Check) =>
  a.id === b.id && a.outcome === b.outcome && a.message === b.message && NOTHING_TO_ACKNOWLEDGE.has(a.outcome);

/**
 * Both legs' checks as the roll's, each named for its leg. A note every leg makes in the same words (the IRA's
 * USD-only withdrawals) is about the account, not a leg: it is shown once, after the legs', under its own id.
 * Anything to acknowledge stays with its leg, whose re-check takes the acknowledgement.
 */
export function rollChecks(legs: readonly { role: RollRole; checks: readonly Check[] }[]): Check[] {
  const [first, ...others] = legs;
  const shared =
    first === undefined || others.length === 0
      ? []
      : first.checks.filter(
          (check) => !PER_LEG_PRICE.has(check.id) && others.every((leg) => leg.checks.some((c) => sameNote(c, check))),
        );
  const isShared = (check: Check) => shared.some((note) => sameNote(note, check));
  return [
    ...legs.flatMap((leg) =>
      rollLegChecks(
        leg.role,
        leg.checks.filter((check) => !isShared(check)),
      ),
    ),
    ...shared,
  ];
}

/**
 * What a leg's own re-check counts as acknowledged: the roll's acknowledgements of that leg's checks, and the
 * per-leg price checks the net price check replaced.
 */
export function legAcknowledgements(
  role: RollRole,
  checks: readonly Check[],
  acknowledgements: readonly string[],
): string[] {
  const prefix = `${role}:`;
  const own = acknowledgements.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
  return [...own, ...checks.filter((check) => PER_LEG_PRICE.has(check.id)).map((check) => check.id)];
}
