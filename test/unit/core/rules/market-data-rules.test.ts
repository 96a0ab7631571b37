import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../../src/core/rules';
import { checkFor, NOW, outcomeOf, quoteAround, type Spec } from './fixtures';

const ORDERS = {
  MKT: { orderType: 'MKT', limitPrice: undefined },
  STP: { orderType: 'STP', limitPrice: undefined, stopPrice: 149 },
  LMT: { orderType: 'LMT', limitPrice: 150 },
  'STP LMT': { orderType: 'STP LMT', limitPrice: 149, stopPrice: 149.5 },
} as const;

const fresh = quoteAround(150);
const QUOTES: Record<string, Quote | null> = {
  'no quote': null,
  'a quote with no prices (IBKR -1)': { ...fresh, bid: -1, ask: -1, last: -1 },
  'a quote 16 s old': { ...fresh, receivedAt: NOW - 16_000 },
  'delayed data': { ...fresh, marketDataType: 'delayed' },
  'frozen data': { ...fresh, marketDataType: 'frozen' },
  'delayed-frozen data': { ...fresh, marketDataType: 'delayed-frozen' },
};

const spec = (type: keyof typeof ORDERS, quote: Quote | null): Spec => ({ ticket: ORDERS[type], ctx: { quote } });

describe('market-data: a live, fresh quote', () => {
  describe.each(Object.entries(QUOTES))('with %s', (_name, quote) => {
    it.each([
      ['MKT', 'block'],
      ['STP', 'block'],
      ['LMT', 'warn'],
      ['STP LMT', 'warn'],
    ] as const)('%s → %s', (type, expected) => {
      expect(outcomeOf(spec(type, quote), 'market-data')).toBe(expected);
    });
  });

  it.each(Object.keys(ORDERS) as (keyof typeof ORDERS)[])('passes %s with a live quote', (type) => {
    expect(outcomeOf(spec(type, fresh), 'market-data')).toBe('pass');
  });

  it('treats a quote exactly at the stale limit as fresh, and one ms older as stale', () => {
    expect(outcomeOf(spec('MKT', { ...fresh, receivedAt: NOW - 15_000 }), 'market-data')).toBe('pass');
    expect(outcomeOf(spec('MKT', { ...fresh, receivedAt: NOW - 15_001 }), 'market-data')).toBe('block');
  });

  it('uses the configured staleness', () => {
    const fiveSecondsOld = { ...spec('MKT', { ...fresh, receivedAt: NOW - 5_000 }), limits: { staleQuoteMs: 3_000 } };
    expect(outcomeOf(fiveSecondsOld, 'market-data')).toBe('block');
  });

  it('blocks a market buy with no ask and a market sell with no bid, but not a limit', () => {
    expect(outcomeOf(spec('MKT', { ...fresh, ask: null }), 'market-data')).toBe('block');
    expect(
      outcomeOf({ ...spec('MKT', { ...fresh, bid: null }), ticket: { ...ORDERS.MKT, action: 'SELL' } }, 'market-data'),
    ).toBe('block');
    expect(outcomeOf(spec('MKT', { ...fresh, bid: null }), 'market-data')).toBe('pass');
    expect(outcomeOf(spec('LMT', { ...fresh, ask: null }), 'market-data')).toBe('pass');
  });

  it('says what is wrong', () => {
    expect(
      checkFor(spec('MKT', { ...fresh, marketDataType: 'delayed', receivedAt: NOW - 42_000 }), 'market-data')?.message,
    ).toBe(
      'The AAPL quote is delayed (not real time), and the AAPL quote is 42 s old (stale after 15 s). A market order would execute at an unseen price; wait for live data or use a limit order.',
    );
    expect(checkFor(spec('LMT', null), 'market-data')?.message).toBe(
      'There is no quote for AAPL. Check the limit price against a live source before sending.',
    );
  });
});
