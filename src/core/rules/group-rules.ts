import type { BracketRole } from '../../shared/orders';
import type { Check, OrderTicket } from '../../shared/ticket';
import type { RuleContext } from './rule-context';

/**
 * A bracket is ruled as a group (DESIGN.md §4, "group: bracket"): every leg goes through the whole rules
 * table on its own, and these pure adjustments say what the group changes. An exit is judged on the
 * account as it will stand once the entry has filled (IBKR only works the exits after that), so in an IRA
 * an exit sells at most what is held plus what the entry buys, and is never a short sale; the IRA's cash
 * check counts the entry alone, because an exit only spends what the entry brought in. Every check names
 * its leg, so the dialog and the audit log say which leg a price warning is about.
 */

export const LEG_NAMES: Record<BracketRole, string> = {
  entry: 'entry',
  'take-profit': 'take-profit',
  'stop-loss': 'stop-loss',
};

/** The rule context for an exit: the entry's quantity counted as held (signed by its side). */
export function exitLegContext(ctx: RuleContext, entry: Pick<OrderTicket, 'action' | 'quantity'>): RuleContext {
  if (ctx.positions === null) return ctx;
  const { instrument } = ctx;
  const entered = {
    conId: instrument.conId,
    symbol: instrument.symbol,
    secType: instrument.secType,
    quantity: entry.action === 'BUY' ? entry.quantity : -entry.quantity,
    multiplier: instrument.multiplier,
  };
  return { ...ctx, positions: [...ctx.positions, entered] };
}

/** Checks whose figures belong to the entry alone; an exit gets a sentence saying so instead. */
const ENTRY_ONLY: Readonly<Record<string, (leg: string) => string>> = {
  'ira-no-margin': (leg) =>
    `The IRA's settled-cash check counts the entry only: the ${leg} spends no more than the entry brings in.`,
  'what-if': (leg) =>
    `IBKR's what-if is asked for the entry; the ${leg} is an exit of the entry's position, which IBKR only works once the entry has filled.`,
};

/** Checks that count the entry as held for an exit; their sentence says so. */
const COUNTS_ENTRY = new Set(['ira-no-short', 'ira-no-mlp']);

/**
 * A leg's checks, each naming its leg: "take-profit: …" in the message and "take-profit:price-sanity" as
 * the id, so a warning on one leg is acknowledged for that leg alone. An exit's entry-only checks become
 * information (they cannot block or warn on what they do not measure), and its holding checks say they
 * count what the entry buys.
 */
export function legChecks(
  role: BracketRole,
  checks: readonly Check[],
  entry: Pick<OrderTicket, 'action' | 'quantity'>,
): Check[] {
  const leg = LEG_NAMES[role];
  const exit = role !== 'entry';
  const counted = `, counting the ${entry.quantity} the entry ${entry.action === 'BUY' ? 'buys' : 'sells'} first (IBKR works the exits only once the entry has filled)`;
  return checks.map((check) => {
    const entryOnly = exit ? ENTRY_ONLY[check.id] : undefined;
    if (entryOnly) return { ...check, id: `${leg}:${check.id}`, outcome: 'info', message: `${leg}: ${entryOnly(leg)}` };
    const message = exit && COUNTS_ENTRY.has(check.id) ? check.message.replace(/\.$/, `${counted}.`) : check.message;
    return { ...check, id: `${leg}:${check.id}`, message: `${leg}: ${message}` };
  });
}
