import { EventName } from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, nextEvent, until, type RawApiClient } from './ib-client';

let sim: Simulator;
let client: RawApiClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, controlPort: 0 });
  client = await connectApi(sim.port, 4);
});
afterEach(() => client.reports.expectClean());
afterAll(async () => {
  client.close();
  await sim.close();
});

async function control(path: string, method = 'POST'): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${sim.controlPort}${path}`, {
    method,
    signal: AbortSignal.timeout(2000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('control API', () => {
  it('listens on a free loopback port of its own', () => {
    expect(sim.controlPort).toBeGreaterThan(0);
    expect(sim.controlPort).not.toBe(sim.port);
  });

  it('GET /status describes the simulator and its connections', async () => {
    const { status, body } = await control('/status', 'GET');
    expect(status).toBe(200);
    expect(body).toMatchObject({ host: '127.0.0.1', port: sim.port, tickRate: 0 });
    expect(body.accounts).toEqual(['DU1000001', 'DU1000002', 'DU1000003']);
    expect(body.connections).toEqual([expect.objectContaining({ clientId: 4, serverVersion: 193 })]);
  });

  it('POST /faults/notice?code=1102 reaches the client', async () => {
    const { status, body } = await control('/faults/notice?code=1102');
    expect([status, body]).toEqual([200, { ok: true, result: null }]);
    expect((await client.reports.code(1102)).message).toContain('data maintained');
  });

  it('POST /faults/garbage-frame?kind=truncated makes the client complain but it stays usable', async () => {
    expect((await control('/faults/garbage-frame?kind=truncated')).status).toBe(200);
    await client.reports.waitFor((entry) => /Underrun error on TICK_PRICE/.test(entry.message));
    client.reports.take((entry) => entry.code === 505);
    const time = nextEvent<[number]>(client.api, EventName.currentTime);
    client.api.reqCurrentTime();
    expect((await time)[0]).toBeGreaterThan(0);
  });

  it('POST /market/tick-rate changes the rate and refuses a negative one', async () => {
    expect((await control('/market/tick-rate?value=5')).status).toBe(200);
    expect(sim.tickRate).toBe(5);
    const refused = await control('/market/tick-rate?value=-1');
    expect(refused.status).toBe(400);
    expect(sim.tickRate).toBe(5);
    expect((await control('/market/tick-rate?value=0')).status).toBe(200);
  });

  it('answers an unknown path with 404, a bad parameter with 400 and a GET on an action with 405', async () => {
    const missing = await control('/faults/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.controls).toContain('/faults/drop');
    const bad = await control('/faults/notice?code=9');
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('code must be one of');
    expect((await control('/faults/garbage-frame?kind=confetti')).status).toBe(400);
    expect((await control('/faults/notice')).status).toBe(400);
    expect((await control('/faults/drop', 'GET')).status).toBe(405);
    // None of that touched the client.
    expect(client.api.isConnected).toBe(true);
  });

  it('POST /faults/drop disconnects the client, which then reconnects', async () => {
    const gone = nextEvent(client.api, EventName.disconnected);
    const { status, body } = await control('/faults/drop');
    expect([status, body]).toEqual([200, { ok: true, result: { dropped: 1 } }]);
    await gone;
    await until(() => (sim.connections().length === 0 ? true : undefined));
    client = await connectApi(sim.port, 4);
    expect((await control('/status', 'GET')).body.connections).toHaveLength(1);
  });
});

describe('control API with live-style accounts', () => {
  it('reports the accounts as the clients see them', async () => {
    const live = await startSimulator({ port: 0, tickRate: 0, accountStyle: 'live', controlPort: 0 });
    try {
      const response = await fetch(`http://127.0.0.1:${live.controlPort}/status`, {
        signal: AbortSignal.timeout(2000),
      });
      expect(((await response.json()) as { accounts: string[] }).accounts).toEqual([
        'U1000001',
        'U1000002',
        'U1000003',
      ]);
    } finally {
      await live.close();
    }
  });
});
