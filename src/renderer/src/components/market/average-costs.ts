import type { PositionRow } from '../../../../shared/accounts';

/** One account's average cost of an instrument: a price line on its chart. */
export interface AverageCost {
  account: string;
  price: number;
}

/** The average cost per unit of each account that holds `conId` (none when nothing is held). */
export function averageCosts(rows: readonly PositionRow[], conId: number | null): AverageCost[] {
  return rows
    .filter((row) => row.conId === conId && row.quantity !== 0 && row.avgCost !== null)
    .map((row) => ({ account: row.account, price: row.avgCost as number }))
    .sort((a, b) => a.account.localeCompare(b.account));
}

export const sameCosts = (a: readonly AverageCost[], b: readonly AverageCost[]): boolean =>
  a.length === b.length && a.every((cost, i) => cost.account === b[i]?.account && cost.price === b[i]?.price);
