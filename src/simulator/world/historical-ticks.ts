import { type Bar } from './types';

/**
 * Historical ticks, one a second, read off the simulator's 1-second historical bars: each tick is its
 * second's close, so the newest tick is the live price and the ticks agree with the bars the simulator
 * serves for the same seconds. Sizes are the second's average trade size.
 */

/** IBKR returns at most this many ticks per request. */
export const MAX_HISTORICAL_TICKS = 1000;

export type HistoricalTickKind = 'TRADES' | 'BID_ASK' | 'MIDPOINT';

/** time in epoch seconds; bid, ask and their sizes matter on BID_ASK ticks, price and size on the others. */
export type HistoricalTick = Record<'time' | 'price' | 'size' | 'bid' | 'ask' | 'bidSize' | 'askSize', number>;

/** The seconds [from, to) a request covers: `count` seconds from its start, or up to its end; never past now. */
export function tickWindow(
  start: number | null,
  end: number | null,
  count: number,
  nowSeconds: number,
): { from: number; to: number } {
  const ticks = Math.min(count, MAX_HISTORICAL_TICKS);
  if (start !== null) {
    const to = Math.min(start + ticks, nowSeconds);
    return { from: Math.min(start, to), to };
  }
  const to = Math.min(end ?? nowSeconds, nowSeconds);
  return { from: to - ticks, to };
}

/** 1-second bars of the same seconds, oldest first; BID_ASK needs bid and ask, the others their own series. */
export interface TickSeries {
  trades: readonly Bar[];
  bid?: readonly Bar[];
  ask?: readonly Bar[];
  mid?: readonly Bar[];
}

const averageSize = (bar: Bar | undefined) => (bar && bar.count > 0 ? Math.round(bar.volume / bar.count) : 0);

export function historicalTicks(kind: HistoricalTickKind, series: TickSeries): HistoricalTick[] {
  return series.trades.map((trade, index) => {
    const bid = series.bid?.[index]?.close ?? 0;
    const ask = series.ask?.[index]?.close ?? 0;
    const size = averageSize(trade);
    return {
      time: trade.time,
      price: kind === 'MIDPOINT' ? (series.mid?.[index]?.close ?? 0) : trade.close,
      size: kind === 'MIDPOINT' ? 0 : size,
      bid,
      ask,
      bidSize: size,
      askSize: size,
    };
  });
}
