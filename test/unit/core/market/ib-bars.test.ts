import { describe, expect, it } from 'vitest';
import { barTime, toBars } from '../../../../src/core/market/ib-bars';

describe("IB's bar times", () => {
  it('reads epoch seconds, daily dates and dated times (as UTC)', () => {
    expect(barTime('1700000040')).toBe(1_700_000_040);
    expect(barTime('20250103')).toBe(Date.UTC(2025, 0, 3) / 1000);
    expect(barTime('20250103 14:30:00')).toBe(Date.UTC(2025, 0, 3, 14, 30) / 1000);
    expect(barTime('20250103  14:30:00 US/Eastern')).toBe(Date.UTC(2025, 0, 3, 14, 30) / 1000);
  });

  it('refuses what it cannot read', () => {
    for (const text of ['', 'finished', '2025-01-03', '1234']) expect(barTime(text)).toBeNull();
  });
});

describe('toBars', () => {
  it('keeps complete bars in time order, one per time, with no negative volume', () => {
    const bars = toBars([
      { time: '1700000100', open: 2, high: 3, low: 1, close: 2.5, volume: 10 },
      { time: '1700000040', open: 1, high: 2, low: 0.5, close: 1.5, volume: -1 },
      { time: 'finished-20250101', open: 1, high: 1, low: 1, close: 1 },
      { time: '1700000160', open: 2 },
      { time: '1700000100', open: 2, high: 4, low: 1, close: 3, volume: 12 },
    ]);
    expect(bars).toEqual([
      { time: 1_700_000_040, open: 1, high: 2, low: 0.5, close: 1.5, volume: 0 },
      { time: 1_700_000_100, open: 2, high: 4, low: 1, close: 3, volume: 12 },
    ]);
  });
});
