import { firstValueFrom, filter, timeout } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection, type IbConnection } from '../../../src/core/gateway/ib-connection';
import type { Logger } from '../../../src/core/log';
import type { SessionState } from '../../../src/shared/session';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';
import { untilState } from './session-waits';

/**
 * The gateway session against the simulator over a real socket, one test per fault the simulator can
 * inject: the state sequence a person would see, and that subscriptions come back afterwards.
 */

const silent: Logger = { log: () => undefined };
const AAPL = 265598;

let sim: Simulator;
let session: GatewaySession;
let states: SessionState[];
let connection: IbConnection | null;

async function start(options: SimulatorOptions = {}, settings: Partial<Settings> = {}): Promise<void> {
  sim = await startSimulator({ port: 0, tickRate: 0, ...options });
  const current: Settings = { ...defaultSettings(), ...settings };
  if (current.mode !== 'demo') {
    const mode = current.mode;
    current.gateway = { ...current.gateway, [mode]: { ...current.gateway[mode], port: sim.port } };
  }
  session = new GatewaySession({
    settings: () => current,
    demo: { start: async () => ({ port: sim.port }), stop: async () => undefined },
    connect: createIbConnection,
    logger: silent,
    heartbeatIntervalMs: 150,
    deadAfterMs: 900,
    backoff: { baseMs: 100, capMs: 400 },
  });
  states = [];
  session.subscribe((state) => states.push(state));
  session.onConnection((next) => (connection = next));
  await session.start();
  await until((s) => s.state === 'connected' && s.accounts.length === 3, 'the first connection');
}

const until = (predicate: (state: SessionState) => boolean, what: string, ms = 8000) =>
  untilState(session, predicate, what, ms);

function marketLines(): number {
  return sim.connections().reduce((sum, c) => sum + c.marketDataLines, 0);
}

async function waitForLines(count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (marketLines() !== count) {
    if (Date.now() > deadline)
      throw new Error(`expected ${count} market data line(s) at the simulator, saw ${marketLines()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Subscribes to AAPL through the session's IBApiNext, as every market consumer does. */
function subscribeAapl(): { unsubscribe(): void } {
  if (!connection) throw new Error('no connection');
  return connection.api
    .getMarketData({ conId: AAPL, exchange: 'SMART' }, '', false, false)
    .subscribe({ error: () => undefined });
}

beforeEach(() => {
  connection = null;
});

afterEach(async () => {
  await session?.dispose();
  await sim?.close();
});

describe('GatewaySession against the simulator', () => {
  it('connects in demo mode with the three accounts, the server version and a heartbeat', async () => {
    await start();
    const up = await until((s) => s.heartbeatLatencyMs !== null, 'a heartbeat');
    expect(up).toMatchObject({ mode: 'demo', state: 'connected', serverVersion: 193, port: sim.port });
    expect(up.accounts).toEqual(['DU1000001', 'DU1000002', 'DU1000003']);
    expect(up.tradingBlockedReason).toBeNull();
    expect(states.map((s) => s.state)).toContain('connecting');
  });

  it('drop: goes to reconnecting and comes back, with its market data resubscribed', async () => {
    await start();
    subscribeAapl();
    await waitForLines(1);
    sim.faults.drop();
    await until((s) => s.state === 'reconnecting', 'reconnecting');
    await until((s) => s.state === 'connected', 'connected again');
    await waitForLines(1);
  });

  it('stall: the heartbeat notices a half-open socket and the session reconnects', async () => {
    await start();
    sim.faults.stall();
    const down = await until((s) => s.state === 'reconnecting', 'reconnecting after a stall', 5000);
    expect(down.lastError?.message).toMatch(/stopped answering/);
    await until((s) => s.state === 'connected', 'connected again');
  });

  it('restart: connections are refused for a while, then the session is back', async () => {
    await start();
    sim.faults.restart(1);
    await until((s) => s.state === 'reconnecting', 'reconnecting');
    const back = await until(
      (s) => s.state === 'connected' && s.accounts.length === 3,
      'connected after the restart',
      10_000,
    );
    expect(back.accounts).toHaveLength(3);
  });

  it('1100 degrades, 1102 restores with data kept (subscriptions untouched)', async () => {
    await start();
    subscribeAapl();
    await waitForLines(1);
    sim.faults.notice(1100);
    const lost = await until((s) => s.state === 'degraded', 'degraded on 1100');
    expect(lost.lastError?.ibCode).toBe(1100);
    sim.faults.notice(1102);
    await until((s) => s.state === 'connected', 'connected on 1102');
    expect(marketLines()).toBe(1);
  });

  it('1101 (data lost): the session cycles the socket so every subscription is sent again', async () => {
    await start();
    subscribeAapl();
    await waitForLines(1);
    sim.faults.notice(1100);
    await until((s) => s.state === 'degraded', 'degraded on 1100');
    sim.faults.notice(1101);
    await until((s) => s.state === 'connected', 'connected after 1101');
    await waitForLines(1);
    const ticks = firstValueFrom(
      connection!.api.getMarketData({ conId: AAPL, exchange: 'SMART' }, '', false, false).pipe(
        filter((update) => update.all.size > 0),
        timeout(3000),
      ),
    );
    sim.step(200);
    await expect(ticks).resolves.toBeDefined();
  });

  it.each([
    [2103, 'usfarm', 2104],
    [2105, 'ushmds', 2106],
  ])('farm %i degrades the session naming %s; %i restores it', async (broken, farm, ok) => {
    await start();
    sim.faults.notice(broken as 2103 | 2105);
    const degraded = await until((s) => s.state === 'degraded', `degraded on ${broken}`);
    expect(degraded.farms.find((f) => f.name === farm)).toMatchObject({ ok: false, code: broken });
    expect(degraded.detail + (degraded.lastError?.message ?? '')).toContain(farm);
    sim.faults.notice(ok as 2104 | 2106);
    await until((s) => s.state === 'connected', `connected on ${ok}`);
  });

  it('326: the client id is in use, so the next one is tried and the person is told', async () => {
    await start();
    sim.faults.clientIdInUse(1);
    sim.faults.drop();
    const moved = await until(
      (s) => s.state === 'connected' && s.clientId === 18 && s.accounts.length === 3,
      'connected as client 18',
    );
    expect(states.some((s) => /Client id 17 is in use/.test(s.detail))).toBe(true);
    expect(moved.accounts).toHaveLength(3);
    expect(moved.detail).toMatch(/as client 18: client 17 is in use/);
  });

  it("326 again and again: the limit counts refusals in a row, not over the session's life", async () => {
    await start();
    for (let round = 1; round <= 6; round++) {
      sim.faults.clientIdInUse(1);
      sim.faults.drop();
      await until(
        (s) => s.state === 'connected' && s.clientId === 17 + round && s.accounts.length === 3,
        `connected as client ${17 + round}`,
      );
    }
  });

  it('326: requests queued for the refused socket never reach the next one', async () => {
    await start({ tickRate: 0, marketDataLines: 100 });
    const stocks = sim.world.instruments().filter((i) => i.secType === 'STK' && i.currency === 'USD');
    // Far more than IBApiNext's burst of 4 requests, so most of a re-send waits in its rate limiter.
    expect(stocks.length).toBeGreaterThanOrEqual(20);
    const duplicates: number[] = [];
    connection!.api.error.subscribe((e) => Number(e.code) === 322 && duplicates.push(e.reqId));
    for (const stock of stocks)
      connection!.api.getMarketData({ conId: stock.conId, exchange: 'SMART' }, '', false, false).subscribe({
        error: () => undefined,
      });
    await waitForLines(stocks.length);
    sim.faults.clientIdInUse(1);
    sim.faults.drop();
    await until((s) => s.state === 'connected' && s.clientId === 18, 'connected as client 18');
    await waitForLines(stocks.length);
    // IBApiNext sends at most 40 requests a second: give whatever it still held for the refused socket the
    // time to leak into this one, as it did (each line twice, 322 "duplicate ticker id", lines cancelled).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(duplicates).toEqual([]);
    expect(marketLines()).toBe(stocks.length);
  });

  it('10197: a competing session is said plainly', async () => {
    await start();
    subscribeAapl();
    await waitForLines(1);
    sim.faults.competingSession();
    const told = await until((s) => s.lastError?.ibCode === 10197, 'the competing-session message');
    expect(told.lastError?.message).toMatch(/active elsewhere/i);
  });

  it('a garbage frame from the gateway does not bring the session down', async () => {
    await start();
    const before = states.length;
    for (const kind of ['unknown-id', 'truncated', 'not-a-number'] as const) sim.faults.garbageFrame(kind);
    const beatAt = session.current().lastHeartbeatAt ?? 0;
    const later = await until((s) => (s.lastHeartbeatAt ?? 0) > beatAt, 'a heartbeat after the garbage');
    expect(later.state).toBe('connected');
    expect(states.slice(before).some((s) => s.state === 'reconnecting')).toBe(false);
  });

  it('mode guard: paper mode with live (U…) accounts refuses trading and says why', async () => {
    await start({ accountStyle: 'live' }, { mode: 'paper' });
    const guarded = await until((s) => s.tradingBlockedReason !== null, 'the mode guard');
    expect(guarded.accounts[0]).toMatch(/^U\d/);
    expect(guarded.tradingBlockedReason).toMatch(/paper mode.*U1000001.*not paper \(DU…\) accounts/);
    expect(session.current().tradingBlockedReason).toBe(guarded.tradingBlockedReason);
  });

  it('live mode against paper (DU…) accounts refuses trading even once armed', async () => {
    await start({}, { mode: 'live' });
    const guarded = await until((s) => s.tradingBlockedReason !== null && s.accounts.length === 3, 'the mode guard');
    expect(guarded.tradingBlockedReason).toMatch(/live mode.*DU1000001.*not live \(U…\) accounts/);
    session.armLive('LIVE');
    expect(session.current().liveArmed).toBe(true);
    expect(session.current().tradingBlockedReason).toMatch(/not live \(U…\) accounts/);
  });
});
