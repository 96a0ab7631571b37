import { EventName, IBApi, SecType, type Contract } from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type GarbageKind, type Simulator } from '../../../src/simulator';
import { STOCK_CADENCE_MS } from '../../../src/simulator/server/quote-cadence';
import {
  connectApi,
  delay,
  HOST,
  nextEvent,
  RawClient,
  recordEvents,
  Reports,
  until,
  type RawApiClient,
} from './ib-client';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

let sim: Simulator;
let client: RawApiClient;
let reqId = 100;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
});
beforeEach(async () => {
  client = await connectApi(sim.port, 1);
});
afterEach(async () => {
  client.reports.expectClean();
  client.close();
  await until(() => (sim.connections().length === 0 ? true : undefined), 2000, 'every connection to close');
});
afterAll(() => sim.close());

async function currentTime(api: IBApi, ms = 2000): Promise<number> {
  const answer = nextEvent<[number]>(api, EventName.currentTime, () => true, ms);
  api.reqCurrentTime();
  return (await answer)[0];
}

/** Subscribes to AAPL and returns a counter of its tickPrice messages (after the first quote). */
async function subscribe(api: IBApi): Promise<{ id: number; count: () => number }> {
  const id = reqId++;
  const ticks = recordEvents<[number]>(api, EventName.tickPrice);
  api.reqMktData(id, AAPL, '', false, false);
  await until(() => (ticks.some(([tick]) => tick === id) ? true : undefined), 2000, 'the first quote');
  await delay(20);
  const base = ticks.filter(([tick]) => tick === id).length;
  return { id, count: () => ticks.filter(([tick]) => tick === id).length - base };
}

/** Steps the market and reports whether any tick reached the subscription. */
async function ticksFlow(counter: { count: () => number }): Promise<boolean> {
  const before = counter.count();
  sim.step(1000);
  await delay(STOCK_CADENCE_MS + 60); // a stock line sends its snapshot within one cadence interval
  return counter.count() > before;
}

/** An IBApi that is refused at startApi: resolves with what it reported once the server hangs up. */
async function refusedConnect(clientId: number): Promise<Reports> {
  const api = new IBApi({ host: HOST, port: sim.port });
  const reports = new Reports();
  api.on(EventName.info, (message: string, code: number) => reports.push({ source: 'info', code, reqId: -1, message }));
  api.on(EventName.error, (error: Error, code: number, id: number) =>
    reports.push({ source: 'error', code, reqId: id, message: error.message }),
  );
  const gone = nextEvent(api, EventName.disconnected, () => true, 3000);
  api.connect(clientId);
  await gone;
  return reports;
}

describe('connection faults', () => {
  it('drop: the client sees the disconnect and reconnects fine', async () => {
    const gone = nextEvent(client.api, EventName.disconnected);
    expect(sim.faults.drop()).toBe(1);
    await gone;
    expect(client.api.isConnected).toBe(false);
    const again = await connectApi(sim.port, 1);
    expect(await currentTime(again.api)).toBeGreaterThan(0);
    again.reports.expectClean();
    again.close();
  });

  it('stall: no reply while stalled; the pending request is answered after resume', async () => {
    expect(sim.faults.stall()).toBe(1);
    const answer = nextEvent<[number]>(client.api, EventName.currentTime, () => true, 3000);
    client.api.reqCurrentTime();
    const early = await Promise.race([answer.then(() => 'answered'), delay(500).then(() => 'silent')]);
    expect(early).toBe('silent');
    sim.faults.resume();
    expect((await answer)[0]).toBeGreaterThan(0);
    expect(await currentTime(client.api)).toBeGreaterThan(0);
  });

  it('restart: connections are refused during the restart and accepted after', async () => {
    const gone = nextEvent(client.api, EventName.disconnected);
    sim.faults.restart(0.6);
    await gone;
    await expect(RawClient.open(sim.port)).rejects.toThrow(/ECONNREFUSED/);
    await delay(700);
    const again = await connectApi(sim.port, 1);
    expect(await currentTime(again.api)).toBeGreaterThan(0);
    again.reports.expectClean();
    again.close();
  });

  it('clientIdInUse: the next connection gets 326 and is dropped; the one after is fine', async () => {
    sim.faults.clientIdInUse();
    const reports = await refusedConnect(9);
    expect(reports.withCode(326).length).toBe(1);
    reports.expectClean();
    const fine = await connectApi(sim.port, 9);
    expect(fine.accounts).toHaveLength(3);
    fine.reports.expectClean();
    fine.close();
  });

  it('a second client with the same client id gets 326; the first keeps working', async () => {
    const reports = await refusedConnect(1);
    expect(reports.withCode(326)[0]?.message).toContain('client id is already in use');
    reports.expectClean();
    expect(await currentTime(client.api)).toBeGreaterThan(0);
  });
});

describe('gateway notices', () => {
  it('1100 stops ticks; 1102 (data maintained) lets them continue', async () => {
    const sub = await subscribe(client.api);
    sim.faults.notice(1100);
    await client.reports.code(1100);
    expect(await ticksFlow(sub)).toBe(false);
    sim.faults.notice(1102);
    await client.reports.code(1102);
    expect(await ticksFlow(sub)).toBe(true);
  });

  it('1101 (data lost) ends market data until it is requested again', async () => {
    const sub = await subscribe(client.api);
    sim.faults.notice(1100);
    sim.faults.notice(1101);
    expect((await client.reports.code(1101)).message).toContain('data lost');
    expect(await ticksFlow(sub)).toBe(false);
    expect(sim.connections()[0]?.marketDataLines).toBe(0);
    const again = await subscribe(client.api);
    expect(await ticksFlow(again)).toBe(true);
  });

  it('farm notices 2103/2104/2105/2106/2158 reach the client; ticks pause while the farm is broken', async () => {
    const sub = await subscribe(client.api);
    sim.faults.notice(2103);
    expect((await client.reports.code(2103)).message).toContain('broken');
    expect(await ticksFlow(sub)).toBe(false);
    sim.faults.notice(2104);
    await until(() => (client.reports.withCode(2104).length >= 2 ? true : undefined), 2000, 'a second 2104');
    expect(await ticksFlow(sub)).toBe(true);
    for (const code of [2105, 2106, 2158] as const) {
      const before = client.reports.withCode(code).length;
      sim.faults.notice(code);
      await until(() => (client.reports.withCode(code).length > before ? true : undefined), 2000, `notice ${code}`);
    }
  });

  it('competingSession: 10197 for the subscription and new requests, until resume', async () => {
    const sub = await subscribe(client.api);
    sim.faults.competingSession();
    await client.reports.code(10197, sub.id);
    expect(await ticksFlow(sub)).toBe(false);
    client.api.reqMktData(reqId, AAPL, '', false, false);
    await client.reports.code(10197, reqId++);
    sim.faults.resume();
    expect(await ticksFlow(sub)).toBe(true);
  });
});

describe('garbage frames to the client', () => {
  it.each([
    ['unknown-id', /No parser implementation found for token: .*\(9999\)/],
    ['truncated', /Underrun error on TICK_PRICE/],
    ['not-a-number', /No parser implementation found for token: .*\(NaN\)/],
  ] as [GarbageKind, RegExp][])('%s: the client reports an error but stays connected', async (kind, expected) => {
    sim.faults.garbageFrame(kind);
    await client.reports.waitFor((entry) => expected.test(entry.message), 2000, `a decoding error for ${kind}`);
    // The after-each check would catch these (which shows it works); they were provoked, so take them out.
    const detected = client.reports.decodingErrors();
    const provoked = client.reports.take((entry) => entry.code === 505);
    expect(provoked).toEqual(detected);
    expect(provoked.every((entry) => entry.reqId === -1)).toBe(true);
    expect(client.api.isConnected).toBe(true);
    expect(await currentTime(client.api)).toBeGreaterThan(0);
  });
});
