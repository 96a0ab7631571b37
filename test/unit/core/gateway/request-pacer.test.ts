import { describe, expect, it } from 'vitest';
import {
  MESSAGES_PER_SECOND,
  READS_PER_SECOND,
  RequestPacer,
  type PacerClock,
} from '../../../../src/core/gateway/request-pacer';

/** A clock the test moves by hand; timers run when it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const clock: PacerClock = { now: () => now, setTimeout: (run, ms) => void timers.push({ at: now + ms, run }) };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const timer of due) timer.run();
  };
  return { clock, advance, pending: () => timers.length };
}

/** Messages as @stoqey/ib's encoder hands them over: nested token arrays, the message id first. */
const message = (id: number, tag: number) => [[id, 1, tag]];
const READ = 7;
const PLACE_ORDER = 3;

describe('request pacer', () => {
  it('sends at once while under the ceiling: a burst of orders does not wait a tenth of a second each', () => {
    const { clock } = manualClock();
    const sent: unknown[][] = [];
    const pacer = new RequestPacer((tokens) => sent.push(tokens), clock);
    for (let i = 0; i < 10; i++) pacer.push(message(i % 2 ? READ : PLACE_ORDER, i));
    expect(sent).toHaveLength(10);
  });

  it('keeps part of every second for orders: reads over their share wait, an order behind them does not', () => {
    const { clock, advance } = manualClock();
    const sent: unknown[][] = [];
    const pacer = new RequestPacer((tokens) => sent.push(tokens), clock);
    for (let i = 0; i < READS_PER_SECOND + 2; i++) pacer.push(message(READ, i));
    expect(sent).toHaveLength(READS_PER_SECOND);
    pacer.push(message(PLACE_ORDER, 200));
    expect(sent.at(-1)).toEqual(message(PLACE_ORDER, 200));
    advance(1_000);
    expect(sent.slice(-2)).toEqual([message(READ, READS_PER_SECOND), message(READ, READS_PER_SECOND + 1)]);
  });

  it('holds what is over the ceiling for one second, then sends orders before the reads queued ahead of them', () => {
    const { clock, advance, pending } = manualClock();
    const sent: unknown[][] = [];
    const pacer = new RequestPacer((tokens) => sent.push(tokens), clock);
    for (let i = 0; i < MESSAGES_PER_SECOND; i++) pacer.push(message(PLACE_ORDER, i));
    pacer.push(message(READ, 100));
    pacer.push(message(PLACE_ORDER, 200));
    expect(sent).toHaveLength(MESSAGES_PER_SECOND);
    advance(999);
    expect(sent).toHaveLength(MESSAGES_PER_SECOND);
    advance(1);
    expect(sent.slice(MESSAGES_PER_SECOND)).toEqual([message(PLACE_ORDER, 200), message(READ, 100)]);
    expect(pending()).toBe(0);
  });

  it('never lets more than the ceiling out in any one second, however the requests arrive', () => {
    const { clock, advance } = manualClock();
    const times: number[] = [];
    const pacer = new RequestPacer(() => times.push(clock.now()), clock);
    for (let ms = 0; ms < 3_000; ms += 10) {
      for (let i = 0; i < 3; i++) pacer.push(message(ms % 20 ? READ : PLACE_ORDER, ms + i));
      advance(10);
    }
    for (let step = 0; step < 300; step++) advance(100);
    expect(times).toHaveLength(900);
    for (const [i, at] of times.entries()) {
      expect(times.filter((t) => t > at - 1_000 && t <= at).length, `at message ${i}`).toBeLessThanOrEqual(
        MESSAGES_PER_SECOND,
      );
    }
  });
});
