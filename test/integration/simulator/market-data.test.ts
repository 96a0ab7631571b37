import {
  BarSizeSetting,
  DurationUnit,
  EventName,
  FADataType,
  IBApiNextError,
  type MarketDataType,
  SecType,
  WhatToShow,
  type Contract,
  type ContractDescription,
  type MarketDataUpdate,
} from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  connectApi,
  connectNext,
  delay,
  nextEvent,
  recordEvents,
  until,
  type NextClient,
  type RawApiClient,
} from './ib-client';

const stock = (symbol: string): Contract => ({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' });
const AAPL = stock('AAPL');
const EURUSD: Contract = { symbol: 'EUR', secType: SecType.CASH, exchange: 'IDEALPRO', currency: 'USD' };

type Tick = [reqId: number, tickType: number, value: number];

let sim: Simulator;
let next: NextClient;
let raw: RawApiClient;
let prices: Tick[];
let sizes: Tick[];
let generics: Tick[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
  [next, raw] = await Promise.all([connectNext(sim.port, 1), connectApi(sim.port, 2)]);
  prices = recordEvents<Tick>(raw.api, EventName.tickPrice);
  sizes = recordEvents<Tick>(raw.api, EventName.tickSize);
  generics = recordEvents<Tick>(raw.api, EventName.tickGeneric);
});
afterEach(() => {
  next.reports.expectClean();
  raw.reports.expectClean();
});
afterAll(async () => {
  next.close();
  raw.close();
  await sim.close();
});

const conId = (symbol: string) => sim.world.findInstruments({ symbol, secType: 'STK' })[0]?.conId ?? 0;
const typesFor = (ticks: Tick[], reqId: number) =>
  new Set(ticks.filter(([id]) => id === reqId).map(([, type]) => type));
const latest = (ticks: Tick[], reqId: number, type: number) =>
  ticks.filter(([id, tickType]) => id === reqId && tickType === type).at(-1)?.[2];

describe('reqMktData', () => {
  it('streams the quote, moves when the simulator steps, and stops on cancel', async () => {
    const type = nextEvent<[number, number]>(raw.api, EventName.marketDataType, (id) => id === 1);
    raw.api.reqMktData(1, AAPL, '', false, false);
    expect((await type)[1]).toBe(1);
    await until(() => (typesFor(prices, 1).has(9) ? true : undefined), 2000, 'the first quote');
    const quote = sim.world.quote(conId('AAPL'));
    expect(typesFor(prices, 1)).toEqual(new Set([1, 2, 4, 6, 7, 9, 14]));
    expect(latest(prices, 1, 1)).toBe(quote.bid);
    expect(latest(prices, 1, 2)).toBe(quote.ask);
    expect(latest(prices, 1, 4)).toBe(quote.last);
    expect(latest(sizes, 1, 0)).toBe(quote.bidSize);
    expect(latest(sizes, 1, 8)).toBe(quote.volume);
    expect(sim.connections().find((c) => c.clientId === 2)?.marketDataLines).toBe(1);

    const before = prices.filter(([id]) => id === 1).length;
    sim.step(1000);
    await until(() => (prices.filter(([id]) => id === 1).length > before ? true : undefined), 2000, 'new ticks');
    const moved = sim.world.quote(conId('AAPL'));
    await until(() => (latest(prices, 1, 2) === moved.ask && latest(prices, 1, 1) === moved.bid ? true : undefined));

    raw.api.cancelMktData(1);
    await delay(50);
    const afterCancel = prices.filter(([id]) => id === 1).length;
    sim.step(1000);
    await delay(100);
    expect(prices.filter(([id]) => id === 1).length).toBe(afterCancel);
    expect(sim.connections().find((c) => c.clientId === 2)?.marketDataLines).toBe(0);
  });

  it('streams through IBApiNext', async () => {
    const msft = conId('MSFT');
    const seen: MarketDataUpdate[] = [];
    const subscription = next.api.getMarketData(stock('MSFT'), '', false, false).subscribe((u) => seen.push(u));
    try {
      const first = await until(() => seen.find((u) => u.all.has(9)), 3000, 'the close');
      expect(first.all.get(9)?.value).toBe(sim.world.quote(msft).close);
      const askBefore = first.all.get(2)?.value;
      sim.step(2000);
      const quote = sim.world.quote(msft);
      expect(quote.ask).not.toBe(askBefore);
      const moved = await until(() => seen.find((u) => u.all.get(2)?.value === quote.ask), 3000, 'the new ask');
      expect(moved.all.get(2)?.value).toBe(quote.ask);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('answers a snapshot with tickSnapshotEnd and holds no line', async () => {
    const end = nextEvent<[number]>(raw.api, EventName.tickSnapshotEnd, (id) => id === 2);
    raw.api.reqMktData(2, stock('KO'), '', true, false);
    await end;
    expect(latest(prices, 2, 4)).toBe(sim.world.quote(conId('KO')).last);
    expect(sim.connections().find((c) => c.clientId === 2)?.marketDataLines).toBe(0);
  });

  it('sends shortable shares for generic tick 236 (AMC and BYND are not shortable)', async () => {
    for (const [reqId, symbol] of [
      [3, 'AAPL'],
      [4, 'AMC'],
      [5, 'BYND'],
    ] as const) {
      const end = nextEvent<[number]>(raw.api, EventName.tickSnapshotEnd, (id) => id === reqId);
      raw.api.reqMktData(reqId, stock(symbol), '236', true, false);
      await end;
    }
    expect(latest(generics, 3, 46)).toBe(3);
    expect(latest(sizes, 3, 89)).toBeGreaterThan(1000);
    for (const reqId of [4, 5]) {
      expect(latest(generics, reqId, 46)).toBe(1);
      expect(latest(sizes, reqId, 89)).toBe(0);
    }
  });

  it('quotes FX without last, last size or volume', async () => {
    const end = nextEvent<[number]>(raw.api, EventName.tickSnapshotEnd, (id) => id === 6);
    raw.api.reqMktData(6, EURUSD, '', true, false);
    await end;
    expect(typesFor(prices, 6).has(1)).toBe(true);
    expect(typesFor(prices, 6).has(4)).toBe(false);
    expect(typesFor(sizes, 6).has(8)).toBe(false);
  });

  it('answers an unknown symbol with 200', async () => {
    raw.api.reqMktData(7, stock('NOSUCH'), '', false, false);
    expect((await raw.reports.code(200, 7)).message).toContain('No security definition');
  });

  it('serves live data after reqMarketDataType(3) when live data is available, and refuses type 7', async () => {
    raw.api.reqMarketDataType(3);
    const type = nextEvent<[number, number]>(raw.api, EventName.marketDataType, (id) => id === 8);
    raw.api.reqMktData(8, AAPL, '', true, false);
    expect((await type)[1]).toBe(1);
    raw.api.reqMarketDataType(7 as MarketDataType);
    expect((await raw.reports.code(321)).message).toContain('Market data type 7');
    raw.api.reqMarketDataType(1);
  });
});

describe('delayed login', () => {
  it('refuses live data with 354 and serves delayed ticks 66–76 after reqMarketDataType(3)', async () => {
    const delayed = await startSimulator({ port: 0, tickRate: 0, seed: 42, delayed: true });
    const client = await connectApi(delayed.port, 3);
    try {
      const ticks = recordEvents<Tick>(client.api, EventName.tickPrice);
      const tickSizes = recordEvents<Tick>(client.api, EventName.tickSize);
      client.api.reqMktData(1, AAPL, '', false, false);
      expect((await client.reports.code(354, 1)).message).toContain('not subscribed');
      expect(ticks).toEqual([]);

      client.api.reqMarketDataType(3);
      const type = nextEvent<[number, number]>(client.api, EventName.marketDataType, (id) => id === 2);
      client.api.reqMktData(2, AAPL, '', false, false);
      expect((await type)[1]).toBe(3);
      await client.reports.code(10167, 2);
      await until(() => (ticks.some(([, t]) => t === 75) ? true : undefined), 2000, 'delayed close');
      const all = new Set([...ticks, ...tickSizes].map(([, t]) => t));
      for (const t of [66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76]) expect(all.has(t), `tick type ${t}`).toBe(true);
      expect([...all].every((t) => t >= 66 && t <= 76)).toBe(true);
      expect(ticks.find(([, t]) => t === 68)?.[2]).toBe(delayed.world.quote(conId('AAPL')).last);
      client.reports.expectClean();
    } finally {
      client.close();
      await delayed.close();
    }
  });
});

describe('reqHistoricalData', () => {
  it('returns bars whose last close is the live last', async () => {
    const bars = await next.api.getHistoricalData(
      AAPL,
      '',
      '1 D',
      BarSizeSetting.MINUTES_FIVE,
      WhatToShow.TRADES,
      0,
      2,
    );
    expect(bars.length).toBeGreaterThan(50);
    const last = bars.at(-1);
    expect(last?.close).toBe(sim.world.quote(conId('AAPL')).last);
    for (const bar of bars) {
      expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open ?? 0, bar.close ?? 0));
      expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open ?? 0, bar.close ?? 0));
    }
  });

  it('refuses an identical request within 15 s with 162 (pacing violation)', async () => {
    const ask = () =>
      next.api.getHistoricalData(stock('KO'), '', '2 D', BarSizeSetting.HOURS_ONE, WhatToShow.MIDPOINT, 1, 2);
    expect((await ask()).length).toBeGreaterThan(0);
    const refusal = await ask().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(IBApiNextError);
    expect((refusal as IBApiNextError).code).toBe(162);
    expect((refusal as IBApiNextError).error.message).toContain('pacing violation');
  });

  it('sends updates with keepUpToDate', async () => {
    const bars = recordEvents<[number, string, number, number, number, number]>(raw.api, EventName.historicalData);
    const updates = recordEvents<[number, string, number, number, number, number]>(
      raw.api,
      EventName.historicalDataUpdate,
    );
    raw.api.reqHistoricalData(
      21,
      stock('NVDA'),
      '',
      '3600 S',
      BarSizeSetting.MINUTES_ONE,
      WhatToShow.TRADES,
      0,
      2,
      true,
    );
    await until(() => (bars.some(([id, time]) => id === 21 && time.startsWith('finished')) ? true : undefined));
    expect(bars.filter(([id]) => id === 21).length).toBeGreaterThan(50);
    await delay(1050);
    sim.step(1000);
    const update = await until(() => updates.find(([id]) => id === 21), 3000, 'a bar update');
    expect(update[5]).toBe(sim.world.quote(conId('NVDA')).last); // the forming bar closes at the live last
    raw.api.cancelHistoricalData(21);
  });

  it('refuses a malformed duration with 321', async () => {
    raw.api.reqHistoricalData(22, AAPL, '', '1 X', BarSizeSetting.MINUTES_ONE, WhatToShow.TRADES, 0, 2, false);
    expect((await raw.reports.code(321, 22)).message).toContain('duration');
  });
});

describe('contracts', () => {
  it('reports EPD as an MLP and answers an unknown symbol with 200', async () => {
    const [details] = await next.api.getContractDetails(stock('EPD'));
    expect(details?.stockType).toBe('MLP');
    expect(details?.contract.conId).toBe(conId('EPD'));
    expect(details?.longName).toBe('ENTERPRISE PRODUCTS PARTNERS');
    const refusal = await next.api.getContractDetails(stock('NOSUCH')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((refusal as IBApiNextError).code).toBe(200);
  });

  it('describes options, futures and FX, and quotes them', async () => {
    const options = await next.api.getContractDetails({ symbol: 'AAPL', secType: SecType.OPT, currency: 'USD' });
    const expiries = new Set(options.map((d) => d.contract.lastTradeDateOrContractMonth));
    expect(options.length).toBe(expiries.size * 31 * 2);
    expect(options.map((d) => `${d.contract.right}${d.contract.strike}`)).toEqual(
      expect.arrayContaining(['C220', 'C230', 'C240', 'P220', 'P230', 'P240']),
    );
    expect(options.every((d) => d.contract.multiplier === 100 && d.underConId === conId('AAPL'))).toBe(true);
    const [future] = await next.api.getContractDetails({ symbol: 'ES', secType: SecType.FUT, exchange: 'CME' });
    expect(future?.contract.localSymbol).toBe('ESZ6');
    const [fx] = await next.api.getContractDetails(EURUSD);
    expect(fx?.contract.localSymbol).toBe('EUR.USD');

    let reqId = 50;
    for (const details of [options[0], future]) {
      const contract = details?.contract ?? {};
      const end = nextEvent<[number]>(raw.api, EventName.tickSnapshotEnd, (id) => id === reqId);
      raw.api.reqMktData(reqId, contract, '', true, false);
      await end;
      expect(latest(prices, reqId, 2)).toBe(sim.world.quote(contract.conId ?? 0).ask);
      reqId += 1;
    }
  });

  it('answers reqMatchingSymbols', async () => {
    const found: ContractDescription[] = await next.api.getMatchingSymbols('AAP');
    const aapl = found.find((description) => description.contract?.symbol === 'AAPL');
    expect(aapl?.contract?.conId).toBe(conId('AAPL'));
    expect(aapl?.derivativeSecTypes).toContain('OPT');
  });
});

describe('requests the simulator does not serve', () => {
  it('answers requestFA and reqHistogramData with 321 and stays usable', async () => {
    raw.api.requestFA(FADataType.GROUPS);
    expect(
      (await raw.reports.waitFor((entry) => entry.code === 321 && /FA data operations ignored/.test(entry.message)))
        .reqId,
    ).toBe(-1);
    raw.api.reqHistogramData(31, AAPL, true, 1, DurationUnit.DAY);
    expect((await raw.reports.code(321, 31)).message).toContain('does not serve');
    const time = nextEvent<[number]>(raw.api, EventName.currentTime);
    raw.api.reqCurrentTime();
    expect((await time)[0]).toBeGreaterThan(1_600_000_000);
  });
});
