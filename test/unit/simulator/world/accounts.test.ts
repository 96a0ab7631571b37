import { describe, expect, it } from 'vitest';
import { ACCOUNT_IDS } from '../../../../src/simulator/world';
import { AAPL, cashOf, conIdOf, CORPORATION, ES, EUR_USD, INDIVIDUAL, IRA, makeWorld } from './fixtures';

describe('the linked paper accounts', () => {
  const world = makeWorld();

  it('are a Roth IRA, an individual and a corporation, all paper (DU)', () => {
    expect(world.accounts().map((a) => [a.id, a.kind])).toEqual([
      [IRA, 'IRA'],
      [INDIVIDUAL, 'INDIVIDUAL'],
      [CORPORATION, 'CORPORATION'],
    ]);
    expect(Object.values(ACCOUNT_IDS)).toEqual([IRA, INDIVIDUAL, CORPORATION]);
    expect(world.accounts().map((a) => world.summary(a.id).AccountType)).toEqual(['IRA', 'INDIVIDUAL', 'CORPORATION']);
  });

  it('hold USD everywhere and euros only outside the IRA', () => {
    expect(world.cash(IRA).map((c) => c.currency)).toEqual(['USD']);
    expect(world.cash(INDIVIDUAL).map((c) => c.currency)).toEqual(['USD', 'EUR']);
    expect(world.cash(CORPORATION).map((c) => c.currency)).toEqual(['USD', 'EUR']);
    expect(cashOf(world, IRA, 'USD').total).toBe(100_000);
    // Part of the IRA's cash is a sale that has not settled.
    expect(cashOf(world, IRA, 'USD').settled).toBeLessThan(cashOf(world, IRA, 'USD').total);
  });

  it('hold enough AAPL in the IRA for a covered call, and the future and the euro stock only outside it', () => {
    const aapl = conIdOf(world, AAPL);
    const es = conIdOf(world, ES);
    const sap = conIdOf(world, { symbol: 'SAP', secType: 'STK' });
    expect(world.positions(IRA).find((p) => p.conId === aapl)?.quantity).toBeGreaterThanOrEqual(100);
    expect(world.positions(IRA).map((p) => p.conId)).not.toContain(es);
    expect(world.positions(IRA).map((p) => p.conId)).not.toContain(sap);
    for (const account of [INDIVIDUAL, CORPORATION]) {
      expect(world.positions(account).map((p) => p.conId)).toEqual(expect.arrayContaining([es, sap]));
    }
    const optionHolders = world.positions().filter((p) => world.instrument(p.conId)?.secType === 'OPT');
    expect(optionHolders.length).toBeGreaterThan(0);
    expect(new Set(world.positions().map((p) => p.account))).toEqual(new Set([IRA, INDIVIDUAL, CORPORATION]));
  });

  it('report positions at the last price, with cost and P&L in the instrument currency', () => {
    for (const position of world.positions()) {
      const instrument = world.instrument(position.conId);
      if (!instrument) throw new Error('position without an instrument');
      expect(position.marketPrice).toBe(world.quote(position.conId).last);
      expect(position.marketValue).toBeCloseTo(position.quantity * position.marketPrice * instrument.multiplier, 6);
      expect(position.unrealizedPnl).toBeCloseTo(position.marketValue - position.quantity * position.avgCost, 6);
    }
  });

  it('sum the IRA: net liquidation is cash plus its (all-USD stock) positions; stock is margined 100 %', () => {
    const summary = world.summary(IRA);
    const positions = world.positions(IRA).reduce((sum, p) => sum + p.marketValue, 0);
    expect(summary.NetLiquidation).toBeCloseTo(summary.TotalCashValue + positions, 6);
    expect(summary.GrossPositionValue).toBeCloseTo(positions, 6);
    expect(summary.InitMarginReq).toBeCloseTo(positions, 6);
    expect(summary.BuyingPower).toBeCloseTo(summary.SettledCash, 6);
  });

  it('convert euros at the EUR.USD midpoint', () => {
    const eurusd = world.quote(conIdOf(world, EUR_USD));
    const mid = (eurusd.bid + eurusd.ask) / 2;
    const expected = cashOf(world, INDIVIDUAL, 'USD').total + cashOf(world, INDIVIDUAL, 'EUR').total * mid;
    expect(world.summary(INDIVIDUAL).TotalCashValue).toBeCloseTo(expected, 6);
  });

  it('give a margin account four times its available funds as buying power, and futures margin', () => {
    const summary = world.summary(INDIVIDUAL);
    expect(summary.BuyingPower).toBeCloseTo(summary.AvailableFunds * 4, 6);
    expect(summary.InitMarginReq).toBeGreaterThan(25_000);
    expect(summary.AvailableFunds).toBeCloseTo(summary.EquityWithLoanValue - summary.InitMarginReq, 6);
  });

  it('measure daily P&L from the previous close', () => {
    const expected = world.positions(IRA).reduce((sum, p) => {
      const quote = world.quote(p.conId);
      return sum + p.quantity * (quote.last - quote.close);
    }, 0);
    expect(world.pnl(IRA).daily).toBeCloseTo(expected, 6);
    expect(world.pnl(IRA).realized).toBe(0);
    expect(world.pnl(IRA).unrealized).toBeCloseTo(
      world.positions(IRA).reduce((sum, p) => sum + p.unrealizedPnl, 0),
      6,
    );
    const single = world.pnlSingle(IRA, conIdOf(world, AAPL));
    const quote = world.quote(conIdOf(world, AAPL));
    expect(single?.daily).toBeCloseTo(200 * (quote.last - quote.close), 6);
    expect(single?.position).toBe(200);
    expect(world.pnlSingle(IRA, conIdOf(world, ES))).toBeUndefined();
  });

  it('refuse to guess about an account they do not have', () => {
    expect(() => world.summary('U999')).toThrow(/U999/);
    expect(() => world.cash('DU0')).toThrow();
  });
});
