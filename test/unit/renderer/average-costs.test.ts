import { describe, expect, it } from 'vitest';
import { averageCosts, sameCosts } from '../../../src/renderer/src/components/market/average-costs';
import type { PositionRow } from '../../../src/shared/accounts';

const row = (account: string, conId: number, quantity: number, avgCost: number | null): PositionRow => ({
  account,
  conId,
  symbol: 'AAPL',
  description: 'AAPL',
  secType: 'STK',
  currency: 'USD',
  quantity,
  avgCost,
  marketPrice: null,
  marketValue: null,
  unrealizedPnl: null,
  dailyPnl: null,
  dailyPnlPct: null,
  pctOfAccount: null,
});

describe('averageCosts', () => {
  it('gives one line per account holding the instrument, by account', () => {
    const rows = [row('DU2', 265598, 100, 190.5), row('DU1', 265598, 200, 185.25), row('DU1', 8894, 150, 60)];
    expect(averageCosts(rows, 265598)).toEqual([
      { account: 'DU1', price: 185.25 },
      { account: 'DU2', price: 190.5 },
    ]);
  });

  it('leaves out closed positions, unknown costs and instruments not charted', () => {
    const rows = [row('DU1', 265598, 0, 185.25), row('DU2', 265598, 10, null)];
    expect(averageCosts(rows, 265598)).toEqual([]);
    expect(averageCosts([row('DU1', 8894, 5, 60)], null)).toEqual([]);
  });
});

describe('sameCosts', () => {
  it('tells a changed cost from an unchanged list', () => {
    const a = [{ account: 'DU1', price: 185.25 }];
    expect(sameCosts(a, [{ account: 'DU1', price: 185.25 }])).toBe(true);
    expect(sameCosts(a, [{ account: 'DU1', price: 186 }])).toBe(false);
    expect(sameCosts(a, [])).toBe(false);
  });
});
