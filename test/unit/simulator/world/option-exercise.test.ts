import { describe, expect, it } from 'vitest';
import { greeks } from '../../../../src/simulator/world/option-pricing';
import {
  AAPL,
  aaplOption,
  cashOf,
  conIdOf,
  CORPORATION,
  INDIVIDUAL,
  IRA,
  makeWorld,
  OPTION_EXPIRY,
  stock,
} from './fixtures';

const quantity = (world: ReturnType<typeof makeWorld>, account: string, conId: number) =>
  world.positions(account).find((p) => p.conId === conId)?.quantity ?? 0;

describe('option quotes', () => {
  it('straddle the model price at the underlying mid, and follow the underlying as it walks', () => {
    const world = makeWorld();
    const call = conIdOf(world, aaplOption('C', 230));
    for (let round = 0; round < 5; round += 1) {
      world.step(2_000);
      const inputs = world.options.inputs(call);
      if (!inputs) throw new Error('no inputs');
      const aapl = world.quote(conIdOf(world, AAPL));
      expect(inputs.spot).toBeCloseTo((aapl.bid + aapl.ask) / 2, 9);
      const model = greeks(inputs).price;
      const quote = world.quote(call);
      expect(quote.bid).toBeLessThanOrEqual(model + 0.005);
      expect(quote.ask).toBeGreaterThanOrEqual(model - 0.005);
      expect(quote.ask - quote.bid).toBeLessThan(0.2);
    }
  });

  it('do not depend on when an option was first read', () => {
    const early = makeWorld(5);
    const late = makeWorld(5);
    const options = early.findInstruments({ symbol: 'SPY', secType: 'OPT', lastTradeDate: OPTION_EXPIRY });
    for (const option of options) early.quote(option.conId);
    early.step(3_000);
    late.step(3_000);
    // All but the last trade, which is the one a reader saw (and with it the day's high and low).
    const quoted = (world: typeof early, conId: number) => {
      const { last: _last, lastSize: _size, high: _high, low: _low, ...rest } = world.quote(conId);
      return rest;
    };
    for (const option of options)
      expect(quoted(late, option.conId), option.localSymbol).toEqual(quoted(early, option.conId));
  });

  it('list chain parameters and activity for an optionable underlying only', () => {
    const world = makeWorld();
    const [chain] = world.options.chains(conIdOf(world, AAPL));
    expect(chain).toMatchObject({ tradingClass: 'AAPL', multiplier: 100 });
    expect(chain?.expirations).toContain(OPTION_EXPIRY);
    expect(world.options.chains(conIdOf(world, stock('KO')))).toEqual([]);
    expect(world.options.underlyingVolatility(conIdOf(world, stock('KO')))).toBeUndefined();
    const activity = world.options.activity(conIdOf(world, aaplOption('C', 230)));
    expect(activity?.openInterest).toBeGreaterThan(0);
    expect(world.options.activity(conIdOf(world, aaplOption('C', 230)))).toEqual(activity);
  });
});

describe('exercise', () => {
  it('turns a long call into 100 shares a contract bought at the strike, with no commission', () => {
    const world = makeWorld();
    const call = conIdOf(world, aaplOption('C', 230));
    const aapl = conIdOf(world, AAPL);
    const [calls, shares] = [quantity(world, INDIVIDUAL, call), quantity(world, INDIVIDUAL, aapl)];
    const cash = cashOf(world, INDIVIDUAL, 'USD').total;
    const result = world.options.exercise(INDIVIDUAL, call, { action: 'exercise', quantity: 2, override: true });
    expect(result).toMatchObject({ ok: true, settlement: { contracts: 2, shares: 200, strike: 230 } });
    expect(quantity(world, INDIVIDUAL, call)).toBe(calls - 2);
    expect(quantity(world, INDIVIDUAL, aapl)).toBe(shares + 200);
    expect(cashOf(world, INDIVIDUAL, 'USD').total).toBeCloseTo(cash - 200 * 230, 6);
  });

  it('lets a call lapse: the position closes and nothing else moves', () => {
    const world = makeWorld();
    const call = conIdOf(world, aaplOption('C', 230));
    const cash = cashOf(world, INDIVIDUAL, 'USD').total;
    const result = world.options.exercise(INDIVIDUAL, call, { action: 'lapse', quantity: 5, override: true });
    expect(result).toMatchObject({ ok: true, settlement: { shares: 0 } });
    expect(quantity(world, INDIVIDUAL, call)).toBe(0);
    expect(cashOf(world, INDIVIDUAL, 'USD').total).toBe(cash);
  });

  it('follows the natural action unless overridden: no exercise out of the money, no lapse in it', () => {
    const world = makeWorld();
    const spot = world.quote(conIdOf(world, AAPL)).bid;
    const call = conIdOf(world, aaplOption('C', 230));
    // In the money the natural action is to exercise, so a lapse goes against it, and the other way round.
    const against = spot > 230 ? 'lapse' : 'exercise';
    const refused = world.options.exercise(INDIVIDUAL, call, { action: against, quantity: 1, override: false });
    expect(refused).toMatchObject({ ok: false, rejection: { code: 322 } });
    expect(quantity(world, INDIVIDUAL, call)).toBe(5);
  });

  it('refuses more than the long position, a short position, and a stock', () => {
    const world = makeWorld();
    const call = conIdOf(world, aaplOption('C', 230));
    const put = conIdOf(world, aaplOption('P', 220));
    const tooMany = world.options.exercise(INDIVIDUAL, call, { action: 'exercise', quantity: 6, override: true });
    expect(tooMany).toMatchObject({ ok: false, rejection: { code: 322 } });
    if (!tooMany.ok) expect(tooMany.rejection.message).toMatch(/exceeds the long position of 5/);
    const short = world.options.exercise(CORPORATION, put, { action: 'exercise', quantity: 1, override: true });
    expect(short).toMatchObject({ ok: false, rejection: { code: 322 } });
    const shares = world.options.exercise(IRA, conIdOf(world, AAPL), {
      action: 'exercise',
      quantity: 1,
      override: true,
    });
    expect(shares).toMatchObject({ ok: false, rejection: { code: 321 } });
  });
});

describe('assignment', () => {
  it('delivers shares at the strike for an in-the-money short call and closes the short', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const spot = world.quote(aapl).bid;
    const deep = world
      .findInstruments({ symbol: 'AAPL', secType: 'OPT', right: 'C', lastTradeDate: OPTION_EXPIRY })
      .find((option) => option.strike < spot - 20);
    if (!deep) throw new Error('no deep in-the-money call');
    const placed = world.place({
      orderId: 1,
      clientId: 0,
      account: CORPORATION,
      contract: { conId: deep.conId },
      action: 'SELL',
      totalQuantity: 2,
      orderType: 'MKT',
      tif: 'DAY',
      outsideRth: false,
      whatIf: false,
      transmit: true,
    });
    expect(placed.ok).toBe(true);
    expect(quantity(world, CORPORATION, deep.conId)).toBe(-2);
    const cash = cashOf(world, CORPORATION, 'USD').total;
    const settlements = world.options.assign(CORPORATION);
    expect(settlements).toEqual([
      { account: CORPORATION, optionConId: deep.conId, contracts: -2, shares: -200, strike: deep.strike },
    ]);
    expect(quantity(world, CORPORATION, deep.conId)).toBe(0);
    expect(quantity(world, CORPORATION, aapl)).toBe(-200);
    expect(cashOf(world, CORPORATION, 'USD').total).toBeCloseTo(cash + 200 * deep.strike, 6);
  });

  it('buys the shares for an in-the-money short put, and leaves out-of-the-money shorts alone', () => {
    const world = makeWorld();
    const put = conIdOf(world, aaplOption('P', 220));
    const spot = world.quote(conIdOf(world, AAPL)).bid;
    expect(spot).toBeGreaterThan(220);
    expect(world.options.assign(CORPORATION, put)).toEqual([]);
    expect(quantity(world, CORPORATION, put)).toBe(-3);
    world.place({
      orderId: 2,
      clientId: 0,
      account: CORPORATION,
      contract: aaplOption('P', 260),
      action: 'SELL',
      totalQuantity: 1,
      orderType: 'MKT',
      tif: 'DAY',
      outsideRth: false,
      whatIf: false,
      transmit: true,
    });
    const [settlement] = world.options.assign(CORPORATION);
    expect(settlement).toMatchObject({ contracts: -1, shares: 100, strike: 260 });
    expect(quantity(world, CORPORATION, conIdOf(world, AAPL))).toBe(100);
    expect(() => world.options.assign('DU999')).toThrow(/No account/);
  });
});
