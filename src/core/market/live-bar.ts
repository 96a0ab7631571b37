import type { Bar, Quote } from '../../shared/market';

/** The chart's last bar and what it needs to go on folding ticks into it. */
export interface LiveBarState {
  bar: Bar | null;
  barSeconds: number;
  /** The day's cumulative volume when last seen: a bar's volume is the growth since. */
  dayVolume: number | null;
}

/**
 * The last bar after a quote update: the trade price moves close, high and low; the growth of the day's
 * volume adds to the bar; a trade in a later interval opens a new bar. Without a last price (FX quotes
 * trade no "last") the midpoint stands in, as the chart's history for such instruments is midpoints too.
 * Returns the same state when the quote carries no price.
 */
export function foldQuote(state: LiveBarState, quote: Quote): LiveBarState {
  const price = quote.last ?? (quote.bid !== null && quote.ask !== null ? (quote.bid + quote.ask) / 2 : null);
  if (price === null) return state;
  const at = Math.floor((quote.lastTradeAt ?? quote.updatedAt) / 1000);
  const start = Math.floor(at / state.barSeconds) * state.barSeconds;
  const added = quote.volume !== null && state.dayVolume !== null ? Math.max(0, quote.volume - state.dayVolume) : 0;
  const dayVolume = quote.volume ?? state.dayVolume;
  const current = state.bar;
  // A quote older than the last bar (a clock step, a late delayed tick) updates it rather than going back.
  if (current === null || start > current.time) {
    return {
      ...state,
      dayVolume,
      bar: { time: start, open: price, high: price, low: price, close: price, volume: added },
    };
  }
  const bar: Bar = {
    time: current.time,
    open: current.open,
    high: Math.max(current.high, price),
    low: Math.min(current.low, price),
    close: price,
    volume: current.volume + added,
  };
  return { ...state, dayVolume, bar };
}
