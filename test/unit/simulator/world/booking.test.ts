import { describe, expect, it } from 'vitest';
import { commissionFor } from '../../../../src/simulator/world/commission';
import { type SimOrderRequest } from '../../../../src/simulator/world/types';
import {
  AAPL,
  aaplOption,
  cashOf,
  conIdOf,
  CORPORATION,
  ES,
  EUR_USD,
  INDIVIDUAL,
  IRA,
  makeWorld,
  order,
  positionOf,
  recordEvents,
} from './fixtures';

const fillOf = (world: ReturnType<typeof makeWorld>, request: SimOrderRequest) => {
  const events = recordEvents(world);
  const result = world.place(request);
  if (!result.ok) throw new Error(result.rejection.message);
  const fills = events.flatMap((e) => (e.type === 'execution' ? [e] : []));
  if (fills.length !== 1 || !fills[0]) throw new Error(`expected one fill, got ${fills.length}`);
  return fills[0];
};

describe('booking fills', () => {
  it('takes a buy out of cash and settled cash of that account only', () => {
    const world = makeWorld();
    const others = { individual: world.cash(INDIVIDUAL), corporation: world.cash(CORPORATION) };
    const before = cashOf(world, IRA, 'USD');
    const { execution, commission } = fillOf(
      world,
      order({ account: IRA, contract: AAPL, action: 'BUY', totalQuantity: 100 }),
    );
    const cost = 100 * execution.price + commission.commission;
    expect(cashOf(world, IRA, 'USD').total).toBeCloseTo(before.total - cost, 6);
    expect(cashOf(world, IRA, 'USD').settled).toBeCloseTo(before.settled - cost, 6);
    expect({ individual: world.cash(INDIVIDUAL), corporation: world.cash(CORPORATION) }).toEqual(others);
    expect(positionOf(world, IRA, conIdOf(world, AAPL))).toBe(300);
    expect(positionOf(world, INDIVIDUAL, conIdOf(world, AAPL))).toBe(100);
  });

  it('holds sale proceeds unsettled until the T+1 roll', () => {
    const world = makeWorld();
    const before = cashOf(world, IRA, 'USD');
    const { execution, commission } = fillOf(
      world,
      order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 100 }),
    );
    expect(cashOf(world, IRA, 'USD').total).toBeCloseTo(
      before.total + 100 * execution.price - commission.commission,
      6,
    );
    expect(cashOf(world, IRA, 'USD').settled).toBe(before.settled);
    world.settle();
    expect(cashOf(world, IRA, 'USD').settled).toBe(cashOf(world, IRA, 'USD').total);
  });

  it('realizes P&L against the average cost when a position shrinks, net of commission', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const { execution, commission } = fillOf(
      world,
      order({ account: INDIVIDUAL, contract: AAPL, action: 'SELL', totalQuantity: 40 }),
    );
    const expected = 40 * (execution.price - 175) - commission.commission;
    expect(commission.realizedPnl).toBeCloseTo(expected, 6);
    expect(world.positions(INDIVIDUAL).find((p) => p.conId === aapl)).toMatchObject({ quantity: 60, avgCost: 175 });
    expect(world.positions(INDIVIDUAL).find((p) => p.conId === aapl)?.realizedPnl).toBeCloseTo(expected, 6);
    expect(world.pnl(INDIVIDUAL).realized).toBeCloseTo(expected, 6);
    expect(world.pnl(IRA).realized).toBe(0);
  });

  it('folds a buy into the average cost, commission included, and realizes nothing', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const { execution, commission } = fillOf(
      world,
      order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 100 }),
    );
    expect(commission.realizedPnl).toBe(0);
    const avgCost = (100 * 175 + 100 * execution.price + commission.commission) / 200;
    expect(world.positions(INDIVIDUAL).find((p) => p.conId === aapl)?.avgCost).toBeCloseTo(avgCost, 9);
  });

  it('closes and reverses in one fill: the rest opens a short at the fill price', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const { execution, commission } = fillOf(
      world,
      order({ account: INDIVIDUAL, contract: AAPL, action: 'SELL', totalQuantity: 300 }),
    );
    const perShare = commission.commission / 300;
    expect(commission.realizedPnl).toBeCloseTo(100 * (execution.price - 175 - perShare), 6);
    const short = world.positions(INDIVIDUAL).find((p) => p.conId === aapl);
    expect(short?.quantity).toBe(-200);
    expect(short?.avgCost).toBeCloseTo(execution.price - perShare, 9);
  });

  it('moves no notional for a future: closing one pays its P&L into settled cash', () => {
    const world = makeWorld();
    const es = conIdOf(world, ES);
    const before = cashOf(world, INDIVIDUAL, 'USD');
    const { execution, commission } = fillOf(
      world,
      order({ account: INDIVIDUAL, contract: ES, action: 'SELL', totalQuantity: 1 }),
    );
    const realized = 50 * (execution.price - 6400) - commission.commission;
    expect(commission.realizedPnl).toBeCloseTo(realized, 6);
    expect(cashOf(world, INDIVIDUAL, 'USD').total).toBeCloseTo(before.total + realized, 6);
    expect(cashOf(world, INDIVIDUAL, 'USD').settled).toBeCloseTo(before.settled + realized, 6);
    expect(world.positions(INDIVIDUAL).map((p) => p.conId)).not.toContain(es);
    // Closed today, it still shows in the day's P&L.
    expect(world.pnlSingle(INDIVIDUAL, es)).toMatchObject({ position: 0 });
  });

  it('converts currency on IDEALPRO: cash moves, no position appears, and both legs are settled', () => {
    const world = makeWorld();
    const before = cashOf(world, IRA, 'USD');
    const { execution, commission } = fillOf(
      world,
      order({ account: IRA, contract: EUR_USD, action: 'BUY', totalQuantity: 10_000 }),
    );
    expect(commission.commission).toBe(2);
    expect(cashOf(world, IRA, 'EUR')).toEqual({ total: 10_000, settled: 10_000 });
    expect(cashOf(world, IRA, 'USD').settled).toBeCloseTo(before.settled - 10_000 * execution.price - 2, 6);
    expect(world.positions(IRA).map((p) => p.conId)).not.toContain(conIdOf(world, EUR_USD));
  });

  it('books an option at its multiplier', () => {
    const world = makeWorld();
    const call = aaplOption('C', 240);
    const before = cashOf(world, CORPORATION, 'USD');
    const { execution, commission } = fillOf(
      world,
      order({ account: CORPORATION, contract: call, action: 'BUY', totalQuantity: 3 }),
    );
    expect(commission.commission).toBeCloseTo(1.95, 9);
    expect(cashOf(world, CORPORATION, 'USD').total).toBeCloseTo(before.total - 300 * execution.price - 1.95, 6);
    expect(world.positions(CORPORATION).find((p) => p.conId === execution.conId)?.avgCost).toBeCloseTo(
      100 * execution.price + 0.65,
      9,
    );
  });

  it('counts a position opened today from its fill price in the daily P&L', () => {
    const world = makeWorld();
    const msft = conIdOf(world, { symbol: 'MSFT', secType: 'STK' });
    const { execution, commission } = fillOf(
      world,
      order({ account: CORPORATION, contract: { symbol: 'MSFT', secType: 'STK' }, action: 'BUY', totalQuantity: 10 }),
    );
    world.step(2_000);
    const expected = 10 * (world.quote(msft).last - execution.price) - commission.commission;
    expect(world.pnlSingle(CORPORATION, msft)?.daily).toBeCloseTo(expected, 6);
  });
});

describe('commission schedule', () => {
  const world = makeWorld();
  const instrument = (query: Parameters<typeof conIdOf>[1]) => {
    const found = world.instrument(conIdOf(world, query));
    if (!found) throw new Error('missing');
    return found;
  };

  it('charges US stock $0.005 a share, at least $1, at most 1 % of the value', () => {
    const aapl = instrument(AAPL);
    expect(commissionFor(aapl, 100, 200)).toBe(1);
    expect(commissionFor(aapl, 1_000, 200)).toBe(5);
    expect(commissionFor(aapl, 1_000, 0.1)).toBe(1);
  });

  it('charges options per contract, futures per contract, euro stock and FX by value with minimums', () => {
    expect(commissionFor(instrument(aaplOption('P', 220)), 1, 5)).toBe(1);
    expect(commissionFor(instrument(ES), 2, 6500)).toBe(1.7);
    expect(commissionFor(instrument({ symbol: 'SAP', secType: 'STK' }), 10, 240)).toBe(3);
    expect(commissionFor(instrument({ symbol: 'SAP', secType: 'STK' }), 1_000, 240)).toBe(29);
    expect(commissionFor(instrument(EUR_USD), 1_000_000, 1.15)).toBe(23);
    expect(commissionFor(instrument(AAPL), 0, 200)).toBe(0);
  });
});
