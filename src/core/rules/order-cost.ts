import type { OrderTicket } from '../../shared/ticket';
import { percent, price } from '../../shared/number-words';
import type { RuleContext, Quote } from './rule-context';

/** A price the quote can use: finite and above zero (IBKR sends -1 for "none"). */
export function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The mid of a two-sided quote, else the last trade; null when neither is known. */
export function referencePrice(quote: Quote | null): { price: number; basis: 'mid' | 'last' } | null {
  if (quote === null) return null;
  if (usable(quote.bid) && usable(quote.ask)) return { price: (quote.bid + quote.ask) / 2, basis: 'mid' };
  if (usable(quote.last)) return { price: quote.last, basis: 'last' };
  return null;
}

export interface PriceEstimate {
  /** Per unit, in the instrument's currency. */
  price: number;
  /** How it was found, for messages: "the limit price $150.00", "the ask $150.10 + 1.0% buffer". */
  basis: string;
}

/**
 * Where a trailing order's stop would stand now: the person's first trigger, else the trail applied to
 * the touch (a sell trails below the bid, a buy above the ask). Null for other orders or with no quote.
 */
export function trailTrigger(ticket: OrderTicket, quote: Quote | null): number | null {
  if (ticket.orderType !== 'TRAIL' && ticket.orderType !== 'TRAIL LIMIT') return null;
  if (ticket.trailStopPrice !== undefined) return ticket.trailStopPrice;
  const sell = ticket.action === 'SELL';
  const touch = sell ? quote?.bid : quote?.ask;
  if (!usable(touch)) return null;
  const sign = sell ? -1 : 1;
  if (ticket.trailingPercent !== undefined) return touch * (1 + (sign * ticket.trailingPercent) / 100);
  return ticket.trailingAmount === undefined ? null : touch + sign * ticket.trailingAmount;
}

/**
 * The price one unit of this order is expected to trade at, for costing it. Limit and stop-limit
 * orders: the limit (the most a buy can pay). Market buys: the ask (or the last trade) plus the
 * mktBufferPct slippage allowance. Stop buys: as a market buy, but never below the stop price, since
 * a buy stop becomes a market order only once the price reaches the stop. Market sells: the bid (or
 * last); stop sells: the stop price. Null when a market or stop order has nothing to go on.
 */
export function executionPrice(ticket: OrderTicket, ctx: RuleContext): PriceEstimate | null {
  const { currency } = ctx.instrument;
  const quote = ctx.quote;
  if (ticket.orderType === 'LMT' || ticket.orderType === 'STP LMT') {
    return ticket.limitPrice === undefined
      ? null
      : { price: ticket.limitPrice, basis: `the limit price ${price(ticket.limitPrice, currency)}` };
  }
  const trigger = trailTrigger(ticket, quote);
  if (ticket.orderType === 'TRAIL LIMIT') {
    if (trigger === null || ticket.limitOffset === undefined) return null;
    const limit = trigger + (ticket.action === 'BUY' ? ticket.limitOffset : -ticket.limitOffset);
    return {
      price: limit,
      basis: `the trailing limit ${price(limit, currency)} (trigger now ${price(trigger, currency)})`,
    };
  }
  const stop =
    ticket.orderType === 'STP' ? ticket.stopPrice : ticket.orderType === 'TRAIL' ? (trigger ?? undefined) : undefined;
  if (ticket.action === 'SELL') {
    if (stop !== undefined) return { price: stop, basis: `the stop price ${price(stop, currency)}` };
    if (usable(quote?.bid)) return { price: quote.bid, basis: `the bid ${price(quote.bid, currency)}` };
    if (usable(quote?.last)) return { price: quote.last, basis: `the last price ${price(quote.last, currency)}` };
    return null;
  }
  const buffer = ctx.limits.mktBufferPct;
  const bufferText = `${percent(buffer)} buffer`;
  let base: { price: number; basis: string } | null = null;
  if (usable(quote?.ask)) base = { price: quote.ask, basis: `the ask ${price(quote.ask, currency)}` };
  else if (usable(quote?.last)) base = { price: quote.last, basis: `the last price ${price(quote.last, currency)}` };
  if (stop !== undefined && (base === null || stop > base.price)) {
    base = { price: stop, basis: `the stop price ${price(stop, currency)}` };
  }
  if (base === null) return null;
  return { price: base.price * (1 + buffer / 100), basis: `${base.basis} + ${bufferText}` };
}

/**
 * Commission for this order in the instrument's currency: the what-if's figure when the gateway gave
 * one, else the fixed-rate schedule in limits.commission.
 */
export function estimateCommission(ticket: OrderTicket, ctx: RuleContext, unitPrice: number): number {
  const fromGateway = ctx.whatIf?.commission;
  if (typeof fromGateway === 'number' && Number.isFinite(fromGateway) && fromGateway >= 0) return fromGateway;
  const c = ctx.limits.commission;
  const value = ticket.quantity * unitPrice * ctx.instrument.multiplier;
  switch (ctx.instrument.secType) {
    case 'STK': {
      const perShare = Math.max(c.minimum, ticket.quantity * c.perShare);
      return Math.min(perShare, Math.max(c.minimum, (value * c.maxPctOfValue) / 100));
    }
    case 'OPT':
      return Math.max(c.minimum, ticket.quantity * c.perOptionContract);
    case 'FUT':
      return ticket.quantity * c.perFutureContract;
    case 'CASH':
      return Math.max(c.fxMinimum, (value * c.fxPctOfValue) / 100);
  }
}

export interface OrderCost {
  /** The instrument's currency; every amount below is in it. */
  currency: string;
  unit: PriceEstimate;
  /** quantity × unit price × multiplier. */
  value: number;
  commission: number;
  /** value + commission: what a buy takes out of cash. */
  total: number;
}

/** What the order is worth and (for a buy) costs, in the instrument's currency; null when it cannot be priced. */
export function orderCost(ticket: OrderTicket, ctx: RuleContext): OrderCost | null {
  const unit = executionPrice(ticket, ctx);
  if (unit === null) return null;
  const value = ticket.quantity * unit.price * ctx.instrument.multiplier;
  const commission = estimateCommission(ticket, ctx, unit.price);
  return { currency: ctx.instrument.currency, unit, value, commission, total: value + commission };
}

/** An amount in USD at ctx.fxRates; null when the rate is unknown or not a positive number. */
export function toUsd(amount: number, currency: string, fxRates: RuleContext['fxRates']): number | null {
  if (currency === 'USD') return amount;
  const rate = Object.hasOwn(fxRates, currency) ? fxRates[currency] : undefined;
  return usable(rate) ? amount * rate : null;
}
