import { z } from 'zod';
import { request, type EventMap, type RequestMap, type SignalMap } from './define';
import { BarSchema, ChartRangeSchema, ListingSchema, QuoteBatchSchema, QuoteSchema } from '../market';

const ConId = z.number().int().positive();

/** Who holds a quote line from the renderer: the chart of the selected row, later the order ticket. */
export const MarketConsumerSchema = z.enum(['chart', 'ticket']);
export type MarketConsumer = z.infer<typeof MarketConsumerSchema>;

/** Why an instrument has no (or only partial) prices: line limit, no subscription, unknown contract… */
export const MarketProblemSchema = z.object({ conId: ConId, message: z.string() });
export type MarketProblem = z.infer<typeof MarketProblemSchema>;

export const MarketLinesSchema = z.object({
  /** Market data lines in use: one per instrument, however many consumers share it. */
  used: z.number().int().nonnegative(),
  max: z.number().int().positive(),
  problems: z.array(MarketProblemSchema),
});
export type MarketLines = z.infer<typeof MarketLinesSchema>;

export const WatchlistSchema = z.object({
  entries: z.array(ListingSchema),
  /** The latest quote of every entry that has one, so a window opened late starts filled in. */
  quotes: z.array(QuoteSchema),
  lines: MarketLinesSchema,
});
export type Watchlist = z.infer<typeof WatchlistSchema>;

export const HistorySchema = z.object({
  conId: ConId,
  range: ChartRangeSchema,
  /** Seconds per bar, so the chart knows when the live bar rolls over. */
  barSeconds: z.number().int().positive(),
  bars: z.array(BarSchema),
});
export type History = z.infer<typeof HistorySchema>;

export const LiveBarSchema = z.object({ conId: ConId, range: ChartRangeSchema, bar: BarSchema });
export type LiveBar = z.infer<typeof LiveBarSchema>;

/** Quotes, the watchlist and the chart's history. */
export const marketRequests = {
  'market.search': request(
    z.strictObject({ query: z.string().trim().min(1).max(32) }),
    z.array(ListingSchema),
    'Find listings matching a symbol or name (reqMatchingSymbols, then contract details for each listing).',
  ),
  'market.watchlist': request(z.void(), WatchlistSchema, 'The watchlist, its latest quotes and the lines in use.'),
  'market.addToWatchlist': request(
    z.strictObject({ listing: ListingSchema }),
    WatchlistSchema,
    'Add a listing to the end of the watchlist and start its quotes; refused when the market data lines are full.',
  ),
  'market.removeFromWatchlist': request(
    z.strictObject({ conId: ConId }),
    WatchlistSchema,
    'Remove a listing from the watchlist; its quote line closes when nothing else uses it.',
  ),
  'market.moveInWatchlist': request(
    z.strictObject({ conId: ConId, toIndex: z.number().int().nonnegative() }),
    WatchlistSchema,
    'Move a listing to another place in the watchlist (remembered between runs).',
  ),
  'market.seedWatchlist': request(
    z.strictObject({ conIds: z.array(ConId).max(500) }),
    WatchlistSchema,
    'On first use only, start an empty watchlist with these held instruments (looked up by contract id); ' +
      'afterwards the watchlist is left as the person keeps it.',
  ),
  'market.history': request(
    z.strictObject({ conId: ConId, range: ChartRangeSchema }),
    HistorySchema,
    "Historical bars for the chart, within IBKR's pacing limits; the last bar then follows the ticks.",
  ),
  'market.subscribe': request(
    z.strictObject({ conId: ConId, consumer: MarketConsumerSchema }),
    QuoteSchema.nullable(),
    "Hold a quote line for a consumer (shared with the watchlist's); answers the latest quote, if any.",
  ),
  'market.unsubscribe': request(
    z.strictObject({ conId: ConId, consumer: MarketConsumerSchema }),
    z.void(),
    "Let go of a consumer's quote line; it closes when nothing else uses it.",
  ),
} as const satisfies RequestMap;

export const marketSignals = {
  /**
   * The renderer has applied quote batch `seq`; the next one may be sent (backpressure). A signal, not a
   * request: it goes with every batch, and an answer would double the frames on the hot path for nothing.
   */
  'market.ack': z.strictObject({ seq: z.number().int().nonnegative() }),
} as const satisfies SignalMap;

export const marketEvents = {
  /** The latest state of every instrument that changed, at most one batch per frame-sized window. */
  'market.quotes': QuoteBatchSchema,
  /** The chart's last bar, updated from ticks. */
  'market.bar': LiveBarSchema,
  /** Lines in use and instruments with a market data problem. */
  'market.lines': MarketLinesSchema,
} as const satisfies EventMap;
