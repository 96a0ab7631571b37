/**
 * Which columns lead each accounts grid: what a trader reads first, in view at 1440 px beside the watchlist.
 * The rest follow in their own order. A person's saved column state is applied over this (grid-kit), so their
 * arrangement still wins.
 */

/** Instrument, account, size, value, then what it made: unrealized and today, amount and percent. */
export const POSITION_LEAD = [
  'symbol',
  'account',
  'quantity',
  'marketValue',
  'unrealizedPnl',
  'dailyPnl',
  'dailyPnlPct',
] as const;

/** The same without the account: one row per instrument across accounts. */
export const CONSOLIDATED_LEAD = POSITION_LEAD.filter((id) => id !== 'account');

export const BALANCE_LEAD = [
  'account',
  'netLiquidation',
  'dailyPnl',
  'settledCash',
  'buyingPower',
  'excessLiquidity',
] as const;

interface Column {
  colId?: string;
  field?: unknown;
}

const idOf = (column: Column) => column.colId ?? (typeof column.field === 'string' ? column.field : '');

/** The `lead` columns first, in that order, then every other column in the order given. */
export function leadFirst<C extends Column>(columns: readonly C[], lead: readonly string[]): C[] {
  const rank = (column: C) => {
    const at = lead.indexOf(idOf(column));
    return at === -1 ? lead.length : at;
  };
  // A stable sort: the columns outside the lead keep their order.
  return [...columns].sort((a, b) => rank(a) - rank(b));
}
