import { describe, expect, it } from 'vitest';
import { consolidatePositions, dailyPnlPct, totalBalances } from '../../../../src/core/accounts/consolidate';
import type { Balance, PositionRow } from '../../../../src/shared/accounts';

const balance = (account: string, netLiquidation: number | null, cash = 1_000): Balance => ({
  account,
  currency: 'USD',
  netLiquidation,
  totalCashValue: cash,
  settledCash: cash,
  buyingPower: 2 * cash,
  availableFunds: cash,
  excessLiquidity: cash,
  initMarginReq: 0,
  maintMarginReq: 0,
  grossPositionValue: 10,
  dailyPnl: -5.5,
  unrealizedPnl: 7.25,
  realizedPnl: 0,
});

const row = (
  account: string,
  quantity: number,
  avgCost: number | null,
  overrides: Partial<PositionRow> = {},
): PositionRow => ({
  account,
  conId: 265598,
  symbol: 'AAPL',
  description: 'AAPL',
  secType: 'STK',
  currency: 'USD',
  quantity,
  avgCost,
  marketPrice: 200,
  marketValue: quantity * 200,
  unrealizedPnl: quantity * 10,
  dailyPnl: quantity,
  dailyPnlPct: null,
  pctOfAccount: null,
  ...overrides,
});

const usd = () => 1;

describe('totalBalances', () => {
  it('sums every field of the account rows', () => {
    const total = totalBalances([balance('DU1', 100_000.1, 500), balance('DU2', 250_000.2, 700)]);
    expect(total).toMatchObject({
      account: 'Total',
      currency: 'USD',
      totalCashValue: 1_200,
      buyingPower: 2_400,
      dailyPnl: -11,
    });
    expect(total.netLiquidation).toBeCloseTo(350_000.3, 6);
  });

  it('leaves a field empty rather than wrong when one account has not reported it', () => {
    const total = totalBalances([balance('DU1', 100_000), balance('DU2', null)]);
    expect(total.netLiquidation).toBeNull();
    expect(total.totalCashValue).toBe(2_000);
  });

  it('has nothing to total without accounts', () => {
    expect(totalBalances([]).netLiquidation).toBeNull();
  });
});

describe('consolidatePositions', () => {
  it('merges one instrument across accounts, keeping the split and weighting the average cost', () => {
    const [aapl] = consolidatePositions([row('DU1', 100, 150), row('DU2', 300, 190)], usd, 400_000);
    expect(aapl).toMatchObject({
      conId: 265598,
      quantity: 400,
      avgCost: 180,
      marketValue: 80_000,
      unrealizedPnl: 4_000,
      dailyPnl: 400,
      split: [
        { account: 'DU1', quantity: 100 },
        { account: 'DU2', quantity: 300 },
      ],
      pctOfTotal: 20,
    });
  });

  it('keeps different instruments apart', () => {
    const rows = [row('DU1', 10, 1), row('DU1', 5, 2, { conId: 756733, symbol: 'SPY', description: 'SPY' })];
    expect(consolidatePositions(rows, usd, null).map((p) => p.symbol)).toEqual(['AAPL', 'SPY']);
  });

  it('has no average cost when one account is long and another short', () => {
    const [aapl] = consolidatePositions([row('DU2', 100, 150), row('DU3', -40, 210)], usd, null);
    expect(aapl).toMatchObject({ quantity: 60, avgCost: null });
  });

  it('converts to USD for the share of the total, and says nothing without a rate', () => {
    const sap = (fx: (c: string) => number | null) =>
      consolidatePositions([row('DU2', 10, 100, { currency: 'EUR', marketValue: 1_000 })], fx, 11_000)[0];
    expect(sap(() => 1.1)?.pctOfTotal).toBeCloseTo(10, 9);
    expect(sap(() => null)?.pctOfTotal).toBeNull();
  });

  it('leaves P&L empty when one account has not reported it', () => {
    const [aapl] = consolidatePositions([row('DU1', 10, 1), row('DU2', 10, 1, { dailyPnl: null })], usd, null);
    expect(aapl?.dailyPnl).toBeNull();
    expect(aapl?.unrealizedPnl).toBe(200);
  });
});

describe('dailyPnlPct', () => {
  it("is the day's P&L against the value at the previous close", () => {
    // Worth 1,050 now after gaining 50 today: 50 on 1,000 is 5 %.
    expect(dailyPnlPct(50, 1_050)).toBeCloseTo(5, 10);
    expect(dailyPnlPct(-30, 970)).toBeCloseTo(-3, 10);
  });

  it('is positive for a short that gained, measured against its size', () => {
    // Short worth -950 after the price fell: it was -1,000 at the close, a gain of 50 on 1,000.
    expect(dailyPnlPct(50, -950)).toBeCloseTo(5, 10);
  });

  it('says nothing without both figures or without a previous value', () => {
    expect(dailyPnlPct(null, 1_000)).toBeNull();
    expect(dailyPnlPct(10, null)).toBeNull();
    expect(dailyPnlPct(10, 10)).toBeNull();
  });

  it('is carried into the consolidated row from the summed P&L and USD value', () => {
    const [aapl] = consolidatePositions([row('DU1', 10, 190), row('DU2', 5, 195)], () => 1, null);
    // 3,000 now, 15 gained today: 15 on 2,985.
    expect(aapl?.dailyPnlPct).toBeCloseTo((15 * 100) / 2_985, 10);
  });
});
