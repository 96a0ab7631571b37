import { roundToTick, ticksPerUnit } from './ticks';
import { type OrderType, type Quote, type SimOrderRequest } from './types';

/**
 * Trailing stops (TRAIL, TRAIL LIMIT). A sell's stop trails the bid from below by the trailing amount
 * (auxPrice) or percent, and only ever rises; a buy's trails the ask from above and only ever falls. The
 * stop triggers when the touch it follows reaches it: a TRAIL then works as a market order, a TRAIL LIMIT
 * as a limit `lmtPriceOffset` beyond the stop (IBKR's API carries the offset, not a limit price).
 */

type Trailing = Pick<
  SimOrderRequest,
  'action' | 'orderType' | 'auxPrice' | 'trailingPercent' | 'trailStopPrice' | 'lmtPrice' | 'lmtPriceOffset'
>;

export const isTrail = (type: OrderType): boolean => type === 'TRAIL' || type === 'TRAIL LIMIT';

/** The touch a trailing order follows: the bid for a sell, the ask for a buy. */
const followed = (order: Trailing, quote: Readonly<Quote>): number => (order.action === 'SELL' ? quote.bid : quote.ask);

function distance(order: Trailing, reference: number): number {
  // Some clients send a zero amount beside a percent: only a positive amount trails.
  if (order.auxPrice !== undefined && order.auxPrice > 0) return order.auxPrice;
  return (reference * (order.trailingPercent ?? 0)) / 100;
}

/**
 * Where the stop stands for this touch, on the contract's tick, rounded away from the market so the trail is
 * never tighter than asked.
 */
function stopFor(order: Trailing, quote: Readonly<Quote>, minTick: number): number {
  const reference = followed(order, quote);
  const perUnit = ticksPerUnit(minTick);
  return order.action === 'SELL'
    ? Math.floor((reference - distance(order, reference)) * perUnit + 1e-9) / perUnit
    : Math.ceil((reference + distance(order, reference)) * perUnit - 1e-9) / perUnit;
}

/** The first stop: the client's trailStopPrice when it gave one, else one trail from the touch. */
export function initialStop(order: Trailing, quote: Readonly<Quote>, minTick: number): number {
  return order.trailStopPrice ?? stopFor(order, quote, minTick);
}

/** The stop after this quote: it follows the touch in the order's favour only. */
export function followStop(order: Trailing, stop: number, quote: Readonly<Quote>, minTick: number): number {
  const next = stopFor(order, quote, minTick);
  return order.action === 'SELL' ? Math.max(stop, next) : Math.min(stop, next);
}

/** An amended trail: a new amount or percent restarts the stop from the touch; a new stop replaces it. */
export function amendedStop(
  before: Trailing,
  after: Trailing,
  stop: number,
  quote: Readonly<Quote>,
  minTick: number,
): number {
  if (before.auxPrice !== after.auxPrice || before.trailingPercent !== after.trailingPercent) {
    return stopFor(after, quote, minTick);
  }
  if (after.trailStopPrice !== undefined && after.trailStopPrice !== before.trailStopPrice) return after.trailStopPrice;
  return stop;
}

export function trailTriggered(order: Trailing, stop: number, quote: Readonly<Quote>): boolean {
  return order.action === 'SELL' ? quote.bid <= stop : quote.ask >= stop;
}

/**
 * The limit offset of a TRAIL LIMIT: lmtPriceOffset, or — for clients that send an initial limit beside an
 * initial stop, as TWS allows — the distance between the two.
 */
export function limitOffset(order: Trailing): number | undefined {
  if (order.lmtPriceOffset !== undefined) return order.lmtPriceOffset;
  if (order.lmtPrice === undefined || order.trailStopPrice === undefined) return undefined;
  return Math.abs(order.trailStopPrice - order.lmtPrice);
}

/** What a triggered trailing order works as: a market order, or a limit beyond the stop. */
export function triggeredAs(
  order: Trailing,
  stop: number,
  minTick: number,
): Pick<SimOrderRequest, 'action' | 'orderType' | 'lmtPrice'> {
  if (order.orderType !== 'TRAIL LIMIT') return { action: order.action, orderType: 'MKT' };
  const offset = limitOffset(order) ?? 0;
  const limit = order.action === 'SELL' ? stop - offset : stop + offset;
  return { action: order.action, orderType: 'LMT', lmtPrice: roundToTick(limit, minTick) };
}
