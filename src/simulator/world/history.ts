import { firstBarTime } from './head-timestamp';
import { type Listing } from './instruments';
import { mixSeed, mulberry32, randomInt, roughNormal } from './random';
import { roundToTick } from './ticks';
import { type Bar, type HistoricalWhatToShow } from './types';

const SECONDS_PER_DAY = 86_400;
/** Beyond this a request is refused, as IBKR refuses an oversized duration for a bar size. */
export const MAX_BARS = 100_000;
/** IBKR's error 162 text for such a request. */
export const TOO_MANY_BARS = 'Historical Market Data Service error message:Time length exceed max.';

export interface BarRequest {
  /** Epoch seconds, exclusive: the last bar is the one running up to it (ending at it, on a bar boundary). */
  endTime: number;
  durationSeconds: number;
  barSizeSeconds: number;
  whatToShow: HistoricalWhatToShow;
}

/**
 * Bars walked backwards from `anchor` (the instrument's current last, mid, bid or ask), so the newest close
 * is exactly the live price. Each bar's move comes from its own seed (world, conId, bar size, bar time): the
 * same request gives the same bars, overlapping requests agree bar for bar, and TRADES, MIDPOINT, BID and
 * ASK move in parallel. Bars run round the clock: weekends and sessions are not modelled. Nothing older than the
 * instrument's first bar (head-timestamp.ts) is served.
 */
export function historicalBars(seed: number, listing: Listing, anchor: number, request: BarRequest): Bar[] {
  const { endTime, durationSeconds, barSizeSeconds: size, whatToShow } = request;
  if (!(size > 0) || !(durationSeconds > 0)) throw new RangeError('Bar size and duration must be positive');
  const count = Math.ceil(durationSeconds / size);
  if (count > MAX_BARS) throw new RangeError(TOO_MANY_BARS);
  const { instrument, dailyVol, lot } = listing;
  // Midpoints sit on half ticks; everything else on whole ones.
  const tick = whatToShow === 'MIDPOINT' ? instrument.minTick / 2 : instrument.minTick;
  const sigma = dailyVol * Math.sqrt(size / SECONDS_PER_DAY);
  const lastStart = Math.ceil(endTime / size) * size - size;
  const trades = whatToShow === 'TRADES';
  const bars: Bar[] = new Array<Bar>(count);
  let close = anchor;
  for (let index = count - 1; index >= 0; index -= 1) {
    const time = lastStart - (count - 1 - index) * size;
    const random = mulberry32(mixSeed(seed, instrument.conId, size, time));
    const open = Math.max(tick, roundToTick(close * Math.exp(-roughNormal(random) * sigma), tick));
    const high = roundToTick(Math.max(open, close) * (1 + Math.abs(roughNormal(random)) * sigma * 0.5), tick);
    const low = Math.max(
      tick,
      roundToTick(Math.min(open, close) * (1 - Math.abs(roughNormal(random)) * sigma * 0.5), tick),
    );
    const tradeCount = randomInt(random, 5, 50) * Math.max(1, Math.round(size / 60));
    bars[index] = {
      time,
      open,
      high,
      low,
      close,
      // IBKR reports -1 for volume, WAP and count on quote-based bars.
      volume: trades ? tradeCount * lot * randomInt(random, 1, 5) : -1,
      wap: trades ? roundToTick((high + low + close) / 3, tick) : -1,
      count: trades ? tradeCount : -1,
    };
    close = open;
  }
  // Walked from the live price back, then cut where the instrument's history begins.
  const first = firstBarTime(instrument);
  return bars.filter((bar) => bar.time >= first);
}
