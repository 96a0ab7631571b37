import { EventName, type IBApiNextError, IBApiNextTickType, OptionType, SecType, type Contract } from '@stoqey/ib';
import { firstValueFrom, filter, timeout } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { type Instrument } from '../../../src/simulator/world';
import { greeks, impliedVolatility } from '../../../src/simulator/world/option-pricing';
import {
  connectApi,
  connectNext,
  nextEvent,
  recordEvents,
  until,
  type NextClient,
  type RawApiClient,
} from './ib-client';

const INDIVIDUAL = 'DU1000002';
const CORPORATION = 'DU1000003';

type Computation = [
  reqId: number,
  tickType: number,
  tickAttrib: number,
  impliedVol: number | undefined,
  delta: number | undefined,
  optPrice: number | undefined,
  pvDividend: number | undefined,
  gamma: number | undefined,
  vega: number | undefined,
  theta: number | undefined,
  undPrice: number | undefined,
];

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50, controlPort: 0 });
});
afterAll(async () => {
  await sim.close();
});

const asContract = (option: Instrument): Contract => ({
  symbol: option.symbol,
  secType: SecType.OPT,
  lastTradeDateOrContractMonth: option.lastTradeDate,
  strike: option.strike,
  right: option.right === 'C' ? OptionType.Call : OptionType.Put,
  multiplier: 100,
  exchange: 'SMART',
  currency: 'USD',
});
const underlying = (symbol: string) => sim.world.findInstruments({ symbol, secType: 'STK' })[0] as Instrument;
/** The individual account's opening AAPL calls. */
const heldCall = () =>
  sim.world.instrument(
    sim.world.positions(INDIVIDUAL).find((p) => sim.world.instrument(p.conId)?.secType === 'OPT')?.conId ?? 0,
  ) as Instrument;
const position = (account: string, conId: number) =>
  sim.world.positions(account).find((p) => p.conId === conId)?.quantity ?? 0;

describe.each([178, 193])('options at server version %i', (version) => {
  let next: NextClient;
  let raw: RawApiClient;
  let computations: Computation[];
  let sizeTicks: [number, number, number][];
  let reqId = version * 100;

  beforeAll(async () => {
    [next, raw] = await Promise.all([
      connectNext(sim.port, version, 5000, version),
      connectApi(sim.port, version + 1, 5000, version),
    ]);
    expect(raw.api.serverVersion).toBe(version);
    computations = recordEvents<Computation>(raw.api, EventName.tickOptionComputation);
    sizeTicks = recordEvents<[number, number, number]>(raw.api, EventName.tickSize);
  });
  afterEach(() => {
    next.reports.expectClean();
    raw.reports.expectClean();
  });
  afterAll(() => {
    next.close();
    raw.close();
  });

  it('lists chain parameters per exchange: expiries and strikes of the listed contracts', async () => {
    const aapl = underlying('AAPL');
    const params = await next.api.getSecDefOptParams('AAPL', '', SecType.STK, aapl.conId);
    expect(params.map((p) => p.exchange)).toEqual(['SMART', 'AMEX', 'CBOE', 'ISE', 'PHLX']);
    const listed = sim.world.findInstruments({ symbol: 'AAPL', secType: 'OPT' });
    for (const p of params) {
      expect(p).toMatchObject({ underlyingConId: aapl.conId, tradingClass: 'AAPL', multiplier: 100 });
      expect(p.expirations).toEqual([...new Set(listed.map((o) => o.lastTradeDate))].sort());
      expect(p.strikes).toEqual([...new Set(listed.map((o) => o.strike))].sort((a, b) => a - b));
      expect(p.strikes).toHaveLength(31);
      expect(p.expirations.length).toBeGreaterThanOrEqual(6);
    }
    const none = await next.api.getSecDefOptParams('KO', '', SecType.STK, underlying('KO').conId);
    expect(none).toEqual([]);
    const unknown = await next.api.getSecDefOptParams('XYZ', '', SecType.STK, 123).catch((error: unknown) => error);
    expect((unknown as IBApiNextError).code).toBe(200);
  });

  it('details every listed option a partial contract matches, and refuses a strike not listed', async () => {
    const spy = underlying('SPY');
    const [expiry] = sim.world.options.chains(spy.conId)[0]?.expirations ?? [];
    const calls = await next.api.getContractDetails({
      symbol: 'SPY',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: expiry,
      right: OptionType.Call,
      exchange: 'SMART',
      currency: 'USD',
    });
    expect(calls).toHaveLength(31);
    for (const details of calls) {
      expect(details.contract).toMatchObject({ symbol: 'SPY', right: 'C', multiplier: 100, tradingClass: 'SPY' });
      expect(details.contract.localSymbol).toMatch(/^SPY {3}\d{6}C\d{8}$/);
      expect(details).toMatchObject({ underConId: spy.conId, underSymbol: 'SPY', underSecType: 'STK' });
      expect(details.marketRuleIds).toBeTruthy();
      expect(details.validExchanges).toBe('SMART,AMEX,CBOE,ISE,PHLX');
    }
    const missing = await next.api
      .getContractDetails({ ...asContract(heldCall()), strike: 231.25 })
      .catch((error: unknown) => error);
    expect((missing as IBApiNextError).code).toBe(200);
  });

  it('streams an option line with bid, ask, last and model computations consistent with Black–Scholes', async () => {
    const option = heldCall();
    const id = ++reqId;
    raw.api.reqMktData(id, asContract(option), '100,101,104,106', false, false);
    await until(() => (computations.some(([r, type]) => r === id && type === 13) ? true : undefined));
    const model = computations.find(([r, type]) => r === id && type === 13) as Computation;
    const inputs = sim.world.options.inputs(option.conId);
    if (!inputs) throw new Error('no model inputs');
    const expected = greeks(inputs);
    expect(model[3]).toBeCloseTo(inputs.vol, 10);
    expect(model[4]).toBeCloseTo(expected.delta, 10);
    expect(model[5]).toBeCloseTo(expected.price, 10);
    expect(model.slice(7, 11)).toEqual(
      [expected.gamma, expected.vega, expected.theta, inputs.spot].map((v) => expect.closeTo(v, 10)),
    );
    const bid = computations.find(([r, type]) => r === id && type === 10) as Computation;
    const quote = sim.world.quote(option.conId);
    expect(bid[5]).toBe(quote.bid);
    const { vol: _, ...market } = inputs;
    expect(bid[3]).toBeCloseTo(impliedVolatility(quote.bid, market) ?? NaN, 8);
    expect(computations.some(([r, type]) => r === id && type === 11)).toBe(true);
    // Generic ticks: the option's own open interest and volume under its right's types, the underlying's vols.
    const sizes = await until(() => {
      const seen = new Set(sizeTicks.filter(([r]) => r === id).map(([, type]) => type));
      return seen.has(27) && seen.has(29) ? seen : undefined;
    });
    expect(sizes.has(28) || sizes.has(30)).toBe(false);
    // IBApiNext files the same computation under its model-option tick types.
    const line = await firstValueFrom(
      next.api.getMarketData(asContract(option), '', false, false).pipe(
        filter((update) => update.all.has(IBApiNextTickType.MODEL_OPTION_DELTA)),
        timeout(3000),
      ),
    );
    expect(line.all.get(IBApiNextTickType.MODEL_OPTION_DELTA)?.value).toBeCloseTo(expected.delta, 10);
    expect(line.all.get(IBApiNextTickType.OPTION_UNDERLYING)?.value).toBeCloseTo(inputs.spot, 10);
    // The underlying moves: the line ticks again, computations with it.
    const before = computations.filter(([r]) => r === id).length;
    for (let round = 0; round < 50 && computations.filter(([r]) => r === id).length === before; round += 1) {
      sim.step(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(computations.filter(([r]) => r === id).length).toBeGreaterThan(before);
    raw.api.cancelMktData(id);
  });

  it('answers calculateImpliedVolatility and calculateOptionPrice with tick type 53', async () => {
    const option = heldCall();
    const contract = asContract(option);
    const ivId = ++reqId;
    const ivAnswer = nextEvent<Computation>(raw.api, EventName.tickOptionComputation, (r) => r === ivId);
    raw.api.calculateImpliedVolatility(ivId, contract, 8.5, 231);
    const [, ivType, , iv, , ivPrice, , , , , ivUnder] = await ivAnswer;
    const years = sim.world.options.inputs(option.conId)?.years ?? 0;
    const terms = { right: 'C' as const, spot: 231, strike: option.strike, years };
    expect([ivType, ivPrice, ivUnder]).toEqual([53, 8.5, 231]);
    expect(iv).toBeCloseTo(impliedVolatility(8.5, terms) ?? NaN, 8);
    const priceId = ++reqId;
    const priceAnswer = nextEvent<Computation>(raw.api, EventName.tickOptionComputation, (r) => r === priceId);
    raw.api.calculateOptionPrice(priceId, contract, 0.3, 231);
    const [, priceType, , vol, delta, price] = await priceAnswer;
    const expected = greeks({ ...terms, vol: 0.3 });
    expect([priceType, vol]).toEqual([53, 0.3]);
    expect(price).toBeCloseTo(expected.price, 10);
    expect(delta).toBeCloseTo(expected.delta, 10);
    raw.api.cancelCalculateImpliedVolatility(ivId);
    raw.api.cancelCalculateOptionPrice(priceId);
    const stock = ++reqId;
    raw.api.calculateOptionPrice(
      stock,
      { symbol: 'KO', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      0.3,
      70,
    );
    expect((await raw.reports.code(321, stock)).message).toMatch(/not an option/);
  });

  it('exercises a long call: the position shrinks and 100 shares arrive at the strike', async () => {
    const option = heldCall();
    const aapl = underlying('AAPL');
    const [calls, shares] = [position(INDIVIDUAL, option.conId), position(INDIVIDUAL, aapl.conId)];
    const cash = sim.world.cash(INDIVIDUAL).find((line) => line.currency === 'USD')?.total ?? 0;
    const seen = recordEvents<[string, Contract, number]>(raw.api, EventName.position);
    raw.api.reqPositions();
    raw.api.exerciseOptions(++reqId, { ...asContract(option), conId: option.conId }, 1, 1, INDIVIDUAL, 1);
    await until(() => (position(INDIVIDUAL, option.conId) === calls - 1 ? true : undefined));
    expect(position(INDIVIDUAL, aapl.conId)).toBe(shares + 100);
    expect(sim.world.cash(INDIVIDUAL).find((line) => line.currency === 'USD')?.total).toBeCloseTo(
      cash - 100 * option.strike,
      6,
    );
    await until(() =>
      seen.some(
        ([account, contract, pos]) => account === INDIVIDUAL && contract.conId === aapl.conId && pos === shares + 100,
      )
        ? true
        : undefined,
    );
    raw.api.cancelPositions();
  });

  it('refuses to exercise more than is held, or a stock', async () => {
    const option = heldCall();
    const held = position(INDIVIDUAL, option.conId);
    const tooMany = ++reqId;
    raw.api.exerciseOptions(tooMany, asContract(option), 1, held + 1, INDIVIDUAL, 1);
    expect((await raw.reports.code(322, tooMany)).message).toMatch(new RegExp(`exceeds the long position of ${held}`));
    const stock = ++reqId;
    const aapl: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
    raw.api.exerciseOptions(stock, aapl, 1, 1, INDIVIDUAL, 1);
    expect((await raw.reports.code(321, stock)).message).toMatch(/not an option/);
    expect(position(INDIVIDUAL, option.conId)).toBe(held);
  });
});

describe('the assignment fault', () => {
  it('assigns an in-the-money short call at expiry: the shares leave at the strike and clients see it', async () => {
    const client = await connectNext(sim.port, 50);
    try {
      const aapl = underlying('AAPL');
      const spot = sim.world.quote(aapl.conId).bid;
      const [deep] = sim.world
        .findInstruments({ symbol: 'AAPL', secType: 'OPT', right: 'C' })
        .filter((o) => o.strike < spot - 20);
      if (!deep) throw new Error('no deep in-the-money call');
      const sold = sim.world.place({
        orderId: sim.world.nextOrderId(),
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
      expect(sold.ok).toBe(true);
      await until(() => (position(CORPORATION, deep.conId) === -2 ? true : undefined));
      const shares = position(CORPORATION, aapl.conId);
      const updates = client.api.getPositions();
      const response = await fetch(`http://127.0.0.1:${sim.controlPort}/faults/assign?account=${CORPORATION}`, {
        method: 'POST',
      });
      expect(await response.json()).toEqual({ ok: true, result: { assigned: 1 } });
      expect(position(CORPORATION, deep.conId)).toBe(0);
      expect(position(CORPORATION, aapl.conId)).toBe(shares - 200);
      const seen = await firstValueFrom(
        updates.pipe(
          filter((update) =>
            (update.all.get(CORPORATION) ?? []).some((p) => p.contract.conId === aapl.conId && p.pos === shares - 200),
          ),
          timeout(3000),
        ),
      );
      expect(seen).toBeDefined();
      client.reports.expectClean();
    } finally {
      client.close();
    }
  });

  it('leaves out-of-the-money shorts alone and refuses an unknown account', async () => {
    const put = sim.world.positions(CORPORATION).find((p) => sim.world.instrument(p.conId)?.right === 'P');
    const spot = sim.world.quote(underlying('AAPL').conId).bid;
    expect(sim.world.instrument(put?.conId ?? 0)?.strike).toBeLessThan(spot);
    expect(sim.faults.assign(CORPORATION, put?.conId)).toBe(0);
    expect(() => sim.faults.assign('DU999')).toThrow(/No account/);
  });
});
