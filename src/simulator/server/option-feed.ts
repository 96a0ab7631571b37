import { type Instrument, type Quote, type QuoteTick, type World } from '../world';
import { greeks, impliedVolatility, type OptionInputs } from '../world/option-pricing';
import { type ServerMessage } from '../wire/messages';
import { type OptionComputation } from '../wire/messages-options';
import { type ApiConnection } from './connection';
import { type GatewayContext } from './context';
import { quoteMessages } from './market-feed';
import { type MarketSubscription } from './subscriptions';

/**
 * What an option line carries beyond prices and sizes: a tickOptionComputation for each side that ticked
 * (bid 10, ask 11, last 12: the volatility that price implies and the greeks at it) and the model's (13), and
 * the generic ticks 100, 101, 104 and 106 on options and their underlyings.
 */

const LIVE = { bid: 10, ask: 11, last: 12, model: 13 } as const;
const DELAYED = { bid: 80, ask: 81, last: 82, model: 83 } as const;
/** 0: return-based volatility, TWS's default setting. */
const RETURN_BASED = 0;

/** Generic tick → tick types sent: option volume (29 calls, 30 puts), open interest (27, 28), volatilities. */
const OPTION_VOLUME = 100;
const OPEN_INTEREST = 101;
const HISTORICAL_VOLATILITY = 104;
const IMPLIED_VOLATILITY = 106;
const TICK = { callOpenInterest: 27, putOpenInterest: 28, callVolume: 29, putVolume: 30, histVol: 23, impVol: 24 };

/** The figures of one computation: greeks at `vol`, priced at `price` (the side's own, or the model's). */
export function computationAt(inputs: OptionInputs, vol: number | undefined, price?: number): OptionComputation {
  if (vol === undefined) return { optPrice: price, undPrice: inputs.spot };
  const model = greeks({ ...inputs, vol });
  const { delta, gamma, vega, theta } = model;
  return {
    impliedVol: vol,
    delta,
    optPrice: price ?? model.price,
    pvDividend: 0,
    gamma,
    vega,
    theta,
    undPrice: inputs.spot,
  };
}

/** The computations for the sides in `fields` that changed, and always the model's. */
export function optionComputations(
  subscription: MarketSubscription,
  inputs: OptionInputs,
  fields: Partial<Quote>,
): ServerMessage[] {
  const types = subscription.marketDataType >= 3 ? DELAYED : LIVE;
  const { vol, ...market } = inputs;
  const messages: ServerMessage[] = [];
  for (const side of ['bid', 'ask', 'last'] as const) {
    const price = fields[side];
    if (price === undefined || price <= 0) continue;
    messages.push({
      type: 'tickOptionComputation',
      reqId: subscription.reqId,
      tickType: types[side],
      tickAttrib: RETURN_BASED,
      computation: computationAt(inputs, impliedVolatility(price, market), price),
    });
  }
  messages.push({
    type: 'tickOptionComputation',
    reqId: subscription.reqId,
    tickType: types.model,
    tickAttrib: RETURN_BASED,
    computation: computationAt(inputs, vol),
  });
  return messages;
}

function requested(genericTickList: string): Set<number> {
  return new Set(genericTickList.split(',').map((tick) => Number(tick.trim())));
}

/**
 * Generic ticks 100/101 report an underlying's whole chain (calls and puts apart) and an option's own figure
 * under its right's tick type; 104/106 the underlying's 30-day volatilities, on the stock and on its options.
 */
export function optionGenericMessages(
  world: World,
  reqId: number,
  instrument: Instrument,
  genericTickList: string,
): ServerMessage[] {
  const wanted = requested(genericTickList);
  const underConId = instrument.secType === 'OPT' ? instrument.underConId : instrument.conId;
  const volatility = world.options.underlyingVolatility(underConId);
  if (!volatility) return [];
  const options = instrument.secType === 'OPT' ? [instrument] : world.options.listed(instrument.conId);
  const totals = { C: { openInterest: 0, volume: 0 }, P: { openInterest: 0, volume: 0 } };
  for (const option of options) {
    const activity = world.options.activity(option.conId);
    const total = option.right === 'P' ? totals.P : totals.C;
    total.openInterest += activity?.openInterest ?? 0;
    total.volume += activity?.volume ?? 0;
  }
  const has = (right: 'C' | 'P') => instrument.secType !== 'OPT' || instrument.right === right;
  const messages: ServerMessage[] = [];
  const size = (tickType: number, value: number) => messages.push({ type: 'tickSize', reqId, tickType, size: value });
  if (wanted.has(OPTION_VOLUME)) {
    if (has('C')) size(TICK.callVolume, totals.C.volume);
    if (has('P')) size(TICK.putVolume, totals.P.volume);
  }
  if (wanted.has(OPEN_INTEREST)) {
    if (has('C')) size(TICK.callOpenInterest, totals.C.openInterest);
    if (has('P')) size(TICK.putOpenInterest, totals.P.openInterest);
  }
  if (wanted.has(HISTORICAL_VOLATILITY))
    messages.push({ type: 'tickGeneric', reqId, tickType: TICK.histVol, value: volatility.historical });
  if (wanted.has(IMPLIED_VOLATILITY))
    messages.push({ type: 'tickGeneric', reqId, tickType: TICK.impVol, value: volatility.implied });
  return messages;
}

/** The quote each option line last went out with, to send only what changed when its underlying moves. */
const sentQuotes = new WeakMap<MarketSubscription, Quote>();

/** The opening of an option line: its computations, then remembers the quote it was opened with. */
export function openOptionLine(world: World, subscription: MarketSubscription, quote: Quote): ServerMessage[] {
  const inputs = world.options.inputs(subscription.conId);
  if (!inputs) return [];
  sentQuotes.set(subscription, { ...quote });
  return optionComputations(subscription, inputs, quote);
}

/**
 * Option lines whose underlying moved in this step: the quote fields that changed since their last update,
 * with the computations. (The walk never names an option: options are priced off their underlying.)
 */
export function publishOptionLines(context: GatewayContext, connection: ApiConnection, ticks: QuoteTick[]): void {
  const moved = new Set(ticks.map((tick) => tick.conId));
  for (const subscription of connection.subs.market.values()) {
    const sent = sentQuotes.get(subscription);
    const instrument = sent && context.world.instrument(subscription.conId);
    const inputs = instrument && moved.has(instrument.underConId) && context.world.options.inputs(instrument.conId);
    if (!sent || !instrument || !inputs) continue;
    const quote = context.world.quote(instrument.conId);
    const changed: Partial<Quote> = {};
    for (const field of Object.keys(quote) as (keyof Quote)[])
      if (quote[field] !== sent[field]) changed[field] = quote[field];
    if (Object.keys(changed).length === 0) continue;
    sentQuotes.set(subscription, quote);
    for (const message of quoteMessages(subscription, instrument, changed, quote)) connection.send(message);
    for (const message of optionComputations(subscription, inputs, changed)) connection.send(message);
  }
}
