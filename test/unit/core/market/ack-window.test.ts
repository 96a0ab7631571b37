import { describe, expect, it } from 'vitest';
import { AckWindow } from '../../../../src/core/market/ack-window';
import { FakeScheduler } from './fake-scheduler';

function setup() {
  const scheduler = new FakeScheduler();
  let rooms = 0;
  const window = new AckWindow({ capacity: 2, timeoutMs: 1000, scheduler, onRoom: () => rooms++ });
  return { scheduler, window, rooms: () => rooms };
}

describe('AckWindow', () => {
  it('has room until capacity batches are out, and again once one is acknowledged', () => {
    const { window, rooms } = setup();
    expect(window.sent(1)).toBe(true);
    expect(window.sent(2)).toBe(false);
    window.acknowledged(1);
    expect(rooms()).toBe(1);
    expect(window.sent(3)).toBe(false);
    window.acknowledged(99); // not out: changes nothing
    expect(rooms()).toBe(1);
  });

  it('calls for the next batch only when the window was full', () => {
    const { window, rooms } = setup();
    window.sent(1);
    window.acknowledged(1);
    expect(rooms()).toBe(0);
  });

  it('gives back a place never acknowledged once it is timeoutMs old, though batches keep flowing', async () => {
    const { scheduler, window, rooms } = setup();
    window.sent(1); // lost: its page closed before acknowledging it
    // The next page acknowledges every batch 20 ms after it is sent, one batch in flight at a time.
    let seq = 2;
    let full = 0;
    for (let t = 0; t < 1500; t += 20) {
      if (!window.sent(seq)) full++;
      await scheduler.advance(20);
      window.acknowledged(seq++);
    }
    // Full while batch 1 held its place (up to 1 s), never after: the window is whole again.
    expect(full).toBe(50);
    expect(rooms()).toBe(50);
    expect(window.sent(seq)).toBe(true);
  });

  it('frees every expired place at once when the page stopped acknowledging', async () => {
    const { scheduler, window, rooms } = setup();
    window.sent(1);
    await scheduler.advance(10);
    window.sent(2);
    await scheduler.advance(989);
    expect(rooms()).toBe(0);
    await scheduler.advance(1);
    expect(rooms()).toBe(1);
    expect(window.sent(3)).toBe(false); // batch 2 still holds its place until 1010 ms
    await scheduler.advance(10);
    expect(rooms()).toBe(2);
  });

  it('leaves no timer once everything is acknowledged and the armed deadline has passed, or once disposed', async () => {
    const { scheduler, window } = setup();
    window.sent(1);
    window.acknowledged(1);
    await scheduler.advance(1000);
    expect(scheduler.pendingTimers).toBe(0);
    window.sent(2);
    window.dispose();
    expect(scheduler.pendingTimers).toBe(0);
  });

  it('sets no timer per batch while batches flow and are acknowledged', async () => {
    const { scheduler, window } = setup();
    const set = scheduler.setTimeout.bind(scheduler);
    let timersSet = 0;
    scheduler.setTimeout = (fn, ms) => {
      timersSet++;
      return set(fn, ms);
    };
    // 100 batches a second for 2 s, each acknowledged 5 ms after it went.
    for (let seq = 1; seq <= 200; seq++) {
      window.sent(seq);
      await scheduler.advance(5);
      window.acknowledged(seq);
      await scheduler.advance(5);
    }
    // One deadline armed and re-armed about once a second, not 200.
    expect(timersSet).toBeLessThanOrEqual(3);
  });
});
