import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { MarketLines, Watchlist } from '../../../shared/api/market';
import type { Listing, Quote } from '../../../shared/market';
import { FrameBatches } from './frame-batches';
import { report } from './notice-store';

interface MarketSlice {
  entries: Listing[];
  /** The latest quote per conId: the watchlist's and the chart's. */
  quotes: ReadonlyMap<number, Quote>;
  lines: MarketLines | null;
  /** The watchlist row the chart shows. */
  selected: number | null;
}

export const useMarketStore = create<MarketSlice>(() => ({
  entries: [],
  quotes: new Map(),
  lines: null,
  selected: null,
}));

type BatchListener = (quotes: readonly Quote[]) => void;
const batchListeners = new Set<BatchListener>();

/**
 * Each batch's quotes, after the store has them: the grid applies them as one transaction instead of
 * re-rendering from the store, which is what keeps thousands of ticks a second smooth.
 */
export function onQuoteBatch(listener: BatchListener): () => void {
  batchListeners.add(listener);
  return () => batchListeners.delete(listener);
}

/**
 * Quotes from the feed, or from an answer that starts a grid's rows filled in (the option chain's): one
 * store update, merged into a new map so selectors see the change.
 */
export function applyQuotes(batchQuotes: readonly Quote[]): void {
  const quotes = new Map(useMarketStore.getState().quotes);
  for (const quote of batchQuotes) quotes.set(quote.conId, quote);
  useMarketStore.setState({ quotes });
  for (const listener of batchListeners) listener(batchQuotes);
}

export function applyWatchlist(watchlist: Watchlist): void {
  const quotes = new Map(useMarketStore.getState().quotes);
  for (const quote of watchlist.quotes) quotes.set(quote.conId, quote);
  const { selected } = useMarketStore.getState();
  const stillThere = watchlist.entries.some((entry) => entry.conId === selected);
  useMarketStore.setState({
    entries: watchlist.entries,
    quotes,
    lines: watchlist.lines,
    selected: stillThere ? selected : (watchlist.entries[0]?.conId ?? null),
  });
}

export function selectInstrument(conId: number | null): void {
  useMarketStore.setState({ selected: conId });
}

/** Applies the result of a watchlist edit; a refusal becomes a notice. Resolves true when it went through. */
export async function editWatchlist(call: Promise<Awaited<ReturnType<GatehouseApi['market']['watchlist']>>>) {
  const watchlist = await report(call);
  if (watchlist) applyWatchlist(watchlist);
  return watchlist !== null;
}

/**
 * Subscribes before asking, like the session feed. Batches are applied at most once a frame: those that
 * arrive between two frames become one store update and one grid transaction. Each is acknowledged once it
 * is in the store and the grid: a page too busy to paint cannot acknowledge, so the services fold further
 * ticks instead of queueing batches.
 */
export function startMarketFeed(api: GatehouseApi): () => void {
  // A hidden page paints no frames: its batches go in a task later, so the store stays current and the
  // acknowledgements keep going (its grids hold their rows until seen).
  const frames = new FrameBatches(
    (callback) => (document.hidden ? setTimeout(callback, 0) : requestAnimationFrame(callback)),
    ({ quotes, seqs }) => {
      applyQuotes(quotes);
      for (const seq of seqs) void api.market.ack({ seq });
    },
  );
  const hidden = () => document.hidden && frames.flush();
  document.addEventListener('visibilitychange', hidden);
  const stops = [
    () => document.removeEventListener('visibilitychange', hidden),
    api.on('market.quotes', (batch) => frames.add(batch)),
    api.on('market.lines', (lines) => useMarketStore.setState({ lines })),
  ];
  void report(api.market.watchlist()).then((watchlist) => watchlist && applyWatchlist(watchlist));
  return () => {
    for (const stop of stops) stop();
  };
}
