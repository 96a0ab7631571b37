import { improvement } from './adaptive';
import { commissionFor, roundCents } from './commission';
import { executablePrice, touchOf } from './order-matching';
import { roundToTick } from './ticks';
import { initialStop, isTrail, triggeredAs } from './trailing';
import type { Instrument, Quote, SimOrder, SimOrderRequest } from './types';

/**
 * An order's own figures: as placed and as amended, the price it executes at against a quote, its figures
 * after each fill and the commission each fill pays. Pure: the engine applies the results.
 */

const copyRequest = (request: SimOrderRequest): SimOrderRequest => ({
  ...request,
  contract: { ...request.contract },
  algoParams: request.algoParams?.map((param) => ({ ...param })),
});

/** A new order, nothing filled; a trailing order's first stop is set from the quote it arrives on. */
export function placedOrder(
  request: SimOrderRequest,
  instrument: Instrument,
  permId: number,
  quote: Readonly<Quote>,
): SimOrder {
  return {
    request: copyRequest(request),
    instrument,
    permId,
    status: 'Inactive',
    filled: 0,
    remaining: request.totalQuantity,
    avgFillPrice: 0,
    lastFillPrice: 0,
    trailStopPrice: isTrail(request.orderType) ? initialStop(request, quote, instrument.minTick) : undefined,
  };
}

/**
 * The request an amendment leaves in force: the new one, keeping the order's parent and OCA group; an order in
 * no group may be linked into one (an order a person adds to a one-cancels-all group after placing it).
 */
export function amendedRequest(before: SimOrderRequest, request: SimOrderRequest): SimOrderRequest {
  const group = before.ocaGroup ? before : request;
  return { ...copyRequest(request), parentId: before.parentId, ocaGroup: group.ocaGroup, ocaType: group.ocaType };
}

/** The price an armed order executes at against `quote`, adaptive price improvement included; null: none now. */
export function executionPrice(order: Readonly<SimOrder>, quote: Readonly<Quote>): number | null {
  const { request, instrument } = order;
  const live = isTrail(request.orderType)
    ? triggeredAs(request, order.trailStopPrice ?? NaN, instrument.minTick)
    : request;
  const touch = touchOf(request, quote);
  const better = improvement(request, quote, instrument.minTick);
  return executablePrice(
    live,
    quote,
    roundToTick(request.action === 'BUY' ? touch - better : touch + better, instrument.minTick),
  );
}

/** The order's fill figures after `quantity` more at `price`. */
export function afterFill(
  order: Readonly<SimOrder>,
  quantity: number,
  price: number,
): Pick<SimOrder, 'avgFillPrice' | 'filled' | 'remaining' | 'lastFillPrice' | 'status'> {
  const filled = order.filled + quantity;
  const remaining = order.remaining - quantity;
  return {
    // The running mean, written so a fill at the average leaves it exactly unchanged (and a first fill sets it).
    avgFillPrice: order.avgFillPrice + (price - order.avgFillPrice) * (quantity / filled),
    filled,
    remaining,
    lastFillPrice: price,
    status: remaining === 0 ? 'Filled' : 'Submitted',
  };
}

/** What the latest fill pays: the per-order commission on everything filled so far, less what was `charged`. */
export function commissionIncrement(order: Readonly<SimOrder>, charged: number): number {
  return roundCents(Math.max(0, commissionFor(order.instrument, order.filled, order.avgFillPrice) - charged));
}
