import { describe, expect, it } from 'vitest';
import { optionTerms } from '../../../../src/core/orders/combo-pending';
import { pendingFrom, type GatewayOpenOrder } from '../../../../src/core/orders/rule-context-builder';
import { evaluateRules } from '../../../../src/core/rules';
import type { OptionTerms } from '../../../../src/core/rules/rule-context';
import { AAPL_PUT, contextFor, position, quoteAround, ROTH, ticketFor, usd, type Spec } from '../rules/fixtures';

/**
 * A resting roll (a BAG order) counted as its legs: the sell-to-open leg commits cover or cash like a lone
 * option sale, less what the buy-to-close leg frees; a credit is not cash until received; a debit is a buy.
 */

const OLD_PUT = { conId: 600_002, symbol: 'AAPL', right: 'P', strike: 140, multiplier: 100 } as const;
const NEW_PUT = { conId: 600_003, symbol: 'AAPL', right: 'P', strike: 150, multiplier: 100 } as const;
const TERMS = new Map<number, OptionTerms>([
  [OLD_PUT.conId, OLD_PUT],
  [NEW_PUT.conId, NEW_PUT],
]);

/** A resting roll of `contracts` old puts into new ones at a net limit (debit positive). */
const restingRoll = (contracts: number, netLimit: number, legs = [OLD_PUT.conId, NEW_PUT.conId]): GatewayOpenOrder => ({
  orderId: 5,
  contract: {
    conId: 28_812_380,
    secType: 'BAG',
    symbol: 'AAPL',
    currency: 'USD',
    comboLegs: [
      { conId: legs[0], ratio: 1, action: 'BUY' },
      { conId: legs[1], ratio: 1, action: 'SELL' },
    ],
  },
  order: { account: ROTH.id, action: 'BUY', totalQuantity: contracts, orderType: 'LMT', lmtPrice: netLimit },
  orderState: { status: 'Submitted' },
});

describe('a resting roll in the pending orders', () => {
  it('counts its sell-to-open leg as an option sale, freed by its buy-to-close leg; a credit is no buy', () => {
    const pending = pendingFrom(ROTH.id, [restingRoll(2, -1.25)], { USD: 1 }, TERMS);
    expect(pending.pendingBuysUsd).toBe(0);
    expect(pending.pendingSells).toEqual({ [NEW_PUT.conId]: 2 });
    expect(pending.pendingOptionSales).toEqual([
      { ...NEW_PUT, quantity: 2, frees: { strike: 140, multiplier: 100, quantity: 2 } },
    ]);
  });

  it('counts a net debit as a buy of its whole cost', () => {
    expect(pendingFrom(ROTH.id, [restingRoll(2, 0.4)], { USD: 1 }, TERMS).pendingBuysUsd).toBeCloseTo(80);
  });

  it('leaves a leg whose terms are not known unknown, for either right', () => {
    const pending = pendingFrom(ROTH.id, [restingRoll(1, -1)], { USD: 1 }, new Map());
    expect(pending.pendingOptionSales.map((s) => [s.right, s.strike])).toEqual([
      ['C', Number.NaN],
      ['P', Number.NaN],
    ]);
  });

  it('knows held options’ terms from the positions', () => {
    const held = optionTerms([
      { account: ROTH.id, contract: { ...OLD_PUT, secType: 'OPT', multiplier: '100' }, pos: -2 },
      { account: ROTH.id, contract: { conId: 1, symbol: 'AAPL', secType: 'STK' }, pos: 100 },
    ]);
    expect([...held]).toEqual([[OLD_PUT.conId, { symbol: 'AAPL', right: 'P', strike: 140, multiplier: 100 }]]);
  });
});

describe('a new cash-secured put beside a resting roll of puts up from 140 to 150', () => {
  // Held: 1 put at 140 ($14,000 secured). The roll commits $15,000 for the new put less the $14,000 it frees.
  const secured = (settled: number) => {
    const pending = pendingFrom(ROTH.id, [restingRoll(1, -0.5)], { USD: 1 }, TERMS);
    const spec: Spec = {
      account: ROTH,
      instrument: AAPL_PUT,
      ticket: { action: 'SELL', quantity: 1, limitPrice: 3.5 },
      ctx: {
        quote: quoteAround(3.5, 0.1),
        positions: [position({ ...AAPL_PUT, conId: OLD_PUT.conId, strike: 140 }, -1)],
        cash: [usd(settled)],
        ...pending,
      },
    };
    return evaluateRules(ticketFor(spec), contextFor(spec)).find((c) => c.id === 'ira-options')?.outcome;
  };

  it('passes when settled cash covers the held put, the roll’s extra $1,000 and the new $15,000', () => {
    expect(secured(30_000)).toBe('pass');
  });

  it('blocks when the roll’s extra $1,000 leaves too little', () => {
    expect(secured(29_999)).toBe('block');
  });
});
