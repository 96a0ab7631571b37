import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../src/core/clock';
import type { AuditEntry } from '../../../../src/core/orders/order-audit';
import { OrderTracker } from '../../../../src/core/orders/order-tracker';
import { OrderWatchdog } from '../../../../src/core/orders/order-watchdog';
import type { TrackedOrder } from '../../../../src/shared/orders';

/** A clock that moves only when told to, firing what falls due. */
class FakeClock implements Clock {
  private t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  advance(ms: number) {
    this.t += ms;
    const due = this.timers.filter((timer) => timer.at <= this.t);
    this.timers = this.timers.filter((timer) => timer.at > this.t);
    for (const timer of due) timer.fn();
  }
}

const sent = (orderId: number): TrackedOrder => ({
  orderId,
  previewId: `p${orderId}`,
  account: 'DU1000002',
  words: 'Buy 1 AAPL at 100.00 limit, day, in Individual DU1000002',
  ticket: {
    account: 'DU1000002',
    contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD', exchange: 'SMART' },
    action: 'BUY',
    quantity: 1,
    orderType: 'LMT',
    limitPrice: 100,
    tif: 'DAY',
    outsideRth: false,
  },
  phase: 'sending',
  ibStatus: null,
  filled: 0,
  remaining: 1,
  avgFillPrice: null,
  message: null,
  ibCode: null,
  submittedAt: 0,
  updatedAt: 0,
});

function setUp() {
  const clock = new FakeClock();
  const audit: AuditEntry[] = [];
  const tracker = new OrderTracker({
    audit: async (entry) => audit.push(entry),
    publish: () => {},
    mode: () => 'demo',
    now: clock.now,
    logError: () => {},
  });
  const watchdog = new OrderWatchdog(clock, 10_000, (orderId) =>
    tracker.apply(orderId, { type: 'no-answer', afterMs: 10_000 }),
  );
  return { clock, audit, tracker, watchdog };
}

describe('the no-answer watchdog', () => {
  it('marks an order the gateway never answered after 10 s, in the order and the audit log, and sends nothing', () => {
    const { clock, audit, tracker, watchdog } = setUp();
    tracker.track(sent(7));
    watchdog.watch(7);
    clock.advance(9_999);
    expect(tracker.get(7)?.message).toBeNull();
    clock.advance(1);
    expect(tracker.get(7)).toMatchObject({ phase: 'sending', ibStatus: null });
    expect(tracker.get(7)?.message).toMatch(
      /^No answer from IB Gateway after 10 s — check TWS\/Gateway before re-sending/,
    );
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'no-answer', orderId: 7, message: tracker.get(7)?.message }),
    ]);
  });

  it('leaves an order alone once the gateway has said anything about it', () => {
    const { clock, audit, tracker, watchdog } = setUp();
    tracker.track(sent(8));
    tracker.track(sent(9));
    watchdog.watch(8);
    watchdog.watch(9);
    tracker.apply(8, { type: 'status', status: 'Submitted', filled: 0, remaining: 1, avgFillPrice: 0 });
    tracker.apply(9, { type: 'answer', code: 404, text: 'Order held while securities are located.' });
    clock.advance(10_000);
    expect(tracker.get(8)?.message).toBeNull();
    expect(tracker.get(9)?.message).not.toMatch(/No answer/);
    expect(audit.filter((entry) => entry.kind === 'no-answer')).toEqual([]);
  });

  it('a modify under the same id restarts the deadline, and dispose stops every timer', () => {
    const { clock, tracker, watchdog } = setUp();
    tracker.track(sent(10));
    watchdog.watch(10);
    clock.advance(6_000);
    watchdog.watch(10);
    clock.advance(6_000);
    expect(tracker.get(10)?.message).toBeNull();
    watchdog.dispose();
    clock.advance(60_000);
    expect(tracker.get(10)?.message).toBeNull();
  });
});
