import { type OrderType, type Quote, type SecType, type SimOrderRequest } from './types';

/**
 * The most one order fills per quote update. Bigger orders work through the book in several executions
 * across ticks, as a large order does on a real exchange.
 */
export const FILL_CLIP: Record<SecType, number> = { STK: 500, OPT: 20, FUT: 10, CASH: 1_000_000 };

export const isStop = (type: OrderType): boolean => type === 'STP' || type === 'STP LMT';
export const hasLimit = (type: OrderType): boolean => type === 'LMT' || type === 'STP LMT';

type Priced = Pick<SimOrderRequest, 'action' | 'orderType' | 'lmtPrice' | 'auxPrice' | 'trailStopPrice'>;

/** The touch an order takes: the ask for a buy, the bid for a sell. */
export const touchOf = (order: Pick<SimOrderRequest, 'action'>, quote: Readonly<Quote>): number =>
  order.action === 'BUY' ? quote.ask : quote.bid;

/** A stop fires when the last trade reaches it: at or above for a buy stop, at or below for a sell stop. */
export function stopTriggered(order: Priced, quote: Readonly<Quote>): boolean {
  const stop = order.auxPrice ?? NaN;
  return order.action === 'BUY' ? quote.last >= stop : quote.last <= stop;
}

/**
 * The price a live (or triggered) order executes at now, or null if it cannot: market orders take the touch
 * (or a better price an algo found inside the spread); limits take it only when it is at their limit or better.
 */
export function executablePrice(
  order: Pick<Priced, 'action' | 'orderType' | 'lmtPrice'>,
  quote: Readonly<Quote>,
  touch = touchOf(order, quote),
): number | null {
  if (!hasLimit(order.orderType)) return touch;
  const limit = order.lmtPrice ?? NaN;
  const acceptable = order.action === 'BUY' ? touch <= limit : touch >= limit;
  return acceptable ? touch : null;
}

/**
 * What the order is expected to fill at, for checks and previews: its limit, else its stop (a stop becomes
 * a market order near it), else the touch.
 */
export function expectedPrice(order: Priced, quote: Readonly<Quote>): number {
  if (hasLimit(order.orderType) && order.lmtPrice !== undefined) return order.lmtPrice;
  if (isStop(order.orderType) && order.auxPrice !== undefined) return order.auxPrice;
  // A trailing order's auxPrice is its trailing amount, not a price: its initial stop stands in for it.
  if (order.trailStopPrice !== undefined && order.orderType.startsWith('TRAIL')) return order.trailStopPrice;
  return touchOf(order, quote);
}
