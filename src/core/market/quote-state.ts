import type { MarketDataType, Quote } from '../../shared/market';
import { applyOptionTick, blankOptionFigures } from './option-figures';

/** The ids of IB's TickType that a quote keeps, under IB's names. */
export const TICK = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  HIGH: 6,
  LOW: 7,
  VOLUME: 8,
  CLOSE: 9,
  OPEN: 14,
  LAST_TIMESTAMP: 45,
  SHORTABLE: 46,
  DELAYED_BID: 66,
  DELAYED_ASK: 67,
  DELAYED_LAST: 68,
  DELAYED_BID_SIZE: 69,
  DELAYED_ASK_SIZE: 70,
  DELAYED_LAST_SIZE: 71,
  DELAYED_HIGH: 72,
  DELAYED_LOW: 73,
  DELAYED_VOLUME: 74,
  DELAYED_CLOSE: 75,
  DELAYED_OPEN: 76,
  DELAYED_LAST_TIMESTAMP: 88,
  SHORTABLE_SHARES: 89,
} as const;

/** One tick as IB delivers it: tickPrice, tickSize, or a numeric tickGeneric / tickString. */
export interface IbTick {
  tickType: number;
  value: number;
  /** Epoch ms when Gatehouse received it. */
  receivedAt: number;
}

type QuoteValueField = Exclude<
  keyof Quote,
  'conId' | 'symbol' | 'marketDataType' | 'updatedAt' | 'change' | 'changePct' | 'option'
>;

/**
 * How IB encodes "nothing" differs by kind: a price of -1 means there is none right now (no bid after the
 * close), a negative size cannot be real, a timestamp arrives in seconds.
 */
type Kind = 'price' | 'count' | 'indicator' | 'time';

interface Target {
  field: QuoteValueField;
  kind: Kind;
  /** Only sent when the data is delayed, whatever the quote was labelled before. */
  delayed: boolean;
}

const TARGETS = new Map<number, Target>();
function keep(field: QuoteValueField, kind: Kind, live: number, delayed?: number): void {
  TARGETS.set(live, { field, kind, delayed: false });
  if (delayed !== undefined) TARGETS.set(delayed, { field, kind, delayed: true });
}
keep('bid', 'price', TICK.BID, TICK.DELAYED_BID);
keep('ask', 'price', TICK.ASK, TICK.DELAYED_ASK);
keep('last', 'price', TICK.LAST, TICK.DELAYED_LAST);
keep('high', 'price', TICK.HIGH, TICK.DELAYED_HIGH);
keep('low', 'price', TICK.LOW, TICK.DELAYED_LOW);
keep('close', 'price', TICK.CLOSE, TICK.DELAYED_CLOSE);
keep('open', 'price', TICK.OPEN, TICK.DELAYED_OPEN);
keep('bidSize', 'count', TICK.BID_SIZE, TICK.DELAYED_BID_SIZE);
keep('askSize', 'count', TICK.ASK_SIZE, TICK.DELAYED_ASK_SIZE);
keep('lastSize', 'count', TICK.LAST_SIZE, TICK.DELAYED_LAST_SIZE);
keep('volume', 'count', TICK.VOLUME, TICK.DELAYED_VOLUME);
keep('lastTradeAt', 'time', TICK.LAST_TIMESTAMP, TICK.DELAYED_LAST_TIMESTAMP);
keep('shortable', 'indicator', TICK.SHORTABLE);
keep('shortableShares', 'count', TICK.SHORTABLE_SHARES);

/** IB's "unset" sentinels (Java's Double, Integer and Long MAX_VALUE): the field was not filled in at all. */
const UNSET = new Set([Number.MAX_VALUE, 2 ** 31 - 1, 2 ** 63]);

/** The field's new value; null when IB says there is none now; undefined when the tick carries nothing. */
function read(kind: Kind, value: number): number | null | undefined {
  if (!Number.isFinite(value) || UNSET.has(value)) return undefined;
  switch (kind) {
    case 'price':
      return value === -1 ? null : value;
    case 'count':
      return value < 0 ? null : value;
    case 'indicator':
      return value;
    case 'time':
      return value > 0 ? value * 1000 : undefined;
  }
}

/** Delayed ticks on a quote labelled live mean the label is wrong; err on the side the order rules distrust. */
function asDelayed(type: MarketDataType): MarketDataType {
  if (type === 'live') return 'delayed';
  if (type === 'frozen') return 'delayed-frozen';
  return type;
}

/** An option's quote also keeps its greeks, open interest and volume (see option-figures). */
export function initialQuote(
  conId: number,
  symbol: string,
  marketDataType: MarketDataType,
  at: number,
  isOption = false,
): Quote {
  const quote: Quote = {
    conId,
    symbol,
    bid: null,
    ask: null,
    last: null,
    bidSize: null,
    askSize: null,
    lastSize: null,
    volume: null,
    open: null,
    high: null,
    low: null,
    close: null,
    change: null,
    changePct: null,
    shortable: null,
    shortableShares: null,
    lastTradeAt: null,
    marketDataType,
    updatedAt: at,
  };
  if (isOption) quote.option = blankOptionFigures();
  return quote;
}

/**
 * The quote after one tick. Returns the same object when the tick carries nothing the quote keeps, so a
 * caller can skip marking it changed. A repeated value still refreshes updatedAt: it proves the feed is alive.
 * `inPlace` writes a stock tick into `quote` itself, for a caller whose copy nobody else holds yet (the
 * coalescer's quote between two batches): a copy of every field per tick is the services' largest cost at
 * saturation. Option ticks are always copied.
 */
export function applyTick(quote: Quote, tick: IbTick, inPlace = false): Quote {
  const target = TARGETS.get(tick.tickType);
  if (target === undefined) return applyOptionTick(quote, tick.tickType, tick.value, tick.receivedAt);
  const value = read(target.kind, tick.value);
  if (value === undefined) return quote;
  // Copy, then assign to existing keys: the copy keeps the quote's shape, which keeps the hot path fast.
  const next: Quote = inPlace ? quote : { ...quote };
  next[target.field] = value;
  next.updatedAt = tick.receivedAt;
  if (target.delayed) next.marketDataType = asDelayed(next.marketDataType);
  if (target.field === 'last' || target.field === 'close') {
    next.change = next.last !== null && next.close !== null ? next.last - next.close : null;
    next.changePct = next.change !== null && next.close ? (next.change / next.close) * 100 : null;
  }
  return next;
}

/** The quote relabelled after IB's marketDataType message; not a tick, so updatedAt stays. */
export function withMarketDataType(quote: Quote, marketDataType: MarketDataType): Quote {
  return quote.marketDataType === marketDataType ? quote : { ...quote, marketDataType };
}
