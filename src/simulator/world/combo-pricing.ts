import { roundCents } from './commission';
import { type ComboLeg, type Instrument, type OrderAction, type OrderType, type Quote } from './types';

/** A combo leg with its contract and the quote it would trade against. */
export interface PricedLeg {
  leg: ComboLeg;
  instrument: Instrument;
  quote: Readonly<Quote>;
}

/** The side a leg trades: as written when the combo is bought, reversed when it is sold. */
export function legAction(leg: ComboLeg, comboAction: OrderAction): OrderAction {
  if (comboAction === 'BUY') return leg.action;
  return leg.action === 'BUY' ? 'SELL' : 'BUY';
}

/** A leg's touch for the side it trades: the ask when it buys, the bid when it sells. */
export function legTouch(priced: PricedLeg, comboAction: OrderAction): number {
  return legAction(priced.leg, comboAction) === 'BUY' ? priced.quote.ask : priced.quote.bid;
}

/** A leg the market gives no two-sided price for, so the combo cannot be priced; undefined when all can. */
export function unpricedLeg(legs: readonly PricedLeg[]): PricedLeg | undefined {
  return legs.find(({ quote }) => !(quote.bid > 0 && quote.ask > 0 && Number.isFinite(quote.bid + quote.ask)));
}

/**
 * The combo's net price at the market now, per unit, as IBKR quotes combos: what buying it costs (legs bought
 * at the ask, legs sold at the bid, each × ratio), positive for a debit, negative for a credit. Selling the
 * combo reverses every leg, and the same sign convention gives what the sale costs (so a credit sale is negative).
 */
export function netMarket(legs: readonly PricedLeg[], comboAction: OrderAction): number {
  let net = 0;
  for (const priced of legs) {
    const side = legAction(priced.leg, comboAction) === 'BUY' ? 1 : -1;
    net += side * priced.leg.ratio * legTouch(priced, comboAction);
  }
  // The combo's own action flips the sign back: a sold combo's price is what the buyer of it would pay.
  return roundCents(comboAction === 'BUY' ? net : -net);
}

/**
 * The net price a combo order executes at now, or null while the market does not reach its limit. A bought
 * combo fills when the net market is at or below the limit, a sold one at or above: all legs at once or none.
 */
export function comboExecutablePrice(
  order: { action: OrderAction; orderType: OrderType; lmtPrice?: number },
  legs: readonly PricedLeg[],
): number | null {
  if (unpricedLeg(legs)) return null;
  const net = netMarket(legs, order.action);
  if (order.orderType !== 'LMT') return net;
  const limit = order.lmtPrice ?? NaN;
  const acceptable = order.action === 'BUY' ? net <= limit + 1e-9 : net >= limit - 1e-9;
  return acceptable ? net : null;
}
