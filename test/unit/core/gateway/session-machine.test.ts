import { describe, expect, it } from 'vitest';
import {
  initialMachine,
  transition,
  type MachineEvent,
  type MachineState,
} from '../../../../src/core/gateway/session-machine';

const start: MachineEvent = { type: 'start', mode: 'paper', host: '127.0.0.1', port: 4002, readOnly: false };
const up: MachineEvent = { type: 'socket-up', serverVersion: 178, at: 1_000 };
const run = (...events: MachineEvent[]): MachineState => events.reduce(transition, initialMachine('demo'));
const msg = (code: number, text = ''): MachineEvent => ({ type: 'ib-message', code, text, at: 2_000 });

describe('gateway session machine', () => {
  it('starts disconnected', () => {
    expect(run().session.state).toBe('disconnected');
  });

  it('disconnected → connecting on start, with mode, host and port', () => {
    expect(run(start).session).toMatchObject({ state: 'connecting', mode: 'paper', host: '127.0.0.1', port: 4002 });
  });

  it('connecting → connected when the socket is up, recording the server version', () => {
    expect(run(start, up).session).toMatchObject({ state: 'connected', serverVersion: 178 });
  });

  it('ignores socket-up unless connecting (a late callback after stop)', () => {
    expect(run(start, { type: 'stop', reason: 'bye' }, up).session.state).toBe('disconnected');
  });

  it('keeps the accounts the gateway reports', () => {
    expect(run(start, up, { type: 'accounts', accounts: ['DU1', 'DU2'] }).session.accounts).toEqual(['DU1', 'DU2']);
  });

  it('connected → degraded on 1100, back to connected on 1102 (data kept) and 1101 (data lost)', () => {
    const lost = run(start, up, msg(1100));
    expect(lost.session.state).toBe('degraded');
    expect(lost.session.lastError).toMatchObject({ ibCode: 1100 });
    expect(transition(lost, msg(1102)).session.state).toBe('connected');
    expect(transition(lost, msg(1101)).session.state).toBe('connected');
  });

  it('2110 degrades like 1100', () => {
    expect(run(start, up, msg(2110)).session.state).toBe('degraded');
  });

  it('a broken farm degrades, naming the farm; its OK message restores', () => {
    const broken = run(start, up, msg(2103, 'Market data farm connection is broken:usfarm'));
    expect(broken.session.state).toBe('degraded');
    expect(broken.session.farms).toEqual([{ name: 'usfarm', ok: false, code: 2103 }]);
    expect(broken.session.lastError?.message).toContain('usfarm');
    const fixed = transition(broken, msg(2104, 'Market data farm connection is OK:usfarm'));
    expect(fixed.session).toMatchObject({ state: 'connected', farms: [{ name: 'usfarm', ok: true, code: 2104 }] });
  });

  it.each([2105, 2157])('farm code %i degrades', (code) => {
    expect(run(start, up, msg(code, 'farm connection is broken:somefarm')).session.state).toBe('degraded');
  });

  it.each([2104, 2106, 2107, 2108, 2158])('farm code %i keeps the session connected', (code) => {
    expect(run(start, up, msg(code, 'farm connection is OK:somefarm')).session.state).toBe('connected');
  });

  it('stays degraded while any one farm is down', () => {
    const m = run(
      start,
      up,
      msg(2103, 'Market data farm connection is broken:usfarm'),
      msg(2105, 'HMDS data farm connection is broken:ushmds'),
      msg(2104, 'Market data farm connection is OK:usfarm'),
    );
    expect(m.session.state).toBe('degraded');
  });

  it('a missed heartbeat degrades; the next answer restores and records latency', () => {
    const late = run(start, up, { type: 'heartbeat-missed', at: 5_000 });
    expect(late.session.state).toBe('degraded');
    const back = transition(late, { type: 'heartbeat', latencyMs: 12, at: 6_000 });
    expect(back.session).toMatchObject({ state: 'connected', heartbeatLatencyMs: 12, lastHeartbeatAt: 6_000 });
  });

  it('connected → reconnecting when the socket drops, clearing what the gateway told us', () => {
    const m = run(start, up, msg(2103, 'broken:usfarm'), {
      type: 'socket-down',
      reason: 'IB Gateway closed the connection.',
      at: 3_000,
    });
    expect(m.session).toMatchObject({ state: 'reconnecting', serverVersion: null, farms: [] });
    expect(m.session.lastError?.message).toBe('IB Gateway closed the connection.');
  });

  it('degraded → reconnecting on drop, and the old degradation does not survive the reconnect', () => {
    const m = run(start, up, msg(1100), { type: 'socket-down', reason: 'gone', at: 3_000 }, start, up);
    expect(m.session.state).toBe('connected');
  });

  it('reconnecting → connecting → connected on the next attempt', () => {
    const dropped = run(start, up, { type: 'socket-down', reason: 'gone', at: 3_000 });
    const first = transition(dropped, { type: 'reconnect-scheduled', inMs: 900 });
    const scheduled = transition(transition(first, start), { type: 'reconnect-scheduled', inMs: 2_400 });
    expect(scheduled.session).toMatchObject({ state: 'reconnecting', detail: 'Reconnecting in 3 s (attempt 2).' });
    expect(scheduled.attempt).toBe(2);
    const healed = transition(transition(scheduled, start), up);
    expect(healed.session.state).toBe('connected');
    // A socket that came up starts the backoff over and is no longer "dropped since up".
    expect(healed).toMatchObject({ attempt: 0, droppedSinceUp: false });
    expect(dropped.droppedSinceUp).toBe(true);
  });

  it('counts 326 answers in a row until IB accepts a client id, and moves the client id on each', () => {
    const refused = run(start, msg(326), { type: 'client-id-refused' }, { type: 'client-id-refused' });
    expect(refused).toMatchObject({ clientIdOffset: 2, refusedInARow: 2 });
    // Accepted: the accounts arrive; the next 326 starts a new streak but keeps the id that works.
    const accepted = run(start, msg(326), { type: 'client-id-refused' }, start, up, {
      type: 'accounts',
      accounts: ['DU1'],
    });
    expect(accepted).toMatchObject({ clientIdOffset: 1, refusedInARow: 0 });
    expect(transition(accepted, { type: 'open', mode: 'demo' })).toMatchObject({ clientIdOffset: 0, attempt: 0 });
  });

  it('arms live for one mode only: a disarm says why, a mode change clears both', () => {
    const armed = run({ type: 'arm-live' });
    expect(armed).toMatchObject({ liveArmed: true, disarmReason: null });
    const idle = transition(armed, { type: 'disarm', reason: 'Idle for 15 minutes.' });
    expect(idle).toMatchObject({ liveArmed: false, disarmReason: 'Idle for 15 minutes.' });
    const rearmed = transition(idle, { type: 'arm-live' });
    expect(transition(rearmed, { type: 'open', mode: 'demo' }).liveArmed).toBe(true);
    expect(transition(rearmed, { type: 'open', mode: 'paper' })).toMatchObject({
      liveArmed: false,
      disarmReason: null,
    });
  });

  it('says plainly when the login is active elsewhere', () => {
    expect(run(start, up, msg(10197)).session.lastError?.message).toContain('Your IBKR login is active elsewhere');
  });

  it('records 326 as client id in use', () => {
    expect(run(start, msg(326)).session.lastError).toMatchObject({ ibCode: 326 });
  });

  it('ignores messages that are not about the session', () => {
    const m = run(start, up);
    expect(transition(m, msg(201, 'Order rejected'))).toBe(m);
  });

  it('any state → disconnected on stop, and a stopped session ignores late drops', () => {
    const stopped = run(start, up, msg(1100), { type: 'stop', reason: 'You disconnected.' });
    expect(stopped.session).toMatchObject({ state: 'disconnected', detail: 'You disconnected.' });
    expect(transition(stopped, { type: 'socket-down', reason: 'late', at: 9 }).session.state).toBe('disconnected');
    expect(transition(stopped, { type: 'reconnect-scheduled', inMs: 1 }).session.state).toBe('disconnected');
  });

  it('ignores heartbeats while not up', () => {
    const m = run(start);
    expect(transition(m, { type: 'heartbeat-missed', at: 1 })).toBe(m);
    expect(transition(m, { type: 'heartbeat', latencyMs: 1, at: 1 })).toBe(m);
  });
});
