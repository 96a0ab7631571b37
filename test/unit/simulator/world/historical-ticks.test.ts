import { describe, expect, it } from 'vitest';
import { type Bar } from '../../../../src/simulator/world';
import { historicalTicks, tickWindow } from '../../../../src/simulator/world/historical-ticks';

const NOW = 1_749_567_600;
const bar = (time: number, close: number, volume = 600, count = 3): Bar => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume,
  wap: close,
  count,
});

describe('historical tick windows', () => {
  it('ends at the end time (or now), one second per tick, at most 1000', () => {
    expect(tickWindow(null, NOW - 100, 50, NOW)).toEqual({ from: NOW - 150, to: NOW - 100 });
    expect(tickWindow(null, NOW + 100, 50, NOW)).toEqual({ from: NOW - 50, to: NOW });
    expect(tickWindow(null, NOW, 5_000, NOW)).toEqual({ from: NOW - 1000, to: NOW });
  });

  it('starts at the start time and stops at now; a future start is empty', () => {
    expect(tickWindow(NOW - 100, null, 50, NOW)).toEqual({ from: NOW - 100, to: NOW - 50 });
    expect(tickWindow(NOW - 30, null, 50, NOW)).toEqual({ from: NOW - 30, to: NOW });
    const future = tickWindow(NOW + 30, null, 50, NOW);
    expect(future.to - future.from).toBe(0);
  });
});

describe('historical ticks from 1-second bars', () => {
  const trades = [bar(NOW - 2, 100.1), bar(NOW - 1, 100.2, 900, 3)];
  it('are the seconds’ closes with the average trade size', () => {
    expect(historicalTicks('TRADES', { trades }).map(({ time, price, size }) => [time, price, size])).toEqual([
      [NOW - 2, 100.1, 200],
      [NOW - 1, 100.2, 300],
    ]);
  });

  it('pair the bid and ask series for BID_ASK and take the mid series for MIDPOINT, with size 0', () => {
    const bid = [bar(NOW - 2, 100.05), bar(NOW - 1, 100.15)];
    const ask = [bar(NOW - 2, 100.15), bar(NOW - 1, 100.25)];
    const mid = [bar(NOW - 2, 100.1), bar(NOW - 1, 100.2)];
    expect(historicalTicks('BID_ASK', { trades, bid, ask })[1]).toMatchObject({
      bid: 100.15,
      ask: 100.25,
      bidSize: 300,
      askSize: 300,
    });
    expect(historicalTicks('MIDPOINT', { trades, mid })[0]).toMatchObject({ time: NOW - 2, price: 100.1, size: 0 });
  });
});
