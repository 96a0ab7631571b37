import { beforeEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../../src/core/gateway/gateway-session';
import type { IbConnectionEvents } from '../../../../src/core/gateway/ib-connection';
import type { SessionState } from '../../../../src/shared/session';
import { defaultSettings, type Settings } from '../../../../src/shared/settings';
import { FakeConnection, FakeDemo, ManualClock, flush } from './fake-gateway';

let clock: ManualClock;
let demo: FakeDemo;
let connections: FakeConnection[];
let settings: Settings;
let states: SessionState[];

function makeSession(overrides: Partial<ConstructorParameters<typeof GatewaySession>[0]> = {}) {
  const session = new GatewaySession({
    settings: () => settings,
    demo,
    connect: (_host: string, _port: number, events: IbConnectionEvents) => {
      const connection = new FakeConnection(events);
      connections.push(connection);
      return connection;
    },
    logger: { log: () => {} },
    clock,
    random: () => 1,
    ...overrides,
  });
  session.subscribe((s) => states.push(s));
  return session;
}

const last = () => connections[connections.length - 1]!;
const seen = () => states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);

beforeEach(() => {
  clock = new ManualClock();
  demo = new FakeDemo();
  connections = [];
  settings = defaultSettings();
  states = [];
});

describe('GatewaySession', () => {
  it('starts the simulator for demo mode and connects to it with the configured client id', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    expect(demo.starts).toBe(1);
    expect(last().connects).toEqual([17]);
    expect(session.current()).toMatchObject({
      state: 'connected',
      mode: 'demo',
      port: 40123,
      serverVersion: 178,
      clientId: 17,
      accounts: ['DU1000001', 'DU1000002', 'DU1000003'],
      tradingBlockedReason: null,
    });
  });

  it('retries a refused connection with capped exponential backoff, forever', async () => {
    settings = { ...defaultSettings(), mode: 'paper' };
    const session = makeSession();
    const connection = () => last();
    // The gateway is down (e.g. its daily restart): every connect fails.
    const starting = session.start();
    await starting;
    connection().accept = false;
    connection().drop();
    await clock.advance(10 * 30_000);
    const delays = states.map((st) => st.detail).filter((d) => d.startsWith('Reconnecting in'));
    expect(delays.slice(0, 7)).toEqual([
      'Reconnecting in 1 s (attempt 1).',
      'Reconnecting in 2 s (attempt 2).',
      'Reconnecting in 4 s (attempt 3).',
      'Reconnecting in 8 s (attempt 4).',
      'Reconnecting in 16 s (attempt 5).',
      'Reconnecting in 30 s (attempt 6).',
      'Reconnecting in 30 s (attempt 7).',
    ]);
    expect(delays.length).toBeGreaterThan(10);
    connection().accept = true;
    await clock.advance(30_000);
    expect(session.current().state).toBe('connected');
    // A success resets the backoff.
    connection().drop();
    expect(session.current().detail).toBe('Reconnecting in 1 s (attempt 1).');
  });

  it('detects a half-open socket within 10 s and reconnects on the same connection', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    last().answering = false;
    await clock.advance(10_000);
    expect(seen()).toEqual(['connecting', 'connected', 'degraded', 'reconnecting']);
    expect(session.current().lastError?.message).toMatch(/stopped answering/);
    last().answering = true;
    await clock.advance(2_000);
    expect(session.current().state).toBe('connected');
    expect(connections).toHaveLength(1);
  });

  it('tries the next client id on 326 and says so', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    last().events.onNotice(326, 'Unable to connect as the client id is already in use. Retry with a unique client id.');
    expect(session.current().detail).toBe('Client id 17 is in use by another program; trying 18.');
    await clock.advance(1);
    expect(last().connects).toEqual([17, 18]);
    expect(session.current()).toMatchObject({ state: 'connected', clientId: 18 });
  });

  it('gives up after five client ids in use in a row and tells the person what to do', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    last().acceptsClient = false;
    for (let i = 0; i < 5; i++) {
      last().events.onNotice(326, 'in use');
      await clock.advance(1);
    }
    expect(session.current().state).toBe('disconnected');
    expect(session.current().detail).toMatch(/17–21 are all in use/);
  });

  it('counts only refusals in a row: an accepted client starts the count again', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    const refusedThenAccepted = async (refusals: number) => {
      last().acceptsClient = false;
      for (let i = 0; i < refusals; i++) {
        last().events.onNotice(326, 'in use');
        if (i === refusals - 1) last().acceptsClient = true;
        await clock.advance(1);
      }
    };
    await refusedThenAccepted(4);
    await refusedThenAccepted(4);
    expect(last().connects).toEqual([17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(session.current()).toMatchObject({ state: 'connected', clientId: 25 });
  });

  it('cycles the socket on 1101 (data lost) so every subscription is re-sent, not on 1102', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    last().events.onNotice(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    expect(session.current().state).toBe('degraded');
    last().events.onNotice(1102, 'Connectivity restored - data maintained.');
    await clock.advance(1);
    expect(last().connects).toHaveLength(1);
    last().events.onNotice(1101, 'Connectivity restored - data lost.');
    await clock.advance(1);
    expect(last().connects).toHaveLength(2);
    expect(session.current().state).toBe('connected');
  });

  it('refuses a non-loopback host unless settings allow it', async () => {
    settings = {
      ...defaultSettings(),
      mode: 'paper',
      gateway: { ...defaultSettings().gateway, paper: { host: '10.1.2.3', port: 4002, clientId: 17 } },
    };
    const session = makeSession();
    await session.start();
    expect(connections).toHaveLength(0);
    expect(session.current()).toMatchObject({ state: 'disconnected', mode: 'paper' });
    expect(session.current().detail).toMatch(/not this machine/);
  });

  it('blocks trading when the accounts do not match the mode', async () => {
    settings = { ...defaultSettings(), mode: 'paper' };
    const session = makeSession({
      connect: (_h, _p, events) => {
        const c = new FakeConnection(events);
        c.accounts = ['U1234567'];
        connections.push(c);
        return c;
      },
    });
    await session.start();
    await flush();
    expect(session.current().tradingBlockedReason).toMatch(/paper mode.*U1234567/);
  });

  it('keeps live mode unarmed until LIVE is typed, and disarms on a mode change', async () => {
    const session = makeSession({
      connect: (_h, _p, events) => {
        const c = new FakeConnection(events);
        c.accounts = ['U1234567'];
        connections.push(c);
        return c;
      },
    });
    await session.setMode('live');
    await flush();
    expect(session.current().tradingBlockedReason).toMatch(/not armed/);
    expect(() => session.armLive('live')).toThrow(/Type LIVE/);
    session.armLive('LIVE');
    expect(session.current()).toMatchObject({ liveArmed: true, tradingBlockedReason: null });
    await session.setMode('paper');
    await session.setMode('live');
    await flush();
    expect(session.current().liveArmed).toBe(false);
  });

  it('read-only refuses every order whatever the mode', async () => {
    settings = { ...defaultSettings(), readOnly: true };
    const session = makeSession();
    await session.start();
    await flush();
    expect(session.current().tradingBlockedReason).toMatch(/Read-only/);
  });

  it('a mode change closes the old connection and ignores its late callbacks', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    const old = last();
    settings = { ...settings, mode: 'paper' };
    await session.setMode('paper');
    await flush();
    expect(old.disposed).toBe(true);
    old.events.onSocket(false);
    expect(session.current()).toMatchObject({ state: 'connected', mode: 'paper', port: 4002 });
  });

  it('dispose stops the simulator and leaves no timers', async () => {
    const session = makeSession();
    await session.start();
    await flush();
    await session.dispose();
    expect(demo.stops).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});
