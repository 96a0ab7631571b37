/**
 * IB Gateway's daily restart, as the simulator models it (`faults.restart`): every socket closes and
 * connections are refused for a while. The session must say that this is most likely the restart,
 * not a fault, and be connected again afterwards without anyone doing anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection } from '../../../src/core/gateway/ib-connection';
import type { SessionState } from '../../../src/shared/session';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { untilState } from './session-waits';

let sim: Simulator;
let session: GatewaySession;

/** Connects to a fresh simulator, or to `port` when given (and then does not wait for a connection). */
async function start(port?: number): Promise<void> {
  if (port === undefined) sim = await startSimulator({ port: 0, tickRate: 0 });
  const settings: Settings = {
    ...defaultSettings(),
    mode: 'paper',
    gateway: { ...defaultSettings().gateway, paper: { host: '127.0.0.1', port: port ?? sim.port, clientId: 17 } },
  };
  session = new GatewaySession({
    settings: () => settings,
    demo: { start: () => Promise.reject(new Error('no demo here')), stop: async () => undefined },
    connect: createIbConnection,
    logger: { log: () => undefined },
    heartbeatIntervalMs: 150,
    deadAfterMs: 900,
    backoff: { baseMs: 100, capMs: 300 },
  });
  await session.start();
  if (port === undefined)
    await until((s) => s.state === 'connected' && s.accounts.length === 3, 'the first connection');
}

const until = (predicate: (state: SessionState) => boolean, what: string, ms = 10_000) =>
  untilState(session, predicate, what, ms);

afterEach(async () => {
  await session?.dispose();
  await sim?.close();
});

const RESTART =
  /most likely IB Gateway's daily restart \(or its auto-logoff\)\. Gatehouse keeps trying and reconnects when it is back\./;

describe('the daily restart', () => {
  it('close, then refused connections: explained as the restart, then connected again', async () => {
    await start();
    sim.faults.restart(1.5);
    const lost = await until((s) => s.state === 'reconnecting', 'the drop');
    expect(lost.lastError?.message).toBe(`The connection to 127.0.0.1:${sim.port} was lost.`);
    const explained = await until((s) => RESTART.test(s.lastError?.message ?? ''), 'the explanation');
    expect(explained.lastError?.message).toMatch(
      /^IB Gateway at 127\.0\.0\.1:\d+ closed the connection and is not accepting new ones yet/,
    );
    const back = await until((s) => s.state === 'connected' && s.accounts.length === 3, 'connected after the restart');
    expect(back.lastError).toBeNull();
  });

  it('1100 and then a close: explained as the restart at once', async () => {
    await start();
    sim.faults.notice(1100);
    await until((s) => s.lastError?.ibCode === 1100, 'the 1100');
    sim.faults.restart(1);
    const lost = await until((s) => s.state === 'reconnecting', 'the drop');
    expect(lost.lastError?.message).toMatch(/^IB Gateway closed the connection right after losing IBKR: /);
    expect(lost.lastError?.message).toMatch(RESTART);
    await until((s) => s.state === 'connected' && s.accounts.length === 3, 'connected after the restart');
  });

  it('a refused first connection is not called a restart', async () => {
    // A port the simulator had and gave up: nothing listens there now.
    sim = await startSimulator({ port: 0, tickRate: 0 });
    await sim.close();
    await start(sim.port);
    const refused = await until((s) => s.state === 'reconnecting', 'the refusal');
    expect(refused.lastError?.message).toBe(
      `Could not connect to 127.0.0.1:${sim.port}: is IB Gateway running there with the API enabled?`,
    );
  });
});
