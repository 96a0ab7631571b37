import { describe, expect, it } from 'vitest';
import { ibOrder } from '../../../../src/core/orders/ib-order';
import { pendingFrom } from '../../../../src/core/orders/rule-context-builder';
import { trailTrigger } from '../../../../src/core/rules/order-cost';
import { describeOrder } from '../../../../src/shared/order-words';
import { OrderTicketSchema, type OrderTicketInput } from '../../../../src/shared/ticket';

/** Trailing stops, trailing stop limits and IBKR's Adaptive algo, from the ticket to the IB order. */

const base: OrderTicketInput = {
  account: 'DU1000002',
  contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
  action: 'SELL',
  quantity: 100,
  orderType: 'TRAIL',
  trailingAmount: 2,
  tif: 'GTC',
};
const parse = (over: Partial<OrderTicketInput>) => OrderTicketSchema.safeParse({ ...base, ...over });
const problems = (over: Partial<OrderTicketInput>) => {
  const parsed = parse(over);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};
const quote = { bid: 189.9, ask: 190.1, last: 190, marketDataType: 'live' as const, receivedAt: 0 };

describe('trailing orders and Adaptive in the ticket', () => {
  it('needs exactly one of a trailing amount and a trailing percent', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ trailingAmount: undefined })).toEqual([
      'A trailing stop trails the market by an amount or by a percent: give exactly one.',
    ]);
    expect(problems({ trailingPercent: 1 })).toHaveLength(1);
  });

  it('needs a limit offset for a trailing stop limit, and refuses trailing fields on other types', () => {
    expect(problems({ orderType: 'TRAIL LIMIT' })).toEqual([
      'A trailing stop limit needs a limit offset: how far beyond the trigger the limit sits.',
    ]);
    expect(problems({ orderType: 'LMT', limitPrice: 190 })).toEqual([
      'A limit order does not trail the market; use TRAIL or TRAIL LIMIT.',
    ]);
  });

  it('takes Adaptive on market and limit orders only', () => {
    const limit = { orderType: 'LMT' as const, limitPrice: 190, trailingAmount: undefined };
    expect(problems({ ...limit, adaptive: 'Patient' })).toEqual([]);
    expect(problems({ adaptive: 'Urgent' })).toEqual([
      "IBKR's Adaptive algo works on market and limit orders only, not on a trailing stops.",
    ]);
  });

  it('maps to IBKR’s fields: auxPrice is the trailing amount, trailingPercent the percent, lmtPriceOffset the offset', () => {
    const amount = ibOrder(OrderTicketSchema.parse({ ...base, trailStopPrice: 187 }), { orderRef: 'r', whatIf: false });
    expect(amount).toMatchObject({ orderType: 'TRAIL', auxPrice: 2, trailStopPrice: 187 });
    expect(amount.trailingPercent).toBeUndefined();
    const percent = OrderTicketSchema.parse({
      ...base,
      orderType: 'TRAIL LIMIT',
      trailingAmount: undefined,
      trailingPercent: 1.5,
      limitOffset: 0.1,
    });
    expect(ibOrder(percent, { orderRef: 'r', whatIf: false })).toMatchObject({
      orderType: 'TRAIL LIMIT',
      trailingPercent: 1.5,
      lmtPriceOffset: 0.1,
    });
    const adaptive = OrderTicketSchema.parse({
      ...base,
      orderType: 'MKT',
      trailingAmount: undefined,
      adaptive: 'Normal',
    });
    expect(ibOrder(adaptive, { orderRef: 'r', whatIf: false })).toMatchObject({
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Normal' }],
    });
  });

  it('puts the trigger below the bid for a sell and above the ask for a buy, or where the person set it', () => {
    expect(trailTrigger(OrderTicketSchema.parse(base), quote)).toBeCloseTo(187.9);
    expect(trailTrigger(OrderTicketSchema.parse({ ...base, action: 'BUY' }), quote)).toBeCloseTo(192.1);
    const pct = OrderTicketSchema.parse({ ...base, trailingAmount: undefined, trailingPercent: 10 });
    expect(trailTrigger(pct, quote)).toBeCloseTo(170.91);
    expect(trailTrigger(OrderTicketSchema.parse({ ...base, trailStopPrice: 185 }), quote)).toBe(185);
    expect(trailTrigger(OrderTicketSchema.parse(base), null)).toBeNull();
  });

  it('says the order in words', () => {
    expect(describeOrder({ ...base, trailStopPrice: 187 }, 'Individual')).toBe(
      'Sell 100 AAPL at market once it trades 2.00 below the highest bid, first at 187.00 (trailing stop), good until cancelled, in Individual DU1000002',
    );
    expect(describeOrder({ ...base, orderType: 'LMT', limitPrice: 190, adaptive: 'Patient' }, 'Individual')).toContain(
      'at 190.00 limit, IBKR Adaptive (patient), good until cancelled',
    );
  });

  it('counts a working trailing buy at its current trigger against cash, and not at IBKR’s unset price', () => {
    const working = (trailStopPrice: number) => ({
      orderId: 1,
      contract: { conId: 1, secType: 'STK', currency: 'USD' },
      order: { account: 'DU1', action: 'BUY', totalQuantity: 10, orderType: 'TRAIL', auxPrice: 2, trailStopPrice },
      orderState: { status: 'Submitted' },
    });
    expect(pendingFrom('DU1', [working(192)], { USD: 1 }).pendingBuysUsd).toBe(1_920);
    expect(pendingFrom('DU1', [working(Number.MAX_VALUE)], { USD: 1 }).pendingBuysUsd).toBeNaN();
  });
});
