import { z } from 'zod';
import { CHART_RANGE_NAMES, type ChartRange } from './enums';

/** How fresh a quote is, as IBKR labels it; anything but 'live' is not a price to trade blindly on. */
export const MarketDataTypeSchema = z.enum(['live', 'frozen', 'delayed', 'delayed-frozen']);
export type MarketDataType = z.infer<typeof MarketDataTypeSchema>;

/** IB's numbering (reqMarketDataType and the marketDataType message): 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
export const IB_MARKET_DATA_TYPE = {
  live: 1,
  frozen: 2,
  delayed: 3,
  'delayed-frozen': 4,
} as const satisfies Record<MarketDataType, number>;

/** The type IB means by `code`, or null for a number IB does not define (so a caller never guesses 'live'). */
export function marketDataTypeFromIb(code: number): MarketDataType | null {
  return MarketDataTypeSchema.options.find((type) => IB_MARKET_DATA_TYPE[type] === code) ?? null;
}

/** null means the gateway has not sent this value (or has said it has none right now). */
const Value = z.number().nullable();

/** An option line's model figures (IB's tickOptionComputation, model side) and its open interest and volume. */
export const OptionFiguresSchema = z.object({
  /** Implied volatility, annual, as a fraction: 0.25 is 25 %. */
  iv: Value,
  /** Per contract share: × multiplier × contracts gives the position's delta in shares. */
  delta: Value,
  gamma: Value,
  vega: Value,
  /** Per share per calendar day. */
  theta: Value,
  /** The underlying's price the figures were computed at. */
  underlyingPrice: Value,
  /** Generic tick 101: the contract's open interest (tick 27 for a call, 28 for a put). */
  openInterest: Value,
  /** Generic tick 100: the contract's volume today (tick 29 for a call, 30 for a put). */
  optionVolume: Value,
});
export type OptionFigures = z.infer<typeof OptionFiguresSchema>;

export const QuoteSchema = z.object({
  conId: z.number().int(),
  symbol: z.string(),
  bid: Value,
  ask: Value,
  last: Value,
  bidSize: Value,
  askSize: Value,
  lastSize: Value,
  volume: Value,
  open: Value,
  high: Value,
  low: Value,
  /** The previous session's close: the base of change and changePct. */
  close: Value,
  /** last − close. */
  change: Value,
  /** change as a percentage of close: 1.5 means +1.5 %. */
  changePct: Value,
  /** IB's shortability indicator (tick 46): above 2.5 easy to borrow, above 1.5 hard to borrow, else not shortable. */
  shortable: Value,
  /** Shares available to borrow (tick 89, requested with generic tick 236). */
  shortableShares: Value,
  /** Epoch ms of the last trade as the exchange reported it (ticks 45 / 88). */
  lastTradeAt: Value,
  marketDataType: MarketDataTypeSchema,
  /** Epoch ms when Gatehouse last received a tick for this instrument: what staleness is measured from. */
  updatedAt: z.number(),
  /** Only on an option's quote. */
  option: OptionFiguresSchema.optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const QuoteBatchSchema = z.object({
  /** The latest state of every instrument that changed since the previous batch, at most one per conId. */
  quotes: z.array(QuoteSchema).refine((quotes) => new Set(quotes.map((q) => q.conId)).size === quotes.length, {
    message: 'a batch holds at most one quote per conId',
  }),
  /** Increases by one per batch, so a consumer can tell batches apart and notice a restart. */
  seq: z.number().int().nonnegative(),
  /** Batch windows that passed while the consumer was still busy, merged into this one; absent when none. */
  dropped: z.number().int().positive().optional(),
});
export type QuoteBatch = z.infer<typeof QuoteBatchSchema>;

export const BarSchema = z.object({
  /** Epoch seconds of the bar's start. */
  time: z.number(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
});
export type Bar = z.infer<typeof BarSchema>;

export const ChartRangeSchema = z.enum(CHART_RANGE_NAMES);

/** What IB's reqHistoricalData is asked for each range: bar sizes chosen to give a few hundred bars. */
export const CHART_RANGES = {
  '1D': { durationStr: '1 D', barSizeSetting: '1 min', barSeconds: 60 },
  '5D': { durationStr: '5 D', barSizeSetting: '5 mins', barSeconds: 300 },
  '1M': { durationStr: '1 M', barSizeSetting: '1 hour', barSeconds: 3600 },
  '6M': { durationStr: '6 M', barSizeSetting: '1 day', barSeconds: 86_400 },
  '1Y': { durationStr: '1 Y', barSizeSetting: '1 day', barSeconds: 86_400 },
} as const satisfies Record<ChartRange, { durationStr: string; barSizeSetting: string; barSeconds: number }>;

/** Security types a watchlist line can hold; what IB's contract search offers for quoting. */
export const SecTypeSchema = z.enum([
  'STK',
  'ETF',
  'OPT',
  'FUT',
  'CASH',
  'IND',
  'CFD',
  'BOND',
  'FUND',
  'WAR',
  'CRYPTO',
]);

/** One listing of an instrument, as chosen from the contract search: enough to ask IB for its data. */
export const ListingSchema = z.strictObject({
  conId: z.number().int().positive(),
  symbol: z.string().min(1).max(32),
  secType: SecTypeSchema,
  /** Where orders and quotes are routed: SMART for most stocks. */
  exchange: z.string().min(1).max(32),
  /** The home market, which tells two listings of one symbol apart (e.g. NASDAQ vs IBIS). */
  primaryExchange: z.string().max(32),
  currency: z.string().length(3),
  /** IB's long name or local symbol, shown to pick the right listing. */
  description: z.string().max(120),
});
export type Listing = z.infer<typeof ListingSchema>;
