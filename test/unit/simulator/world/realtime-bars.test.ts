import { describe, expect, it } from 'vitest';
import { QUOTE } from './quote-fixture';
import { RealtimeBarBuilder } from '../../../../src/simulator/world/realtime-bars';

const T0 = 1_704_203_700; // a multiple of 5

describe('real-time bars', () => {
  it('closes a TRADES bar every 5 s with the window’s open, high, low, close, volume, WAP and count', () => {
    const builder = new RealtimeBarBuilder('TRADES', QUOTE, T0);
    expect(builder.observe({ ...QUOTE, last: 100.05, lastSize: 200 }, true, T0 + 1)).toEqual([]);
    expect(builder.observe({ ...QUOTE, last: 99.95, lastSize: 100 }, true, T0 + 2)).toEqual([]);
    // A quote change without a trade leaves a TRADES bar alone.
    expect(builder.observe({ ...QUOTE, last: 50 }, false, T0 + 3)).toEqual([]);
    expect(builder.observe({ ...QUOTE, last: 100, lastSize: 100 }, true, T0 + 4)).toEqual([]);
    const [bar, ...more] = builder.observe({ ...QUOTE, last: 100.1, lastSize: 100 }, true, T0 + 5);
    expect(more).toEqual([]);
    expect(bar).toMatchObject({ time: T0, open: 100.05, high: 100.05, low: 99.95, close: 100, volume: 400, count: 3 });
    expect(bar?.wap).toBeCloseTo((100.05 * 200 + 99.95 * 100 + 100 * 100) / 400, 10);
    // The trade at T0 + 5 opened the next bar.
    expect(builder.roll(T0 + 10)).toEqual([
      { time: T0 + 5, open: 100.1, high: 100.1, low: 100.1, close: 100.1, volume: 100, wap: 100.1, count: 1 },
    ]);
  });

  it('samples the quote for MIDPOINT, BID and ASK bars, with -1 volume, WAP and count', () => {
    const builder = new RealtimeBarBuilder('MIDPOINT', QUOTE, T0 + 2);
    builder.observe({ ...QUOTE, bid: 100.1, ask: 100.12 }, false, T0 + 3);
    builder.observe({ ...QUOTE, bid: 99.9, ask: 99.92 }, true, T0 + 4);
    expect(builder.roll(T0 + 5)).toEqual([
      { time: T0, open: 100.01, high: 100.11, low: 99.91, close: 99.91, volume: -1, wap: -1, count: -1 },
    ]);
    const bids = new RealtimeBarBuilder('BID', QUOTE, T0);
    bids.observe({ ...QUOTE, bid: 99.5 }, false, T0 + 1);
    expect(bids.roll(T0 + 5)[0]).toMatchObject({ open: 100, low: 99.5, close: 99.5 });
  });

  it('keeps sending flat bars through quiet windows, and catches up at most 12 after a stall', () => {
    const builder = new RealtimeBarBuilder('TRADES', QUOTE, T0);
    const quiet = builder.roll(T0 + 15);
    expect(quiet.map((bar) => bar.time)).toEqual([T0, T0 + 5, T0 + 10]);
    expect(quiet[2]).toEqual({
      time: T0 + 10,
      open: 100.01,
      high: 100.01,
      low: 100.01,
      close: 100.01,
      volume: 0,
      wap: 100.01,
      count: 0,
    });
    expect(builder.roll(T0 + 15)).toEqual([]);
    expect(builder.roll(T0 + 15 + 3_600)).toHaveLength(13);
  });
});
