import { beforeEach, describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../../src/core/gateway/gateway-session';
import { guardIdleLiveTrading, type IdleLiveGuard } from '../../../../src/core/session/idle-live-guard';
import { defaultSettings, type Settings } from '../../../../src/shared/settings';
import { FakeConnection, FakeDemo, ManualClock, flush } from '../gateway/fake-gateway';

const MINUTE = 60_000;
let clock: ManualClock;
let settings: Settings;
let session: GatewaySession;
let guard: IdleLiveGuard;
let settingsListener: () => void;

beforeEach(async () => {
  clock = new ManualClock();
  settings = { ...defaultSettings(), mode: 'live', liveIdleDisarmMinutes: 15 };
  session = new GatewaySession({
    settings: () => settings,
    demo: new FakeDemo(),
    connect: (_host, _port, events) => {
      const connection = new FakeConnection(events);
      connection.accounts = ['U1234567'];
      return connection;
    },
    logger: { log: () => {} },
    clock,
    random: () => 1,
  });
  guard = guardIdleLiveTrading({
    session,
    idleMinutes: () => settings.liveIdleDisarmMinutes,
    onSettingsChange: (listener) => {
      settingsListener = listener;
      return () => {};
    },
    clock,
  });
  await session.start();
  await flush();
});

describe('idle live trading', () => {
  it('disarms after the idle minutes, says why, and needs arming again', async () => {
    session.armLive('LIVE');
    expect(session.current().tradingBlockedReason).toBeNull();
    await clock.advance(14 * MINUTE);
    guard.activity();
    await clock.advance(15 * MINUTE - 1);
    expect(session.current().liveArmed).toBe(true);
    await clock.advance(1);
    expect(session.current().liveArmed).toBe(false);
    expect(session.current().tradingBlockedReason).toBe(
      'Live trading was disarmed after 15 min without activity in Gatehouse. Arm it again by typing LIVE.',
    );
    // Activity does not re-arm; only typing LIVE does, and that clears the reason.
    guard.activity();
    expect(session.current().liveArmed).toBe(false);
    session.armLive('LIVE');
    expect(session.current().tradingBlockedReason).toBeNull();
    // …and starts a fresh idle time.
    await clock.advance(15 * MINUTE);
    expect(session.current().liveArmed).toBe(false);
  });

  it('a disarm by hand keeps the plain reason', async () => {
    session.armLive('LIVE');
    session.disarm();
    expect(session.current().tradingBlockedReason).toBe(
      'Live trading is not armed for this session; arm it (type LIVE to confirm) before sending real orders.',
    );
  });

  it('a shorter idle time saved while armed takes effect at once', async () => {
    session.armLive('LIVE');
    await clock.advance(6 * MINUTE);
    settings = { ...settings, liveIdleDisarmMinutes: 5 };
    settingsListener();
    expect(session.current().liveArmed).toBe(false);
  });

  it('stops watching when disposed', async () => {
    session.armLive('LIVE');
    guard.dispose();
    await clock.advance(60 * MINUTE);
    expect(session.current().liveArmed).toBe(true);
  });
});
