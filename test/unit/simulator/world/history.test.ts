import { describe, expect, it } from 'vitest';
import { TOO_MANY_BARS } from '../../../../src/simulator/world';
import { type HistoricalWhatToShow } from '../../../../src/simulator/world/types';
import { AAPL, conIdOf, EUR_USD, makeWorld, onTick } from './fixtures';

const END = 1_749_567_600; // 2025-06-10 15:00 UTC
const hourOfFiveMinutes = (whatToShow: HistoricalWhatToShow = 'TRADES', durationSeconds = 3_600) => ({
  endTime: END,
  durationSeconds,
  barSizeSeconds: 300,
  whatToShow,
});

describe('historical bars', () => {
  it('end at the live price: last for TRADES, the midpoint for MIDPOINT, the touch for BID and ASK', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    world.step(3_000);
    const quote = world.quote(aapl);
    const lastClose = (whatToShow: HistoricalWhatToShow) =>
      world.historicalBars(aapl, hourOfFiveMinutes(whatToShow)).at(-1)?.close;
    expect(lastClose('TRADES')).toBe(quote.last);
    expect(lastClose('MIDPOINT')).toBe((quote.bid + quote.ask) / 2);
    expect(lastClose('BID')).toBe(quote.bid);
    expect(lastClose('ASK')).toBe(quote.ask);
  });

  it('follow the walk: after more ticks the newest close is the new last', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const before = world.historicalBars(aapl, hourOfFiveMinutes());
    stepUntilMoved(world, aapl);
    const after = world.historicalBars(aapl, hourOfFiveMinutes());
    expect(after.at(-1)?.close).toBe(world.quote(aapl).last);
    expect(after.at(-1)?.close).not.toBe(before.at(-1)?.close);
  });

  it('are the same for the same request and the same seed, and differ for another seed', () => {
    const a = makeWorld(5);
    const b = makeWorld(5);
    const aapl = conIdOf(a, AAPL);
    const request = hourOfFiveMinutes('TRADES', 86_400);
    expect(a.historicalBars(aapl, request)).toEqual(a.historicalBars(aapl, request));
    expect(b.historicalBars(aapl, request)).toEqual(a.historicalBars(aapl, request));
    const other = makeWorld(6).historicalBars(aapl, request);
    expect(other.map((bar) => bar.open)).not.toEqual(a.historicalBars(aapl, request).map((bar) => bar.open));
  });

  it('agree bar for bar where two requests overlap', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const hour = world.historicalBars(aapl, hourOfFiveMinutes('TRADES', 3_600));
    const day = world.historicalBars(aapl, hourOfFiveMinutes('TRADES', 86_400));
    expect(day.slice(-hour.length)).toEqual(hour);
  });

  it('are evenly spaced, chained open-to-close, the last running up to the end time', () => {
    const world = makeWorld();
    const bars = world.historicalBars(conIdOf(world, AAPL), hourOfFiveMinutes('TRADES', 3_600));
    expect(bars).toHaveLength(12);
    expect(bars.at(-1)?.time).toBe(END - 300);
    const offBoundary = world.historicalBars(conIdOf(world, AAPL), { ...hourOfFiveMinutes(), endTime: END + 10 });
    expect(offBoundary.at(-1)?.time).toBe(END);
    bars.slice(1).forEach((bar, index) => {
      const previous = bars[index];
      expect(bar.time - (previous?.time ?? NaN)).toBe(300);
      expect(bar.open).toBe(previous?.close);
    });
  });

  it('keep high and low around open and close, on the tick (half tick for midpoints)', () => {
    const world = makeWorld();
    const eurusd = conIdOf(world, EUR_USD);
    for (const [whatToShow, tick] of [
      ['TRADES', 0.00005],
      ['MIDPOINT', 0.000025],
    ] as const) {
      for (const bar of world.historicalBars(eurusd, hourOfFiveMinutes(whatToShow, 86_400))) {
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
        expect(bar.low).toBeGreaterThan(0);
        for (const price of [bar.open, bar.high, bar.low, bar.close]) expect(onTick(price, tick)).toBe(true);
      }
    }
  });

  it('carry volume, WAP and count on TRADES only, as IBKR does', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    for (const bar of world.historicalBars(aapl, hourOfFiveMinutes('TRADES'))) {
      expect(bar.volume).toBeGreaterThan(0);
      expect(bar.wap).toBeGreaterThanOrEqual(bar.low);
      expect(bar.wap).toBeLessThanOrEqual(bar.high);
    }
    for (const bar of world.historicalBars(aapl, hourOfFiveMinutes('MIDPOINT'))) {
      expect([bar.volume, bar.wap, bar.count]).toEqual([-1, -1, -1]);
    }
  });

  it('refuse an absurd request with IBKR’s error-162 text, and an unknown conId', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    expect(() =>
      world.historicalBars(aapl, {
        endTime: END,
        durationSeconds: 365 * 86_400,
        barSizeSeconds: 1,
        whatToShow: 'TRADES',
      }),
    ).toThrow(TOO_MANY_BARS);
    expect(() => world.historicalBars(42, hourOfFiveMinutes())).toThrow();
  });
});

function stepUntilMoved(world: ReturnType<typeof makeWorld>, conId: number): void {
  const start = world.quote(conId).last;
  for (let i = 0; i < 100_000 && world.quote(conId).last === start; i += 1) world.step(1);
}
