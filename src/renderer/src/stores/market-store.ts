import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { MarketLines, Watchlist } from '../../../shared/api/market';
import type { Listing, Quote, QuoteBatch } from '../../../shared/market';
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

/** One store update per batch: the quotes are merged into a new map so selectors see the change. */
export function applyBatch(batch: QuoteBatch): void {
  applyQuotes(batch.quotes);
}

/** Quotes from a batch, or from an answer that starts a grid's rows filled in (the option chain's). */
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
 * Subscribes before asking, like the session feed. The acknowledgement goes once the batch is in the store
 * and the grid: a page too busy to handle a batch cannot acknowledge it, so the services fold further ticks
 * instead of queueing batches. (Waiting for the next frame as well would cost up to a frame per batch.)
 */
export function startMarketFeed(api: GatehouseApi): () => void {
  const stops = [
    api.on('market.quotes', (batch) => {
      applyBatch(batch);
      api.market.ack({ seq: batch.seq });
    }),
    api.on('market.lines', (lines) => useMarketStore.setState({ lines })),
  ];
  void report(api.market.watchlist()).then((watchlist) => watchlist && applyWatchlist(watchlist));
  return () => {
    for (const stop of stops) stop();
  };
}
