import { type Bar, type Quote } from './types';

/**
 * IBKR's real-time bars: one 5-second bar after another, built from the same live quote the market data
 * lines see. TRADES bars take their prices from trades and carry volume, WAP and trade count; MIDPOINT, BID
 * and ASK bars sample the quote and carry -1 for those three, as the simulator's historical quote bars do.
 * A window with nothing in it still closes, flat at the previous close, as the gateway keeps sending bars.
 */

export const REALTIME_BAR_SECONDS = 5;
export const REALTIME_WHAT_TO_SHOW = ['TRADES', 'MIDPOINT', 'BID', 'ASK'] as const;
export type RealtimeWhatToShow = (typeof REALTIME_WHAT_TO_SHOW)[number];
/** After a stall at most this many empty windows are caught up, not a flood of flat bars. */
const MAX_CATCH_UP_BARS = 12;

interface Forming {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  notional: number;
  count: number;
}

/** The mid point, without binary noise: (100.1 + 100.12) / 2 is 100.11, not 100.11000000000001. */
export function midPoint(quote: Readonly<Pick<Quote, 'bid' | 'ask'>>): number {
  return Math.round(((quote.bid + quote.ask) / 2) * 1e10) / 1e10;
}

export function realtimePrice(whatToShow: RealtimeWhatToShow, quote: Readonly<Quote>): number {
  if (whatToShow === 'TRADES') return quote.last;
  if (whatToShow === 'BID') return quote.bid;
  if (whatToShow === 'ASK') return quote.ask;
  return midPoint(quote);
}

const windowStart = (seconds: number) => Math.floor(seconds / REALTIME_BAR_SECONDS) * REALTIME_BAR_SECONDS;

export class RealtimeBarBuilder {
  private forming: Forming;

  constructor(
    private readonly whatToShow: RealtimeWhatToShow,
    quote: Readonly<Quote>,
    nowSeconds: number,
  ) {
    this.forming = this.open(windowStart(nowSeconds), realtimePrice(whatToShow, quote));
  }

  /**
   * The instrument moved at `nowSeconds`: `traded` when the move was a trade of `quote.lastSize` at
   * `quote.last`. Returns the bars that closed before it.
   */
  observe(quote: Readonly<Quote>, traded: boolean, nowSeconds: number): Bar[] {
    const closed = this.roll(nowSeconds);
    const trades = this.whatToShow === 'TRADES';
    if (trades && !traded) return closed;
    const price = realtimePrice(this.whatToShow, quote);
    const bar = this.forming;
    if (bar.count === 0 && trades) bar.open = bar.high = bar.low = price;
    bar.high = Math.max(bar.high, price);
    bar.low = Math.min(bar.low, price);
    bar.close = price;
    if (trades) {
      bar.volume += quote.lastSize;
      bar.notional += quote.lastSize * price;
      bar.count += 1;
    }
    return closed;
  }

  /** Closes every window that ended by `nowSeconds` and returns those bars, oldest first. */
  roll(nowSeconds: number): Bar[] {
    const closed: Bar[] = [];
    const current = windowStart(nowSeconds);
    while (this.forming.start < current) {
      closed.push(this.finish(this.forming));
      const next = Math.max(
        this.forming.start + REALTIME_BAR_SECONDS,
        current - MAX_CATCH_UP_BARS * REALTIME_BAR_SECONDS,
      );
      this.forming = this.open(next, this.forming.close);
    }
    return closed;
  }

  private open(start: number, price: number): Forming {
    return { start, open: price, high: price, low: price, close: price, volume: 0, notional: 0, count: 0 };
  }

  private finish(bar: Forming): Bar {
    const { start: time, open, high, low, close, volume, count } = bar;
    if (this.whatToShow !== 'TRADES') return { time, open, high, low, close, volume: -1, wap: -1, count: -1 };
    return { time, open, high, low, close, volume, wap: volume > 0 ? bar.notional / volume : close, count };
  }
}
