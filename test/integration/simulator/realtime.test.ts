import {
  EventName,
  SecType,
  TickByTickDataType,
  WhatToShow,
  type Contract,
  type HistoricalTick,
  type HistoricalTickBidAsk,
  type HistoricalTickLast,
} from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, delay, nextEvent, recordEvents, until, type RawApiClient } from './ib-client';

const stock = (symbol: string): Contract => ({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' });
const AAPL = stock('AAPL');
const START = Date.UTC(2025, 5, 10, 15, 0, 0);
/** 'YYYYMMDD HH:MM:SS UTC', as a client writes a date/time. */
const wireTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/-/g, '').replace('T', ' ')} UTC`;

type AllLast = [
  reqId: number,
  tickType: number,
  time: string,
  price: number,
  size: number,
  attribs: unknown,
  exchange: string,
];
type BidAsk = [reqId: number, time: string, bid: number, ask: number, bidSize: number, askSize: number];
type MidPoint = [reqId: number, time: string, mid: number];
type Bar = [
  reqId: number,
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  wap: number,
  count: number,
];

describe.each([178, 193])('tick-by-tick data and real-time bars at server version %i', (serverVersion) => {
  let sim: Simulator;
  let client: RawApiClient;
  let clock = START;
  let lasts: AllLast[];
  let bidAsks: BidAsk[];
  let mids: MidPoint[];
  let bars: Bar[];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000, now: () => clock });
    client = await connectApi(sim.port, 1, 5000, serverVersion);
    lasts = recordEvents<AllLast>(client.api, EventName.tickByTickAllLast);
    bidAsks = recordEvents<BidAsk>(client.api, EventName.tickByTickBidAsk);
    mids = recordEvents<MidPoint>(client.api, EventName.tickByTickMidPoint);
    bars = recordEvents<Bar>(client.api, EventName.realtimeBar);
  });
  afterEach(() => client.reports.expectClean());
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  const conId = (symbol: string) => sim.world.findInstruments({ symbol, secType: 'STK' })[0]?.conId ?? 0;
  /** Resolves once the simulator has handled every request sent before: it answers a connection in order. */
  const handled = async () => {
    const answer = nextEvent(client.api, EventName.currentTime);
    client.api.reqCurrentTime();
    await answer;
  };
  const of = <T extends unknown[]>(events: T[], reqId: number) => events.filter((event) => event[0] === reqId);

  it('negotiates the version under test', () => {
    expect(sim.connections().map((connection) => connection.serverVersion)).toEqual([serverVersion]);
  });

  it('streams Last, AllLast, BidAsk and MidPoint ticks at the walk’s prices, and stops on cancel', async () => {
    const { api } = client;
    api.reqTickByTickData(1, AAPL, TickByTickDataType.Last, 0, false);
    api.reqTickByTickData(2, AAPL, TickByTickDataType.AllLast, 0, false);
    api.reqTickByTickData(3, AAPL, TickByTickDataType.BidAsk, 0, false);
    api.reqTickByTickData(4, AAPL, TickByTickDataType.MidPoint, 0, false);
    await handled();
    sim.step(3000);
    const quote = sim.world.quote(conId('AAPL'));
    await until(() => (of(bidAsks, 3).at(-1)?.[2] === quote.bid ? true : undefined), 3000, 'the last BidAsk');
    const [, , bid, ask, bidSize, askSize] = of(bidAsks, 3).at(-1) as BidAsk;
    expect([bid, ask, bidSize, askSize]).toEqual([quote.bid, quote.ask, quote.bidSize, quote.askSize]);
    const mid = (quote.bid + quote.ask) / 2;
    await until(() => (Math.abs((of(mids, 4).at(-1)?.[2] ?? 0) - mid) < 1e-9 ? true : undefined), 3000, 'the mid');
    await until(() => (of(lasts, 2).at(-1)?.[3] === quote.last ? true : undefined), 3000, 'the last trade');
    const last = of(lasts, 1).at(-1) as AllLast;
    expect(last.slice(1, 5)).toEqual([1, String(Math.floor(clock / 1000)), quote.last, quote.lastSize]);
    expect(last[6]).toBe('NASDAQ');
    expect(of(lasts, 2).at(-1)?.[1]).toBe(2);
    // As many Last ticks as trades: every AllLast has its Last twin.
    expect(of(lasts, 1).length).toBe(of(lasts, 2).length);

    for (const reqId of [1, 2, 3, 4]) api.cancelTickByTickData(reqId);
    await handled();
    const before = lasts.length + bidAsks.length + mids.length;
    sim.step(1000);
    await delay(100);
    expect(lasts.length + bidAsks.length + mids.length).toBe(before);
  });

  it('allows five tick-by-tick subscriptions (10190 for the sixth) and one per instrument and tick type (10189)', async () => {
    const { api } = client;
    const symbols = ['AAPL', 'MSFT', 'NVDA', 'SPY', 'QQQ'];
    symbols.forEach((symbol, index) =>
      api.reqTickByTickData(10 + index, stock(symbol), TickByTickDataType.Last, 0, false),
    );
    api.reqTickByTickData(15, stock('AMZN'), TickByTickDataType.Last, 0, false);
    expect((await client.reports.code(10190, 15)).message).toBe(
      'Max number of tick-by-tick requests has been reached.',
    );
    api.reqTickByTickData(16, AAPL, TickByTickDataType.Last, 0, false);
    expect((await client.reports.code(10189, 16)).message).toContain('Duplicate');
    api.cancelTickByTickData(14);
    await handled();
    api.reqTickByTickData(17, stock('AMZN'), TickByTickDataType.Last, 0, false);
    await delay(100);
    expect(client.reports.all.filter((entry) => entry.reqId === 17)).toEqual([]);
    for (const reqId of [10, 11, 12, 13, 17]) api.cancelTickByTickData(reqId);
    client.reports.take((entry) => entry.code === 10190 || entry.code === 10189);
  });

  it('refuses an unknown tick type with 321', async () => {
    client.api.reqTickByTickData(18, AAPL, 'Trades' as TickByTickDataType, 0, false);
    expect((await client.reports.code(321, 18)).message).toContain('Invalid tick type');
    client.reports.take((entry) => entry.code === 321);
  });

  it('answers reqHistoricalTicks for TRADES, BID_ASK and MIDPOINT, ending at the live quote, at most 1000', async () => {
    const { api } = client;
    const quote = sim.world.quote(conId('AAPL'));
    const now = Math.floor(clock / 1000);
    const last = nextEvent<[number, HistoricalTickLast[], boolean]>(
      api,
      EventName.historicalTicksLast,
      (id) => id === 30,
    );
    api.reqHistoricalTicks(30, AAPL, '', wireTime(clock), 50, WhatToShow.TRADES, false, false);
    const [, trades, done] = await last;
    expect(done).toBe(true);
    expect(trades.map((tick) => tick.time)).toEqual(Array.from({ length: 50 }, (_, i) => now - 50 + i));
    expect(trades.at(-1)).toMatchObject({ price: quote.last, exchange: 'NASDAQ' });
    expect(trades.every((tick) => (tick.size ?? 0) > 0)).toBe(true);

    const bidAsk = nextEvent<[number, HistoricalTickBidAsk[], boolean]>(
      api,
      EventName.historicalTicksBidAsk,
      (id) => id === 31,
    );
    api.reqHistoricalTicks(31, AAPL, '', wireTime(clock), 5000, 'BID_ASK' as WhatToShow, false, false);
    const [, quotes] = await bidAsk;
    expect(quotes).toHaveLength(1000);
    expect(quotes.at(-1)).toMatchObject({ priceBid: quote.bid, priceAsk: quote.ask });
    expect(quotes.every((tick) => (tick.priceBid ?? 0) <= (tick.priceAsk ?? 0))).toBe(true);

    const mid = nextEvent<[number, HistoricalTick[], boolean]>(api, EventName.historicalTicks, (id) => id === 32);
    api.reqHistoricalTicks(32, AAPL, wireTime(clock - 30_000), '', 100, WhatToShow.MIDPOINT, false, false);
    const [, mids] = await mid;
    expect(mids).toHaveLength(30); // from 30 s ago, not past now
    expect(mids.at(-1)?.price).toBeCloseTo((quote.bid + quote.ask) / 2, 10);
  });

  it('refuses historical ticks with both or neither of start and end, or another whatToShow, with 10187', async () => {
    const { api } = client;
    api.reqHistoricalTicks(33, AAPL, wireTime(clock - 60_000), wireTime(clock), 10, WhatToShow.TRADES, false, false);
    expect((await client.reports.code(10187, 33)).message).toContain('exactly one of the start and end');
    api.reqHistoricalTicks(34, AAPL, '', wireTime(clock), 10, WhatToShow.BID, false, false);
    expect((await client.reports.code(10187, 34)).message).toContain('whatToShow');
  });

  it('sends numberOfTicks historical ticks before the live tick-by-tick ones', async () => {
    const history = nextEvent<[number, HistoricalTickLast[], boolean]>(
      client.api,
      EventName.historicalTicksLast,
      (id) => id === 35,
    );
    client.api.reqTickByTickData(35, AAPL, TickByTickDataType.AllLast, 5, false);
    const [, ticks, done] = await history;
    expect([ticks.length, done]).toEqual([5, true]);
    expect(ticks.at(-1)?.price).toBe(sim.world.quote(conId('AAPL')).last);
    client.api.cancelTickByTickData(35);
  });

  it('closes a 5-second TRADES bar and a MIDPOINT bar from the live walk, and stops on cancel', async () => {
    const { api } = client;
    clock = Math.ceil(clock / 5000) * 5000 + 1000; // one second into a bar
    const opened = Math.floor(clock / 5000) * 5;
    api.reqRealTimeBars(20, AAPL, 5, WhatToShow.TRADES, false);
    api.reqRealTimeBars(21, AAPL, 5, WhatToShow.MIDPOINT, false);
    await handled();
    sim.step(3000);
    const quote = sim.world.quote(conId('AAPL'));
    clock += 5000;
    const trades = await until(() => of(bars, 20)[0], 3000, 'a TRADES bar');
    const [, time, open, high, low, close, volume, wap, count] = trades;
    expect(time).toBe(opened);
    expect(close).toBe(quote.last);
    expect(high).toBeGreaterThanOrEqual(Math.max(open, close));
    expect(low).toBeLessThanOrEqual(Math.min(open, close));
    expect(volume).toBeGreaterThan(0);
    expect(count).toBeGreaterThan(0);
    expect(wap).toBeGreaterThanOrEqual(low);
    expect(wap).toBeLessThanOrEqual(high);
    const midpoint = await until(() => of(bars, 21)[0], 3000, 'a MIDPOINT bar');
    expect(midpoint.slice(1)).toEqual([
      opened,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.closeTo((quote.bid + quote.ask) / 2, 10),
      -1,
      -1,
      -1,
    ]);

    // A quiet window still closes, flat at the previous close.
    clock += 5000;
    const flat = await until(() => of(bars, 20)[1], 3000, 'a quiet bar');
    expect(flat.slice(1)).toEqual([opened + 5, close, close, close, close, 0, close, 0]);

    api.cancelRealTimeBars(20);
    api.cancelRealTimeBars(21);
    await handled();
    const before = bars.length;
    clock += 10_000;
    await delay(100);
    expect(bars.length).toBe(before);
  });

  it('refuses a bar size other than 5 and an unknown whatToShow with 420', async () => {
    client.api.reqRealTimeBars(22, AAPL, 10, WhatToShow.TRADES, false);
    expect((await client.reports.code(420, 22)).message).toContain('bar size');
    client.api.reqRealTimeBars(23, AAPL, 5, 'VOLUME' as WhatToShow, false);
    expect((await client.reports.code(420, 23)).message).toContain('whatToShow');
    client.reports.take((entry) => entry.code === 420);
  });
});
