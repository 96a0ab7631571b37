import { describe, expect, it } from 'vitest';
import { greeksBook, holdingGreeks, orderDelta, type Holding } from '../../../src/shared/greeks-exposure';
import type { OptionFigures } from '../../../src/shared/market';

const figures = (delta: number | null, theta: number | null): OptionFigures => ({
  iv: 0.3,
  delta,
  gamma: 0.02,
  vega: 0.2,
  theta,
  underlyingPrice: 230,
  openInterest: null,
  optionVolume: null,
});

const IRA = 'DU1000001';
const INDIVIDUAL = 'DU1000002';
const holdings: Holding[] = [
  { account: IRA, conId: 1, underlying: 'AAPL', secType: 'STK', quantity: 300 },
  // Two covered calls written against it.
  { account: IRA, conId: 11, underlying: 'AAPL', secType: 'OPT', quantity: -2 },
  { account: INDIVIDUAL, conId: 1, underlying: 'AAPL', secType: 'STK', quantity: 100 },
  { account: INDIVIDUAL, conId: 12, underlying: 'AAPL', secType: 'OPT', quantity: 3 },
  { account: INDIVIDUAL, conId: 2, underlying: 'SPY', secType: 'ETF', quantity: -50 },
  { account: INDIVIDUAL, conId: 3, underlying: 'ES', secType: 'FUT', quantity: 1 },
];
const greeksOf = new Map([
  [11, figures(0.4, -0.05)],
  [12, figures(-0.25, -0.03)],
]);

describe('holdingGreeks', () => {
  it('counts a share of stock as one delta and no theta', () => {
    expect(holdingGreeks(holdings[0] as Holding, undefined, undefined)).toEqual({ delta: 300, thetaPerDay: 0 });
  });
  it('counts an option as delta × multiplier × contracts, theta the same way', () => {
    const short = holdingGreeks(holdings[1] as Holding, { multiplier: 100 }, figures(0.4, -0.05));
    expect(short?.delta).toBeCloseTo(-80);
    expect(short?.thetaPerDay).toBeCloseTo(10);
    const mini = holdingGreeks(holdings[1] as Holding, { multiplier: 10 }, figures(0.4, -0.05));
    expect(mini?.delta).toBeCloseTo(-8);
  });
  it('has nothing for an option without greeks yet', () => {
    expect(holdingGreeks(holdings[1] as Holding, { multiplier: 100 }, figures(null, null))).toBeNull();
    expect(holdingGreeks(holdings[1] as Holding, { multiplier: 100 }, undefined)).toBeNull();
  });
});

describe('greeksBook', () => {
  const book = greeksBook(
    holdings,
    () => ({ multiplier: 100 }),
    (conId) => greeksOf.get(conId),
  );
  it('sums each account per underlying, stocks and options together', () => {
    const ira = book.accounts.get(IRA);
    expect(ira).toHaveLength(1);
    expect(ira?.[0]?.underlying).toBe('AAPL');
    expect(ira?.[0]?.delta).toBeCloseTo(300 - 80);
    expect(ira?.[0]?.thetaPerDay).toBeCloseTo(10);
    const individual = book.accounts.get(INDIVIDUAL);
    expect(individual?.map((exposure) => exposure.underlying)).toEqual(['AAPL', 'SPY']);
    expect(individual?.[0]?.delta).toBeCloseTo(100 - 75);
    expect(individual?.[0]?.thetaPerDay).toBeCloseTo(-9);
    expect(individual?.[1]?.delta).toBe(-50);
  });
  it('consolidates every account per underlying, leaving out what has no share delta', () => {
    expect(book.consolidated.map((exposure) => exposure.underlying)).toEqual(['AAPL', 'SPY']);
    expect(book.consolidated[0]?.delta).toBeCloseTo(220 + 25);
    expect(book.consolidated[0]?.thetaPerDay).toBeCloseTo(1);
    expect(book.consolidated[0]?.missing).toBe(0);
  });
  it('counts the options it could not price yet', () => {
    const partial = greeksBook(
      holdings,
      () => ({ multiplier: 100 }),
      () => undefined,
    );
    expect(partial.consolidated[0]).toEqual({ underlying: 'AAPL', delta: 400, thetaPerDay: 0, missing: 2 });
  });
});

describe('orderDelta', () => {
  it('is the shares bought, or minus the shares sold', () => {
    expect(orderDelta({ action: 'BUY', quantity: 100, secType: 'STK' }, null)).toBe(100);
    expect(orderDelta({ action: 'SELL', quantity: 100, secType: 'STK' }, null)).toBe(-100);
  });
  it('is contracts × multiplier × delta for an option, signed by the side', () => {
    expect(orderDelta({ action: 'SELL', quantity: 2, secType: 'OPT', multiplier: 100 }, 0.3)).toBeCloseTo(-60);
    expect(orderDelta({ action: 'BUY', quantity: 1, secType: 'OPT' }, -0.45)).toBeCloseTo(-45);
    expect(orderDelta({ action: 'BUY', quantity: 1, secType: 'OPT' }, null)).toBeNull();
  });
});
