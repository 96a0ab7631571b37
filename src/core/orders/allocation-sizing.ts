import type { AllocationSizing } from '../../shared/allocation';
import { isIra, type AccountKind } from '../../shared/enums';
import { count, money, percent, price } from '../../shared/number-words';

/**
 * Each account's quantity for an allocation, with the arithmetic in words so the rounding is shown,
 * never hidden. Pure. What cannot be worked out (a net liquidation not yet reported, no price to turn a
 * percent into shares) is a problem on the row, never a guess: that account gets nothing.
 */

export interface SizedChild {
  account: string;
  /** Before rounding; null when it could not be worked out. */
  requested: number | null;
  /** What is sent: whole shares or contracts (rounded down), 0 for nothing. */
  quantity: number;
  sizing: string;
  problem: string | null;
}

/** What sizing needs of one account; null where the gateway has not said. */
export interface AccountFigures {
  /** Net liquidation in USD. */
  netLiquidation: number | null;
  /** Settled USD cash: all an IRA may spend. */
  settledCash: number | null;
  kind: AccountKind | null;
}

export interface SizingFacts {
  account(account: string): AccountFigures;
  /** USD value of one share or contract at the order's price (price × multiplier); null when unknown. */
  unitValue: number | null;
  /** The order's price per share (its limit, else its stop), the entry the risk is measured from. */
  entryPrice: number | null;
  /** Units per contract (1 for shares); null when unknown. */
  multiplier: number | null;
  action: 'BUY' | 'SELL';
  isFuture: boolean;
  /** The size cap rule's limit for this instrument: a larger quantity would be blocked anyway. */
  maxQuantity: number;
  /** Shares and contracts are whole; currency amounts need not be. */
  wholeUnits: boolean;
  /** "share"/"shares", "contract"/"contracts". */
  unit: [string, string];
}

const units = (facts: SizingFacts, n: number) => `${count(n)} ${n === 1 ? facts.unit[0] : facts.unit[1]}`;

function child(account: string, requested: number | null, facts: SizingFacts, how: string): SizedChild {
  if (requested === null || !Number.isFinite(requested)) {
    return { account, requested: null, quantity: 0, sizing: how, problem: how };
  }
  const quantity = facts.wholeUnits ? Math.floor(requested + 1e-9) : requested;
  const rounded = quantity === requested ? '' : `, rounded down from ${count(Math.round(requested * 100) / 100)}`;
  const sizing = `${how}${rounded}`;
  const problem = quantity > 0 ? null : `Rounds to 0 ${facts.unit[1]}: nothing is sent to this account.`;
  return { account, requested, quantity, sizing, problem };
}

const unknownNetLiq = (account: string) =>
  `The net liquidation of ${account} has not been reported yet, so its share cannot be worked out; nothing is sent to it.`;

export function sizeAllocation(
  sizing: AllocationSizing,
  accounts: readonly string[],
  facts: SizingFacts,
): SizedChild[] {
  switch (sizing.mode) {
    case 'same':
      return accounts.map((a) => child(a, sizing.quantity, facts, `${units(facts, sizing.quantity)} in each account`));
    case 'per-account':
      return accounts.map((a) => {
        const typed = sizing.quantities[a] ?? 0;
        return child(a, typed, facts, `${units(facts, typed)}, as typed for this account`);
      });
    case 'split-net-liq':
      return splitByNetLiq(sizing.total, accounts, facts);
    case 'risk':
      return accounts.map((a) => sizeByRisk(a, sizing, facts));
    case 'percent-net-liq':
      return accounts.map((a) => {
        const netLiq = facts.account(a).netLiquidation;
        if (netLiq === null || !(netLiq > 0)) return child(a, null, facts, unknownNetLiq(a));
        if (facts.unitValue === null || !(facts.unitValue > 0)) {
          return child(
            a,
            null,
            facts,
            'Sizing by percent of net liquidation needs the order’s price: give a limit or stop price.',
          );
        }
        const amount = (sizing.percent / 100) * netLiq;
        const requested = amount / facts.unitValue;
        const how = `${percent(sizing.percent)} of ${money(netLiq)} net liquidation = ${money(amount)} at ${money(facts.unitValue)} each = ${units(facts, Math.floor(requested + 1e-9))}`;
        return child(a, requested, facts, how);
      });
  }
}

/**
 * Risk-based sizing: the risk (dollars, or a percent of this account's net liquidation) divided by what
 * one share loses between the entry and the stop, then capped where a rule would block more: an IRA buys
 * with settled cash only, and no account goes past the size cap. The sentence names the cap that bound it.
 */
function sizeByRisk(
  account: string,
  sizing: Extract<AllocationSizing, { mode: 'risk' }>,
  facts: SizingFacts,
): SizedChild {
  const figures = facts.account(account);
  const { entryPrice: entry, multiplier } = facts;
  const fail = (why: string) => child(account, null, facts, why);
  if (entry === null || multiplier === null) {
    return fail('Sizing by risk needs the entry: give a limit price (or a stop price) and a known multiplier.');
  }
  const perUnit = (facts.action === 'BUY' ? entry - sizing.stopPrice : sizing.stopPrice - entry) * multiplier;
  if (!(perUnit > 0)) {
    const side = facts.action === 'BUY' ? 'below' : 'above';
    return fail(`The stop (${price(sizing.stopPrice)}) must be ${side} the entry (${price(entry)}) to bound the risk.`);
  }
  let budget = sizing.risk;
  let budgetText = money(sizing.risk);
  if (sizing.riskUnit === 'percent') {
    if (figures.netLiquidation === null || !(figures.netLiquidation > 0)) return fail(unknownNetLiq(account));
    budget = (sizing.risk / 100) * figures.netLiquidation;
    budgetText = `${money(budget)} (${percent(sizing.risk)} of ${money(figures.netLiquidation)} net liquidation)`;
  }
  const byRisk = budget / perUnit;
  let quantity = Math.floor(byRisk + 1e-9);
  let how = `Risking ${budgetText} at ${money(perUnit)} per ${facts.unit[0]} between entry ${price(entry)} and stop ${price(sizing.stopPrice)} = ${units(facts, quantity)}`;
  const caps: string[] = [];
  if (isIra(figures.kind) && facts.action === 'BUY') {
    if (facts.isFuture) {
      caps.push('an IRA future needs twice the initial margin, which IBKR’s what-if gives at preview');
    } else {
      if (figures.settledCash === null)
        return fail(`The settled cash of ${account} is not known, so an IRA buy cannot be sized.`);
      const byCash = Math.floor(figures.settledCash / (entry * multiplier) + 1e-9);
      if (byCash < quantity) {
        quantity = byCash;
        caps.push(
          `capped at ${units(facts, byCash)} by the IRA's ${money(figures.settledCash)} of settled cash (IRAs buy with settled cash only)`,
        );
      }
    }
  }
  if (quantity > facts.maxQuantity) {
    quantity = facts.maxQuantity;
    caps.push(`capped at ${units(facts, quantity)} by the size cap`);
  }
  if (caps.length > 0) how = `${how}; ${caps.join('; ')}`;
  const problem = quantity > 0 ? null : `Rounds to 0 ${facts.unit[1]}: nothing is sent to this account.`;
  return { account, requested: byRisk, quantity, sizing: how, problem };
}

/**
 * The total split in proportion to net liquidation. Whole units go by largest remainder, so the
 * children add up to the total exactly; if any account's net liquidation is unknown, no split is made
 * (every share of it depends on every account's figure).
 */
function splitByNetLiq(total: number, accounts: readonly string[], facts: SizingFacts): SizedChild[] {
  const netLiqs = accounts.map((a) => facts.account(a).netLiquidation);
  const missing = accounts.filter((_, i) => !((netLiqs[i] ?? 0) > 0));
  if (missing.length > 0) {
    const why = `The net liquidation of ${missing.join(', ')} has not been reported yet, so the split by net liquidation cannot be worked out; nothing is sent.`;
    return accounts.map((a) => child(a, null, facts, why));
  }
  const sum = netLiqs.reduce<number>((s, n) => s + (n ?? 0), 0);
  const exact = netLiqs.map((n) => (total * (n ?? 0)) / sum);
  const quantities = facts.wholeUnits ? largestRemainder(exact, total) : exact;
  return accounts.map((a, i) => {
    const netLiq = netLiqs[i] ?? 0;
    const q = quantities[i] ?? 0;
    const requested = exact[i] ?? 0;
    const how = `${units(facts, q)} of ${count(total)} by net liquidation (${money(netLiq)} of ${money(sum)}, ${percent((100 * netLiq) / sum)})`;
    const rounding = q === requested ? '' : `, rounded from ${count(Math.round(requested * 100) / 100)}`;
    const problem = q > 0 ? null : `Rounds to 0 ${facts.unit[1]}: nothing is sent to this account.`;
    return { account: a, requested, quantity: q, sizing: `${how}${rounding}`, problem };
  });
}

/** Whole numbers adding up to round(total), each the floor of its share plus one for the largest remainders. */
function largestRemainder(exact: readonly number[], total: number): number[] {
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = Math.round(total) - floors.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, rest: x - (floors[i] ?? 0) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}
