import { describe, expect, it } from 'vitest';
import { IdleDisarm } from '../../../../src/core/session/idle-disarm';
import { ManualClock } from '../gateway/fake-gateway';

const MINUTE = 60_000;

function setup(minutes = 15) {
  const clock = new ManualClock();
  const idled: number[] = [];
  let idleMinutes = minutes;
  const idle = new IdleDisarm({ clock, idleMs: () => idleMinutes * MINUTE, onIdle: (ms) => idled.push(ms) });
  return { clock, idle, idled, setMinutes: (m: number) => (idleMinutes = m) };
}

describe('IdleDisarm', () => {
  it('disarms once when armed trading sees no activity for the idle time', async () => {
    const { clock, idle, idled } = setup(15);
    idle.setArmed(true);
    await clock.advance(15 * MINUTE - 1);
    expect(idled).toEqual([]);
    await clock.advance(1);
    expect(idled).toEqual([15 * MINUTE]);
    await clock.advance(60 * MINUTE);
    expect(idled).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('activity restarts the idle time from the last interaction', async () => {
    const { clock, idle, idled } = setup(10);
    idle.setArmed(true);
    await clock.advance(9 * MINUTE);
    idle.activity();
    await clock.advance(9 * MINUTE);
    idle.activity();
    await clock.advance(10 * MINUTE - 1);
    expect(idled).toEqual([]);
    await clock.advance(1);
    expect(idled).toEqual([10 * MINUTE]);
  });

  it('reschedule with nothing armed does nothing; with time already over it disarms at once', async () => {
    const { clock, idle, idled, setMinutes } = setup(30);
    idle.reschedule();
    expect(clock.pending()).toBe(0);
    idle.setArmed(true);
    await clock.advance(20 * MINUTE);
    setMinutes(15);
    idle.reschedule();
    expect(idled).toEqual([15 * MINUTE]);
  });

  it('does nothing while not armed, and stops counting when disarmed by hand', async () => {
    const { clock, idle, idled } = setup(5);
    await clock.advance(60 * MINUTE);
    expect(clock.pending()).toBe(0);
    idle.setArmed(true);
    await clock.advance(4 * MINUTE);
    idle.setArmed(false);
    expect(clock.pending()).toBe(0);
    await clock.advance(60 * MINUTE);
    expect(idled).toEqual([]);
  });

  it('re-arming starts a fresh idle time', async () => {
    const { clock, idle, idled } = setup(5);
    idle.setArmed(true);
    await clock.advance(5 * MINUTE);
    expect(idled).toHaveLength(1);
    idle.setArmed(false); // the session reports the disarm
    await clock.advance(30 * MINUTE);
    idle.setArmed(true);
    await clock.advance(5 * MINUTE - 1);
    expect(idled).toHaveLength(1);
    await clock.advance(1);
    expect(idled).toHaveLength(2);
  });

  it('a setting shortened while armed applies to the idle time already running', async () => {
    const { clock, idle, idled, setMinutes } = setup(30);
    idle.setArmed(true);
    await clock.advance(5 * MINUTE);
    setMinutes(10);
    idle.reschedule();
    await clock.advance(5 * MINUTE - 1);
    expect(idled).toEqual([]);
    await clock.advance(1);
    expect(idled).toEqual([10 * MINUTE]);
    expect(clock.pending()).toBe(0);
  });

  it('dispose cancels the pending check', async () => {
    const { clock, idle, idled } = setup(1);
    idle.setArmed(true);
    idle.dispose();
    expect(clock.pending()).toBe(0);
    await clock.advance(5 * MINUTE);
    expect(idled).toEqual([]);
  });
});
