import { describe, expect, it, vi } from 'vitest';
import { diffRows, isEmptyDiff } from '../../../src/core/row-diff';
import { createThrottle } from '../../../src/core/accounts/throttle';
import type { Clock } from '../../../src/core/clock';

describe('diffRows', () => {
  const id = (row: { id: string }) => row.id;
  it('upserts new and changed rows and removes missing ones, leaving equal rows out', () => {
    const before = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'c', v: 3 },
    ];
    const after = [
      { id: 'a', v: 1 },
      { id: 'b', v: 5 },
      { id: 'd', v: 4 },
    ];
    expect(diffRows(before, after, id)).toEqual({
      upsert: [
        { id: 'b', v: 5 },
        { id: 'd', v: 4 },
      ],
      remove: ['c'],
    });
    expect(isEmptyDiff(diffRows(after, after, id))).toBe(true);
  });
});

describe('createThrottle', () => {
  function fakeScheduler() {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const scheduler: Clock = {
      now: () => now,
      setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
      clearTimeout: () => undefined,
    };
    const advance = (ms: number) => {
      now += ms;
      for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) timer.fn();
        else timers.push(timer);
      }
    };
    return { scheduler, advance };
  }

  it('runs the first change at once and then at most once per interval, however many changes arrive', () => {
    const { scheduler, advance } = fakeScheduler();
    const run = vi.fn();
    const throttle = createThrottle(run, 200, scheduler);
    throttle.poke();
    advance(0);
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      throttle.poke();
      advance(3);
    }
    // 150 ms of pokes after the first run: one more run, at 200 ms.
    expect(run).toHaveBeenCalledTimes(1);
    advance(50);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
