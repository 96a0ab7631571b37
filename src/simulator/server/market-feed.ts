import { type Instrument, type Quote } from '../world';
import { type ServerMessage, type TickAttribs } from '../wire/messages';
import { type MarketSubscription } from './subscriptions';

/** Quote fields as TWS tick messages: which tick type carries each field, live and delayed. */

const LIVE = {
  bid: 1,
  ask: 2,
  last: 4,
  bidSize: 0,
  askSize: 3,
  lastSize: 5,
  high: 6,
  low: 7,
  volume: 8,
  close: 9,
  open: 14,
};
const DELAYED = {
  bid: 66,
  ask: 67,
  last: 68,
  bidSize: 69,
  askSize: 70,
  lastSize: 71,
  high: 72,
  low: 73,
  volume: 74,
  close: 75,
  open: 76,
};
export const TICK_SHORTABLE = 46;
export const TICK_SHORTABLE_SHARES = 89;

const NO_ATTRIBS: TickAttribs = { canAutoExecute: false, pastLimit: false, preOpen: false };
const BID_ATTRIBS: TickAttribs = { canAutoExecute: true, pastLimit: false, preOpen: false };

/** Prices whose size rides in the same tickPrice message, as the gateway sends them. */
const PAIRED = { bid: 'bidSize', ask: 'askSize', last: 'lastSize' } as const;
const PRICE_ONLY = ['high', 'low', 'close', 'open'] as const;

/** FX has no trades: IDEALPRO quotes carry no last, last size or volume. */
function fieldApplies(instrument: Instrument, field: keyof Quote): boolean {
  return instrument.secType !== 'CASH' || !['last', 'lastSize', 'volume'].includes(field);
}

/**
 * The messages for a quote change. `fields` holds what changed; `quote` is the whole current quote (a size
 * travels with its price). Every field when `fields` is the whole quote: the first answer to reqMktData.
 */
export function quoteMessages(
  subscription: MarketSubscription,
  instrument: Instrument,
  fields: Partial<Quote>,
  quote: Quote,
): ServerMessage[] {
  const types = subscription.marketDataType >= 3 ? DELAYED : LIVE;
  const { reqId } = subscription;
  const messages: ServerMessage[] = [];
  const pricedSizes = new Set<keyof Quote>();
  for (const [price, size] of Object.entries(PAIRED) as [keyof typeof PAIRED, keyof Quote][]) {
    if (fields[price] === undefined || !fieldApplies(instrument, price)) continue;
    pricedSizes.add(size);
    messages.push({
      type: 'tickPrice',
      reqId,
      tickType: types[price],
      price: quote[price],
      size: quote[size],
      attribs: price === 'last' ? NO_ATTRIBS : BID_ATTRIBS,
    });
  }
  // The gateway also sends each size on its own even when it rode in a tickPrice (clients rely on that for
  // the bid size, whose tick type 0 some decoders drop when it is derived from a tickPrice).
  for (const size of ['bidSize', 'askSize', 'lastSize', 'volume'] as const) {
    if ((fields[size] === undefined && !pricedSizes.has(size)) || !fieldApplies(instrument, size)) continue;
    messages.push({ type: 'tickSize', reqId, tickType: types[size], size: quote[size] });
  }
  for (const price of PRICE_ONLY) {
    if (fields[price] === undefined) continue;
    messages.push({
      type: 'tickPrice',
      reqId,
      tickType: types[price],
      price: quote[price],
      size: undefined,
      attribs: NO_ATTRIBS,
    });
  }
  return messages;
}

/** Generic tick 236: shortable (3 easy, 2 hard to borrow, 1 not shortable) and the shares available. */
export function shortableMessages(reqId: number, instrument: Instrument): ServerMessage[] {
  const shares = instrument.shortableShares;
  const level = shares > 1000 ? 3 : shares > 0 ? 2 : 1;
  return [
    { type: 'tickGeneric', reqId, tickType: TICK_SHORTABLE, value: level },
    { type: 'tickSize', reqId, tickType: TICK_SHORTABLE_SHARES, size: shares },
  ];
}
