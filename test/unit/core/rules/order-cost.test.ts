import { describe, expect, it } from 'vitest';
import { estimateCommission, executionPrice, orderCost, referencePrice, toUsd } from '../../../../src/core/rules';
import { AAPL_CALL, contextFor, ES, EURUSD, quoteAround, ticketFor, type Spec } from './fixtures';

const price = (spec: Spec) => executionPrice(ticketFor(spec), contextFor(spec))?.price;

describe('executionPrice', () => {
  // quote: bid 149.90, ask 150.10, last 150
  it.each<[string, Spec, number]>([
    ['a limit order at its limit', { ticket: { limitPrice: 151 } }, 151],
    ['a stop-limit order at its limit', { ticket: { orderType: 'STP LMT', limitPrice: 152, stopPrice: 151 } }, 152],
    ['a market buy at the ask + 1 %', { ticket: { orderType: 'MKT', limitPrice: undefined } }, 150.1 * 1.01],
    [
      'a market buy with no ask at the last + 1 %',
      { ticket: { orderType: 'MKT', limitPrice: undefined }, ctx: { quote: { ...quoteAround(150), ask: null } } },
      150 * 1.01,
    ],
    ['a market sell at the bid', { ticket: { action: 'SELL', orderType: 'MKT', limitPrice: undefined } }, 149.9],
    [
      'a buy stop above the ask at the stop + 1 %',
      { ticket: { orderType: 'STP', limitPrice: undefined, stopPrice: 160 } },
      160 * 1.01,
    ],
    [
      'a buy stop below the ask at the ask + 1 %',
      { ticket: { orderType: 'STP', limitPrice: undefined, stopPrice: 140 } },
      150.1 * 1.01,
    ],
    [
      'a sell stop at its stop',
      { ticket: { action: 'SELL', orderType: 'STP', limitPrice: undefined, stopPrice: 140 } },
      140,
    ],
    [
      'a buy stop with no quote at the stop + 1 %',
      { ticket: { orderType: 'STP', limitPrice: undefined, stopPrice: 160 }, ctx: { quote: null } },
      160 * 1.01,
    ],
    [
      'a 3 % buffer when configured',
      { ticket: { orderType: 'MKT', limitPrice: undefined }, limits: { mktBufferPct: 3 } },
      150.1 * 1.03,
    ],
  ])('prices %s', (_name, spec, expected) => {
    expect(price(spec)).toBeCloseTo(expected, 9);
  });

  it('cannot price a market order without a quote', () => {
    expect(
      executionPrice(
        ticketFor({ ticket: { orderType: 'MKT', limitPrice: undefined } }),
        contextFor({ ctx: { quote: null } }),
      ),
    ).toBeNull();
  });
});

describe('estimateCommission', () => {
  const commission = (spec: Spec, unitPrice: number) =>
    estimateCommission(ticketFor(spec), contextFor(spec), unitPrice);

  it.each<[string, Spec, number, number]>([
    ['100 shares: the $1 minimum', { ticket: { quantity: 100 } }, 150, 1],
    ['1,000 shares at $0.005', { ticket: { quantity: 1_000 } }, 150, 5],
    [
      '10,000 shares of a $0.10 stock: capped at 1 % of value',
      { ticket: { quantity: 10_000, limitPrice: 0.1 }, limits: { maxShares: 10_000 } },
      0.1,
      10,
    ],
    ['1 option contract: the $1 minimum', { instrument: AAPL_CALL, ticket: { quantity: 1, limitPrice: 3 } }, 3, 1],
    ['10 option contracts at $0.65', { instrument: AAPL_CALL, ticket: { quantity: 10, limitPrice: 3 } }, 3, 6.5],
    ['2 futures at $0.85', { instrument: ES, ticket: { quantity: 2, limitPrice: 6000 } }, 6000, 1.7],
    ['25,000 EUR: the $2 FX minimum', { instrument: EURUSD, ticket: { quantity: 25_000, limitPrice: 1.1 } }, 1.1, 2],
    [
      '1,000,000 EUR: 0.002 % of value',
      { instrument: EURUSD, ticket: { quantity: 1_000_000, limitPrice: 1.1 } },
      1.1,
      22,
    ],
  ])('%s', (_name, spec, unitPrice, expected) => {
    expect(commission(spec, unitPrice)).toBeCloseTo(expected, 9);
  });

  it('uses the what-if commission when the gateway gave one', () => {
    const whatIf = { initMarginChange: 0, maintMarginChange: 0, equityWithLoanAfter: 0, commission: 3.21 };
    expect(commission({ ctx: { whatIf } }, 150)).toBe(3.21);
    expect(commission({ ctx: { whatIf: { ...whatIf, commission: null } } }, 150)).toBe(1);
  });
});

describe('orderCost', () => {
  it('adds value and commission in the instrument currency', () => {
    const spec: Spec = { instrument: AAPL_CALL, ticket: { quantity: 2, limitPrice: 3.5 } };
    expect(orderCost(ticketFor(spec), contextFor(spec))).toMatchObject({
      currency: 'USD',
      value: 700,
      commission: 1.3,
      total: 701.3,
    });
  });
});

describe('referencePrice', () => {
  it.each([
    ['the mid of bid and ask', quoteAround(100), { price: 100, basis: 'mid' }],
    ['the last without a two-sided quote', { ...quoteAround(100), bid: null, last: 99 }, { price: 99, basis: 'last' }],
    [
      'the last when IBKR sends -1 for the bid',
      { ...quoteAround(100), bid: -1, last: 99 },
      { price: 99, basis: 'last' },
    ],
    ['nothing without prices', { ...quoteAround(100), bid: null, ask: null, last: null }, null],
    ['nothing without a quote', null, null],
  ] as const)('is %s', (_name, quote, expected) => {
    expect(referencePrice(quote)).toEqual(expected);
  });
});

describe('toUsd', () => {
  it('converts at the rate, passes USD through, and knows when it does not know', () => {
    expect(toUsd(100, 'USD', {})).toBe(100);
    expect(toUsd(100, 'EUR', { EUR: 1.1 })).toBeCloseTo(110, 9);
    expect(toUsd(100, 'JPY', { EUR: 1.1 })).toBeNull();
    expect(toUsd(100, 'EUR', { EUR: 0 })).toBeNull();
    expect(toUsd(100, 'EUR', { EUR: Number.NaN })).toBeNull();
  });

  it('reads only the rates object’s own entries, never inherited ones', () => {
    const inherited = Object.create({ EUR: 1.1 }) as Record<string, number>;
    expect(toUsd(100, 'EUR', inherited)).toBeNull();
    expect(toUsd(100, 'constructor', {})).toBeNull();
  });
});
