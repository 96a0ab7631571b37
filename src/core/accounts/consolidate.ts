import type { Balance, BalanceField, ConsolidatedPosition, PositionRow } from '../../shared/accounts';
import { BALANCE_FIELDS } from '../../shared/accounts';

/** Units of USD per unit of a currency; null when the rate is not known. */
export type FxRate = (currency: string) => number | null;

/** A sum that is only a number when every part is: a total must never quietly leave an account out. */
function sumAll(values: (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/**
 * The day's P&L in percent of what the position was worth at the previous close (value now less the day's
 * P&L). Against its size, so a short that gained shows a positive percentage; null without both figures.
 */
export function dailyPnlPct(dailyPnl: number | null, valueNow: number | null): number | null {
  if (dailyPnl === null || valueNow === null) return null;
  const before = Math.abs(valueNow - dailyPnl);
  return before === 0 ? null : (dailyPnl * 100) / before;
}

/** The total row: each field the sum of the account rows (all in USD), or null if any row lacks it. */
export function totalBalances(balances: Balance[]): Balance {
  const total: Balance = { account: 'Total', currency: 'USD' } as Balance;
  for (const field of BALANCE_FIELDS) {
    total[field as BalanceField] = balances.length === 0 ? null : sumAll(balances.map((b) => b[field]));
  }
  return total;
}

/** Quantity-weighted average cost; undefined when positions point different ways (long here, short there). */
function averageCost(rows: PositionRow[]): number | null {
  const quantity = rows.reduce((q, r) => q + r.quantity, 0);
  const sameSide = rows.every((r) => Math.sign(r.quantity) === Math.sign(rows[0]?.quantity ?? 0));
  if (!sameSide || quantity === 0) return null;
  const cost = sumAll(rows.map((r) => (r.avgCost === null ? null : r.avgCost * r.quantity)));
  return cost === null ? null : cost / quantity;
}

/** One row per instrument across accounts, with the split per account kept visible. */
export function consolidatePositions(
  rows: PositionRow[],
  fx: FxRate,
  totalNetLiquidation: number | null,
): ConsolidatedPosition[] {
  const byConId = new Map<number, PositionRow[]>();
  for (const row of rows) byConId.set(row.conId, [...(byConId.get(row.conId) ?? []), row]);
  return [...byConId.values()].map((group) => {
    const first = group[0] as PositionRow;
    const marketValue = sumAll(group.map((r) => r.marketValue));
    const rate = fx(first.currency);
    const dailyPnl = sumAll(group.map((r) => r.dailyPnl));
    return {
      conId: first.conId,
      symbol: first.symbol,
      description: first.description,
      ...(first.expiry ? { expiry: first.expiry } : {}),
      ...(first.right ? { right: first.right } : {}),
      ...(first.strike ? { strike: first.strike } : {}),
      secType: first.secType,
      currency: first.currency,
      quantity: group.reduce((q, r) => q + r.quantity, 0),
      avgCost: averageCost(group),
      marketPrice: first.marketPrice,
      marketValue,
      unrealizedPnl: sumAll(group.map((r) => r.unrealizedPnl)),
      dailyPnl,
      dailyPnlPct: dailyPnlPct(dailyPnl, marketValue === null || rate === null ? null : marketValue * rate),
      split: group.map((r) => ({ account: r.account, quantity: r.quantity })),
      ...(group.every((r) => r.external) ? { external: true as const } : {}),
      ...(first.priceNote === undefined ? {} : { priceNote: first.priceNote }),
      pctOfTotal:
        marketValue === null || rate === null || !totalNetLiquidation
          ? null
          : (marketValue * rate * 100) / totalNetLiquidation,
    };
  });
}
