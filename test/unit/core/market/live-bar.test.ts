import { describe, expect, it } from 'vitest';
import { foldQuote, type LiveBarState } from '../../../../src/core/market/live-bar';
import { initialQuote } from '../../../../src/core/market/quote-state';
import type { Quote } from '../../../../src/shared/market';

const T0 = 1_700_000_040; // a minute boundary
const quote = (fields: Partial<Quote>, atSeconds: number): Quote => ({
  ...initialQuote(1, 'X', 'live', atSeconds * 1000),
  ...fields,
});
const state = (fields: Partial<LiveBarState> = {}): LiveBarState => ({
  bar: { time: T0, open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
  barSeconds: 60,
  dayVolume: 5000,
  ...fields,
});

describe('the live bar', () => {
  it('moves close, high and low within the interval and adds the growth of the day volume', () => {
    const next = foldQuote(state(), quote({ last: 11.5, volume: 5300 }, T0 + 30));
    expect(next.bar).toEqual({ time: T0, open: 10, high: 11.5, low: 9, close: 11.5, volume: 400 });
    expect(next.dayVolume).toBe(5300);
    const lower = foldQuote(next, quote({ last: 8.5, volume: 5300 }, T0 + 59));
    expect(lower.bar).toEqual({ time: T0, open: 10, high: 11.5, low: 8.5, close: 8.5, volume: 400 });
  });

  it('opens a new bar when a trade falls in a later interval', () => {
    const next = foldQuote(state(), quote({ last: 12, volume: 5050 }, T0 + 125));
    expect(next.bar).toEqual({ time: T0 + 120, open: 12, high: 12, low: 12, close: 12, volume: 50 });
  });

  it('uses the exchange time of the last trade when IB sends one', () => {
    const next = foldQuote(state(), quote({ last: 12, lastTradeAt: (T0 + 61) * 1000 }, T0 + 200));
    expect(next.bar?.time).toBe(T0 + 60);
  });

  it('charts the midpoint when there is no last price, and nothing without one', () => {
    expect(foldQuote(state(), quote({ bid: 10, ask: 12 }, T0 + 1)).bar?.close).toBe(11);
    const unchanged = state();
    expect(foldQuote(unchanged, quote({ bid: 10 }, T0 + 1))).toBe(unchanged);
  });

  it('starts from nothing, and never lowers volume when the day volume resets', () => {
    const first = foldQuote(state({ bar: null, dayVolume: null }), quote({ last: 5, volume: 700 }, T0 + 3));
    expect(first.bar).toEqual({ time: T0, open: 5, high: 5, low: 5, close: 5, volume: 0 });
    expect(foldQuote(first, quote({ last: 5, volume: 10 }, T0 + 4)).bar?.volume).toBe(0);
  });

  it('folds a late quote into the current bar instead of going back in time', () => {
    const next = foldQuote(state(), quote({ last: 10.7 }, T0 - 300));
    expect(next.bar?.time).toBe(T0);
    expect(next.bar?.close).toBe(10.7);
  });
});
