import type { SecType } from '../../shared/ticket';
import { count, money, percent, price } from '../../shared/number-words';
import type { Limits } from './limits';
import { orderCost, referencePrice, toUsd, usable } from './order-cost';
import { block, defineRule, fitsWithin, info, pass, warn } from './rule';

/** Size, value and price checks for every account. */

/** Comparisons of percentages allow for binary floating point (5 % of 100 is not always exactly 5). */
const EPSILON = 1e-9;

const SIZE_CAPS: Record<SecType, { limit: (l: Limits) => number; unit: string }> = {
  STK: { limit: (l) => l.maxShares, unit: 'shares' },
  OPT: { limit: (l) => l.maxOptionContracts, unit: 'option contracts' },
  FUT: { limit: (l) => l.maxFutureContracts, unit: 'futures contracts' },
  CASH: { limit: (l) => l.maxFxUnits, unit: 'units' },
};

/** The largest order the size cap allows for an instrument type. */
export const maxQuantity = (limits: Limits, secType: SecType): number => SIZE_CAPS[secType].limit(limits);

export const sizeCap = defineRule({
  id: 'size-cap',
  rule: 'Order size cap',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const cap = SIZE_CAPS[ctx.instrument.secType];
    const limit = cap.limit(ctx.limits);
    const unit = ctx.instrument.secType === 'CASH' ? ctx.instrument.symbol : cap.unit;
    if (t.quantity <= limit)
      return pass(`${count(t.quantity)} ${unit} is within the cap of ${count(limit)} per order.`);
    return block(
      `${count(t.quantity)} ${unit} is more than the cap of ${count(limit)} per order; split the order or raise the cap in settings.`,
    );
  },
});

export const notionalCap = defineRule({
  id: 'notional-cap',
  rule: 'Order value cap',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const cap = ctx.limits.maxNotionalUsd;
    const cost = orderCost(t, ctx);
    if (cost === null) {
      return block(
        `The order's value could not be worked out (no quote to price a ${t.orderType} order), so the ${money(cap)} cap could not be checked.`,
      );
    }
    const usd = toUsd(cost.value, cost.currency, ctx.fxRates);
    if (usd === null) {
      return block(
        `There is no ${cost.currency}→USD rate, so the order's value could not be checked against the ${money(cap)} cap.`,
      );
    }
    const inCcy = cost.currency === 'USD' ? '' : ` (${money(cost.value, cost.currency)})`;
    if (fitsWithin(usd, cap)) return pass(`Order value about ${money(usd)}${inCcy} is within the ${money(cap)} cap.`);
    return block(
      `Order value about ${money(usd)}${inCcy} is more than the ${money(cap)} cap per order; reduce the quantity or raise the cap in settings.`,
    );
  },
});

/** Limit and stop prices far from the market are usually typos: warn. */
export const priceSanity = defineRule({
  id: 'price-sanity',
  rule: 'Price near the market',
  appliesTo: (t) => t.limitPrice !== undefined || t.stopPrice !== undefined || t.trailStopPrice !== undefined,
  evaluate(t, ctx) {
    const ccy = ctx.instrument.currency;
    const ref = referencePrice(ctx.quote);
    const prices = [
      { name: 'limit', value: t.limitPrice },
      { name: 'stop', value: t.stopPrice },
      { name: 'first trailing trigger', value: t.trailStopPrice },
    ].filter((p): p is { name: string; value: number } => p.value !== undefined);
    if (ref === null) {
      return warn(
        `There is no mid or last price to compare the ${prices.map((p) => p.name).join(' and ')} price with.`,
      );
    }
    const max = ctx.limits.priceDeviationPct;
    const measured = prices.map((p) => ({ ...p, deviation: ((p.value - ref.price) / ref.price) * 100 }));
    const describe = (p: (typeof measured)[number]) => {
      const where = `the ${ref.basis} ${price(ref.price, ccy)}`;
      const off = Math.abs(p.deviation);
      const position = off < 0.05 ? `at ${where}` : `${percent(off)} ${p.deviation > 0 ? 'above' : 'below'} ${where}`;
      return `The ${p.name} price ${price(p.value, ccy)} is ${position}`;
    };
    const far = measured.filter((p) => !(Math.abs(p.deviation) <= max + EPSILON));
    if (far.length === 0) return pass(`${measured.map(describe).join('; ')}.`);
    return warn(`${far.map(describe).join('; ')} — more than ${percent(max)}; check for a typo.`);
  },
});

/**
 * IBKR rejects a stock limit order priced too far through the market (a buy far above the ask, a
 * sell far below the bid); block it here with the reason rather than let the gateway reject it.
 */
export const ibkrCollar = defineRule({
  id: 'ibkr-collar',
  rule: 'IBKR price collar',
  appliesTo: (t, ctx) => ctx.instrument.secType === 'STK' && t.orderType === 'LMT' && t.limitPrice !== undefined,
  evaluate(t, ctx) {
    const ccy = ctx.instrument.currency;
    const limit = t.limitPrice ?? Number.NaN;
    const pct = ctx.limits.ibkrBboCollarPct;
    const buy = t.action === 'BUY';
    const side = buy ? 'ask' : 'bid';
    const touch = buy ? ctx.quote?.ask : ctx.quote?.bid;
    if (!usable(touch)) {
      return info(
        `There is no ${side} to compare the limit with; IBKR checks its price collar when the order arrives.`,
      );
    }
    const through = (buy ? (limit - touch) / touch : (touch - limit) / touch) * 100;
    const where = `The limit ${price(limit, ccy)} is ${percent(Math.abs(through))} ${limit >= touch ? 'above' : 'below'} the ${side} ${price(touch, ccy)}`;
    if (through <= pct + EPSILON) return pass(`${where}, inside IBKR's ${percent(pct)} collar.`);
    return block(
      `${where}; IBKR rejects limit orders more than ${percent(pct)} through the market. ${buy ? 'Lower' : 'Raise'} the limit.`,
    );
  },
});
