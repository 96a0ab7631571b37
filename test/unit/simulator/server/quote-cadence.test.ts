import { describe, expect, it } from 'vitest';
import {
  cadenceMs,
  FX_CADENCE_MS,
  openSnapshots,
  QUIET_MOVE_MS,
  QuietInstruments,
  snapshotPhaseMs,
  STOCK_CADENCE_MS,
  takeSnapshot,
  US_OPTION_CADENCE_MS,
} from '../../../../src/simulator/server/quote-cadence';
import { QUOTE } from './feed-fixtures';

/** A quote that changes every millisecond (the bid size counts the clock), and the times a line sent a snapshot. */
function snapshotTimes(intervalMs: number, untilMs: number): number[] {
  const state = openSnapshots(intervalMs, QUOTE, 0);
  const sent: number[] = [];
  for (let now = 1; now <= untilMs; now += 1) {
    if (takeSnapshot(state, { ...QUOTE, bidSize: QUOTE.bidSize + now }, now)) sent.push(now);
  }
  return sent;
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] as number));

describe("IBKR's quote cadence", () => {
  it('gives stocks and futures 250 ms, US options 100 ms and FX pairs 5 ms', () => {
    expect(cadenceMs({ secType: 'STK', currency: 'USD' })).toBe(250);
    expect(cadenceMs({ secType: 'FUT', currency: 'USD' })).toBe(250);
    expect(cadenceMs({ secType: 'OPT', currency: 'USD' })).toBe(100);
    expect(cadenceMs({ secType: 'OPT', currency: 'EUR' })).toBe(250);
    expect(cadenceMs({ secType: 'CASH', currency: 'USD' })).toBe(5);
  });

  it('never sends a stock line two snapshots within 250 ms, however often the quote changes', () => {
    const times = snapshotTimes(STOCK_CADENCE_MS, 2_000);
    expect(times).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(250);
  });

  it('lets an option line send every 100 ms and an FX line every 5 ms', () => {
    const option = snapshotTimes(US_OPTION_CADENCE_MS, 1_000);
    expect(option).toHaveLength(10);
    expect(new Set(gaps(option))).toEqual(new Set([100]));
    const fx = snapshotTimes(FX_CADENCE_MS, 100);
    expect(fx).toHaveLength(20);
    expect(new Set(gaps(fx))).toEqual(new Set([5]));
  });

  it('sends only the fields that changed since the last snapshot, and nothing when none did', () => {
    const state = openSnapshots(STOCK_CADENCE_MS, QUOTE, 0);
    expect(takeSnapshot(state, QUOTE, 250)).toBeNull();
    expect(takeSnapshot(state, { ...QUOTE, bid: 200.05 }, 310)).toBeNull(); // between snapshots
    // Changes inside one interval aggregate: the bid moved and moved back, the ask and volume moved.
    expect(takeSnapshot(state, { ...QUOTE, bid: 200.05 }, 500)).toEqual({ bid: 200.05 });
    expect(takeSnapshot(state, { ...QUOTE, bid: 200.05, ask: 200.3 }, 600)).toBeNull();
    expect(takeSnapshot(state, { ...QUOTE, bid: 200.05, ask: 200.3, volume: 1_000_100 }, 760)).toEqual({
      ask: 200.3,
      volume: 1_000_100,
    });
    expect(takeSnapshot(state, { ...QUOTE, bid: 200.05, ask: 200.3, volume: 1_000_100 }, 1000)).toBeNull();
  });

  it('keeps each line on its own clock: a change after a quiet snapshot waits for the next one', () => {
    const state = openSnapshots(STOCK_CADENCE_MS, QUOTE, 0);
    expect(takeSnapshot(state, QUOTE, 1_000)).toBeNull();
    expect(takeSnapshot(state, { ...QUOTE, last: 200.2 }, 1_001)).toBeNull();
    // The market pass runs every 10 ms: a snapshot taken late does not move the clock.
    expect(takeSnapshot(state, { ...QUOTE, last: 200.2 }, 1_258)).toEqual({ last: 200.2 });
    expect(takeSnapshot(state, { ...QUOTE, last: 200.3 }, 1_499)).toBeNull();
    expect(takeSnapshot(state, { ...QUOTE, last: 200.3 }, 1_500)).toEqual({ last: 200.3 });
  });

  it("spreads instruments' clocks over the interval, and a pause does not bring them into step", () => {
    const phases = Array.from({ length: 100 }, (_, i) => snapshotPhaseMs(1000 + i, STOCK_CADENCE_MS));
    // 100 lines over 250 ms: no 25 ms slice of the interval holds more than a fair share and a half.
    const perSlice = Array.from(
      { length: 10 },
      (_, slice) => phases.filter((p) => Math.floor(p / 25) === slice).length,
    );
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(15);
    // Two lines opened together, quiet for a second, then changing every millisecond.
    const lines = [1000, 1001].map((conId) =>
      openSnapshots(STOCK_CADENCE_MS, QUOTE, 0, snapshotPhaseMs(conId, STOCK_CADENCE_MS)),
    );
    const firstAfterPause = lines.map((state) => {
      for (let now = 1; now <= 2_000; now++) {
        const quote = now < 1_000 ? QUOTE : { ...QUOTE, bidSize: QUOTE.bidSize + now };
        if (takeSnapshot(state, quote, now)) return now;
      }
      return undefined;
    });
    expect(firstAfterPause[0]).not.toBe(firstAfterPause[1]);
    expect(Math.abs((firstAfterPause[1] ?? 0) - (firstAfterPause[0] ?? 0))).toBe(61);
  });
});

describe('quiet instruments', () => {
  it('are due a move once the walk has left them alone for 250 ms, and forgotten when unwatched', () => {
    const quiet = new QuietInstruments();
    const watched = new Set([1, 2]);
    expect(quiet.due(watched, 0)).toEqual([]);
    quiet.moved([2], 200);
    expect(quiet.due(watched, QUIET_MOVE_MS - 1)).toEqual([]);
    expect(quiet.due(watched, QUIET_MOVE_MS)).toEqual([1]);
    expect(quiet.due(watched, 200 + QUIET_MOVE_MS)).toEqual([1, 2]);
    expect(quiet.due(new Set([2]), 1_000)).toEqual([2]);
    // 1 was dropped when unwatched: watched again, it waits a full interval from now.
    expect(quiet.due(new Set([1]), 1_000)).toEqual([]);
  });
});
