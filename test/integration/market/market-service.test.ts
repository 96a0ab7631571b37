import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection } from '../../../src/core/gateway/ib-connection';
import { EventBus } from '../../../src/core/ipc/event-bus';
import type { Logger } from '../../../src/core/log';
import { MarketService } from '../../../src/core/market/market-service';
import { SettingsStore } from '../../../src/core/settings/settings-store';
import type { MarketLines } from '../../../src/shared/api/market';
import type { Listing, QuoteBatch } from '../../../src/shared/market';
import { AppError } from '../../../src/shared/result';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';
import { connectNext, until, type NextClient } from '../simulator/ib-client';

/** The market service on a real GatewaySession over a real socket to the simulator. */

const silent: Logger = { log: () => undefined };

interface Running {
  sim: Simulator;
  session: GatewaySession;
  settings: SettingsStore;
  market: MarketService;
  batches: QuoteBatch[];
  lines: MarketLines[];
  bars: number;
}

let running: Running | null = null;
let extraClient: NextClient | null = null;

afterEach(async () => {
  extraClient?.close();
  extraClient = null;
  if (!running) return;
  running.market.dispose();
  await running.session.dispose();
  await running.sim.close();
  running = null;
});

async function start(options: SimulatorOptions = {}, marketDataLines = 100): Promise<Running> {
  const sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000, ...options });
  const settings = new SettingsStore(mkdtempSync(join(tmpdir(), 'gatehouse-market-')));
  await settings.load();
  await settings.update((s) => ({ ...s, marketDataLines }));
  const session = new GatewaySession({
    settings: () => settings.current(),
    demo: { start: async () => ({ port: sim.port }), stop: async () => undefined },
    connect: createIbConnection,
    logger: silent,
    heartbeatIntervalMs: 200,
    deadAfterMs: 1500,
    backoff: { baseMs: 100, capMs: 300 },
  });
  const events = new EventBus((message, error) => {
    throw new Error(`${message}: ${String(error)}`);
  });
  const market = new MarketService({ session, settings, events, logger: silent });
  const run: Running = { sim, session, settings, market, batches: [], lines: [], bars: 0 };
  events.subscribe((event, payload) => {
    if (event === 'market.quotes') {
      const batch = payload as QuoteBatch;
      run.batches.push(batch);
      void market.handlers()['market.ack']({ seq: batch.seq });
    }
    if (event === 'market.lines') run.lines.push(payload as MarketLines);
    if (event === 'market.bar') run.bars++;
  });
  running = run;
  await session.start();
  await until(() => (session.current().state === 'connected' ? true : undefined), 5000, 'connected');
  return run;
}

function listingOf(sim: Simulator, symbol: string): Listing {
  const instrument = sim.world.findInstruments({ symbol })[0];
  if (!instrument) throw new Error(`the simulator has no ${symbol}`);
  return {
    conId: instrument.conId,
    symbol,
    secType: instrument.secType,
    exchange: instrument.exchange,
    primaryExchange: instrument.primaryExchange,
    currency: instrument.currency,
    description: instrument.longName,
  };
}

const linesAtSimulator = (sim: Simulator) => sim.connections().reduce((sum, c) => sum + c.marketDataLines, 0);

async function waitForLines(sim: Simulator, count: number): Promise<void> {
  await until(() => (linesAtSimulator(sim) === count ? true : undefined), 5000, `${count} line(s) at the simulator`);
}

const refusal = async (promise: unknown): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('market service', () => {
  it('gives two consumers of one instrument one reqMktData, released when both leave', async () => {
    const { sim, market, batches } = await start();
    const aapl = listingOf(sim, 'AAPL');
    expect(market.acquire(aapl, 'watchlist')).toEqual({ ok: true, first: true });
    expect(market.acquire(aapl, 'ticket:1')).toEqual({ ok: true, first: false });
    await waitForLines(sim, 1);

    sim.step(500);
    const expected = sim.world.quote(aapl.conId);
    const quote = await until(() => {
      const latest = market.quote(aapl.conId);
      return latest?.bid === expected.bid && latest?.last === expected.last ? latest : undefined;
    });
    expect(quote.marketDataType).toBe('live');
    expect(batches.some((batch) => batch.quotes.some((q) => q.conId === aapl.conId))).toBe(true);

    market.release(aapl.conId, 'watchlist');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(linesAtSimulator(sim)).toBe(1);
    market.release(aapl.conId, 'ticket:1');
    await waitForLines(sim, 0);
    expect(market.quote(aapl.conId)).toBeUndefined();
  });

  it('falls back to delayed data when the login has no real-time subscription (354)', async () => {
    const { sim, market, lines } = await start({ delayed: true });
    const aapl = listingOf(sim, 'AAPL');
    const msft = listingOf(sim, 'MSFT');
    market.acquire(aapl, 'watchlist');
    market.acquire(msft, 'watchlist');
    for (const listing of [aapl, msft]) {
      const quote = await until(() => {
        const latest = market.quote(listing.conId);
        return latest?.last !== null && latest?.close !== null ? latest : undefined;
      });
      expect(quote.marketDataType).toBe('delayed');
      expect(quote.last).toBe(sim.world.quote(listing.conId).last);
    }
    expect(lines.at(-1)?.problems).toEqual([]);
    await waitForLines(sim, 2);
  });

  it('refuses an instrument beyond the market data line limit, saying why', async () => {
    const { sim, market, session } = await start({}, 1);
    market.acquire(listingOf(sim, 'AAPL'), 'watchlist');
    const handlers = market.handlers();
    const error = await refusal(handlers['market.addToWatchlist']({ listing: listingOf(sim, 'MSFT') }));
    expect(error.message).toMatch(/MSFT .* was not added: Market data lines are full \(1 of 1\)/);
    expect(session.current().state).toBe('connected');
    await waitForLines(sim, 1);
  });

  it('keeps the watchlist in settings, in order, and restores its lines after a dropped connection', async () => {
    const { sim, market, settings } = await start();
    const handlers = market.handlers();
    const [aapl, spy, ko] = [listingOf(sim, 'AAPL'), listingOf(sim, 'SPY'), listingOf(sim, 'KO')];
    for (const listing of [aapl, spy, ko]) await handlers['market.addToWatchlist']({ listing });
    const moved = await handlers['market.moveInWatchlist']({ conId: ko.conId, toIndex: 0 });
    expect(moved.entries.map((e) => e.symbol)).toEqual(['KO', 'AAPL', 'SPY']);
    const removed = await handlers['market.removeFromWatchlist']({ conId: aapl.conId });
    expect(removed.entries.map((e) => e.symbol)).toEqual(['KO', 'SPY']);
    expect(settings.current().watchlist.map((e) => e.symbol)).toEqual(['KO', 'SPY']);
    await waitForLines(sim, 2);

    sim.faults.drop();
    await waitForLines(sim, 0);
    await waitForLines(sim, 2);
    sim.step(300);
    const expected = sim.world.quote(spy.conId).bid;
    await until(() => (market.quote(spy.conId)?.bid === expected ? true : undefined), 5000, 'quotes after reconnect');
  });

  it('starts an empty watchlist once with the held instruments, looked up by contract id', async () => {
    const { sim, market, settings } = await start();
    const handlers = market.handlers();
    const [aapl, spy] = [listingOf(sim, 'AAPL'), listingOf(sim, 'SPY')];
    const seeded = await handlers['market.seedWatchlist']({ conIds: [aapl.conId, spy.conId, aapl.conId] });
    expect(seeded.entries).toEqual([
      { ...aapl, exchange: 'SMART' },
      { ...spy, exchange: 'SMART' },
    ]);
    expect(settings.current().watchlistSeeded).toBe(true);
    await waitForLines(sim, 2);

    // The person empties it: it is not started again.
    for (const { conId } of seeded.entries) await handlers['market.removeFromWatchlist']({ conId });
    const again = await handlers['market.seedWatchlist']({ conIds: [aapl.conId] });
    expect(again.entries).toEqual([]);
    await waitForLines(sim, 0);
  });

  it('finds a listing by symbol with its routing exchange, home market and name', async () => {
    const { market } = await start();
    const found = await market.handlers()['market.search']({ query: 'AAP' });
    expect(found.find((listing) => listing.symbol === 'AAPL')).toEqual({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      primaryExchange: 'NASDAQ',
      currency: 'USD',
      description: 'APPLE INC',
    });
  });

  it('charts history through the pacer, follows the last bar live, and shows a 162 pacing refusal', async () => {
    const run = await start();
    const { sim, market } = run;
    const handlers = market.handlers();
    const aapl = listingOf(sim, 'AAPL');
    await handlers['market.addToWatchlist']({ listing: aapl });
    const history = await handlers['market.history']({ conId: aapl.conId, range: '1D' });
    expect(history.barSeconds).toBe(60);
    expect(history.bars.length).toBeGreaterThan(100);
    expect(history.bars.at(-1)?.close).toBe(sim.world.quote(aapl.conId).last);
    // Asked again within 15 s: answered from the cache, not refused by the gateway.
    expect((await handlers['market.history']({ conId: aapl.conId, range: '1D' })).bars).toEqual(history.bars);
    sim.step(300);
    await until(() => (run.bars > 0 ? true : undefined), 3000, 'a live bar');

    // Another program on the same login asked for KO's 5D bars a moment ago: the gateway refuses ours.
    const ko = listingOf(sim, 'KO');
    await handlers['market.addToWatchlist']({ listing: ko });
    extraClient = await connectNext(sim.port, 77);
    await extraClient.api.getHistoricalData(
      { conId: ko.conId, exchange: 'SMART' },
      '',
      '5 D',
      '5 mins' as never,
      'TRADES' as never,
      0,
      2,
    );
    const error = await refusal(handlers['market.history']({ conId: ko.conId, range: '5D' }));
    expect(error.message).toMatch(/pacing \(IB error 162: .*pacing violation\)/);
  });
});
