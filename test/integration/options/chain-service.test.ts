import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection } from '../../../src/core/gateway/ib-connection';
import { EventBus } from '../../../src/core/ipc/event-bus';
import { MarketService } from '../../../src/core/market/market-service';
import { ChainService } from '../../../src/core/options/chain-service';
import { SettingsStore } from '../../../src/core/settings/settings-store';
import type { QuoteBatch } from '../../../src/shared/market';
import type { ChainRows, OptionChain } from '../../../src/shared/options';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { greeks } from '../../../src/simulator/world/option-pricing';
import { until } from '../simulator/ib-client';

/** The chain service with the market service on a real GatewaySession over a real socket to the simulator. */

interface Rig {
  sim: Simulator;
  session: GatewaySession;
  market: MarketService;
  chain: ChainService;
  batches: QuoteBatch[];
}

let rig: Rig | null = null;

afterEach(async () => {
  if (!rig) return;
  rig.chain.dispose();
  rig.market.dispose();
  await rig.session.dispose();
  await rig.sim.close();
  rig = null;
});

async function start(marketDataLines = 100): Promise<Rig> {
  const sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000 });
  const settings = new SettingsStore(mkdtempSync(join(tmpdir(), 'gatehouse-chain-')));
  await settings.load();
  await settings.update((s) => ({ ...s, marketDataLines, watchlist: [] }));
  const session = new GatewaySession({
    settings: () => settings.current(),
    demo: { start: async () => ({ port: sim.port }), stop: async () => undefined },
    connect: createIbConnection,
    logger: { log: () => undefined },
  });
  const events = new EventBus((message, error) => {
    throw new Error(`${message}: ${String(error)}`);
  });
  const market = new MarketService({ session, settings, events, logger: { log: () => undefined } });
  const chain = new ChainService({ session, market });
  rig = { sim, session, market, chain, batches: [] };
  const batches = rig.batches;
  events.subscribe((event, payload) => {
    if (event !== 'market.quotes') return;
    batches.push(payload as QuoteBatch);
    void market.handlers()['market.ack']({ seq: (payload as QuoteBatch).seq });
  });
  await session.start();
  await until(() => (session.current().state === 'connected' ? true : undefined), 5000, 'connected');
  return rig;
}

const linesAtSimulator = (sim: Simulator) => sim.connections().reduce((sum, c) => sum + c.marketDataLines, 0);
const waitForLines = (sim: Simulator, count: number) =>
  until(() => (linesAtSimulator(sim) === count ? true : undefined), 5000, `${count} line(s) at the simulator`);
const optionsOf = (rows: ChainRows) => rows.rows.flatMap((row) => [row.call, row.put]).filter((o) => o !== null);

async function aaplRows(chain: ChainService, eachSide: number): Promise<{ opened: OptionChain; rows: ChainRows }> {
  const opened = await chain.chain({ symbol: 'AAPL' });
  const monthly = opened.expiries.find((expiry) => expiry.kind === 'monthly');
  if (!monthly) throw new Error('no monthly expiry');
  return { opened, rows: await chain.rows(opened.underlying.conId, monthly.expiry, eachSide) };
}

describe('option chain service', () => {
  it("lists AAPL's expiries, monthly and weekly marked, and the strikes of its own class", async () => {
    const { sim, chain } = await start();
    const opened = await chain.chain({ symbol: 'AAPL' });
    const stock = sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0];
    expect(opened.underlying.conId).toBe(stock?.conId);
    expect(opened.tradingClass).toBe('AAPL');
    expect(opened.multiplier).toBe(100);
    const kinds = new Set(opened.expiries.map((expiry) => expiry.kind));
    expect(kinds).toEqual(new Set(['monthly', 'weekly']));
    for (const { expiry, kind } of opened.expiries) {
      const date = new Date(`${expiry.slice(0, 4)}-${expiry.slice(4, 6)}-${expiry.slice(6)}T00:00:00Z`);
      expect(kind === 'monthly').toBe(date.getUTCDay() === 5 && date.getUTCDate() >= 15 && date.getUTCDate() <= 21);
    }
    expect(opened.strikes.length).toBeGreaterThan(10);
  });

  it('gives the strikes around the money, calls and puts side by side, the at-the-money strike nearest the price', async () => {
    const { sim, chain } = await start();
    const { rows } = await aaplRows(chain, 3);
    expect(rows.rows).toHaveLength(7);
    const price = rows.underlyingPrice ?? 0;
    expect(rows.atTheMoney).toBe(rows.rows[3]?.strike);
    for (const row of rows.rows)
      expect(Math.abs(row.strike - price)).toBeGreaterThanOrEqual(Math.abs((rows.atTheMoney ?? 0) - price));
    for (const row of rows.rows) {
      expect(row.call?.right).toBe('C');
      expect(row.put?.right).toBe('P');
      const listed = sim.world.instrument(row.call?.conId ?? 0);
      expect(listed?.strike).toBe(row.strike);
      expect(listed?.lastTradeDate).toBe(rows.expiry);
    }
  });

  it('streams the visible options with their greeks through the coalescer, one line each, given back when they leave', async () => {
    const { sim, chain, market, batches } = await start();
    const { rows } = await aaplRows(chain, 2);
    const options = optionsOf(rows);
    const watched = chain.watchRows(options.map((option) => option.conId));
    expect(watched.refused).toEqual([]);
    expect(watched.message).toBeNull();
    await waitForLines(sim, options.length + 1);

    const atm = rows.rows[2];
    const call = atm?.call;
    const put = atm?.put;
    if (!call || !put) throw new Error('no at-the-money call or put');
    const quoted = await until(() => {
      const quote = market.quote(call.conId);
      return quote?.option?.delta !== null && quote?.option?.theta !== null ? quote : undefined;
    });
    const inputs = sim.world.options.inputs(call.conId);
    if (!inputs) throw new Error('the simulator cannot price the call');
    expect(quoted.option?.delta).toBeCloseTo(greeks(inputs).delta, 4);
    expect(quoted.option?.iv).toBeCloseTo(inputs.vol, 4);
    expect(quoted.option?.openInterest).toBeGreaterThan(0);
    const putDelta = await until(() => market.quote(put.conId)?.option?.delta ?? undefined);
    expect(putDelta).toBeLessThan(0);
    // The coalescer flushes on its own clock (every 16 ms): the store can hold a quote a batch has yet to carry.
    await until(() => batches.some((batch) => batch.quotes.some((quote) => quote.conId === call.conId)) || undefined);

    // Scrolled: only the at-the-money row stays in view.
    chain.watchRows([call.conId, put.conId]);
    await waitForLines(sim, 3);
    chain.close();
    await waitForLines(sim, 0);
  });

  it('says how many options got no line when the allowance runs out, rather than showing blanks', async () => {
    const { sim, chain } = await start(5);
    const { rows } = await aaplRows(chain, 2);
    const options = optionsOf(rows);
    const watched = chain.watchRows(options.map((option) => option.conId));
    expect(watched.watching).toHaveLength(4);
    expect(watched.refused).toHaveLength(options.length - 4);
    expect(watched.message).toMatch(/^6 of 10 options in view have no quotes\. Market data lines are full \(5 of 5\)/);
    await waitForLines(sim, 5);
  });

  it('refuses an underlying IB lists no options on, and rows of an expiry the chain does not have', async () => {
    const { chain } = await start();
    const { opened } = await aaplRows(chain, 1);
    await expect(chain.rows(opened.underlying.conId, '19990115', 1)).rejects.toThrow(
      /AAPL has no options expiring 19990115/,
    );
    await expect(chain.chain({ symbol: 'NOSUCH' })).rejects.toThrow(/does not know the stock NOSUCH/);
  });

  it("gives the held options' terms and a line each, so their greeks reach the positions", async () => {
    const { sim, chain, market } = await start();
    const held = sim.world
      .positions('DU1000002')
      .map((position) => sim.world.instrument(position.conId))
      .find((instrument) => instrument?.secType === 'OPT');
    if (!held) throw new Error('the individual account holds no option');
    const answer = await chain.handlers()['options.watchHeld']({ conIds: [held.conId] });
    expect(answer.unwatched).toEqual([]);
    expect(answer.options).toEqual([
      expect.objectContaining({
        conId: held.conId,
        symbol: held.symbol,
        right: held.right,
        strike: held.strike,
        expiry: held.lastTradeDate,
        multiplier: 100,
      }),
    ]);
    await waitForLines(sim, 1);
    const delta = await until(() => market.quote(held.conId)?.option?.delta ?? undefined);
    expect(Math.abs(delta)).toBeLessThanOrEqual(1);
    await chain.handlers()['options.watchHeld']({ conIds: [] });
    await waitForLines(sim, 0);
  });
});
