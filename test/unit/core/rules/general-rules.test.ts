import { describe, expect, it } from 'vitest';
import { AAPL_CALL, checkFor, ES, EURUSD, outcomeOf, quoteAround, SAP, type Spec } from './fixtures';

type Outcome = 'pass' | 'warn' | 'block' | 'info';

describe('size-cap', () => {
  it.each<[string, Outcome, Spec, number]>([
    ['1,000 shares', 'pass', {}, 1_000],
    ['1,001 shares', 'block', {}, 1_001],
    ['50 option contracts', 'pass', { instrument: AAPL_CALL, ticket: { limitPrice: 3.5 } }, 50],
    ['51 option contracts', 'block', { instrument: AAPL_CALL, ticket: { limitPrice: 3.5 } }, 51],
    ['10 futures', 'pass', { instrument: ES, ticket: { limitPrice: 1 } }, 10],
    ['11 futures', 'block', { instrument: ES, ticket: { limitPrice: 1 } }, 11],
    ['250,000 EUR', 'pass', { instrument: EURUSD, ticket: { limitPrice: 1.1 } }, 250_000],
    ['250,001 EUR', 'block', { instrument: EURUSD, ticket: { limitPrice: 1.1 } }, 250_001],
    ['200 shares under a cap of 100', 'block', { limits: { maxShares: 100 } }, 200],
  ])('%s → %s', (_name, expected, spec, quantity) => {
    const s: Spec = { ...spec, ticket: { limitPrice: 1, ...spec.ticket, quantity } };
    expect(outcomeOf(s, 'size-cap')).toBe(expected);
  });

  it('says the cap', () => {
    expect(checkFor({ ticket: { quantity: 1_500, limitPrice: 1 } }, 'size-cap')?.message).toBe(
      '1,500 shares is more than the cap of 1,000 per order; split the order or raise the cap in settings.',
    );
  });
});

describe('notional-cap', () => {
  it.each<[string, Outcome, Spec]>([
    ['1,000 × $150 = $150,000', 'pass', { ticket: { quantity: 1_000 } }],
    ['$150,000 under a $100,000 cap', 'block', { ticket: { quantity: 1_000 }, limits: { maxNotionalUsd: 100_000 } }],
    ['exactly at the cap', 'pass', { ticket: { quantity: 1_000 }, limits: { maxNotionalUsd: 150_000 } }],
    // 1 ES at 6,000 × 50 = $300,000
    ['one ES future at 6,000 (× 50)', 'block', { instrument: ES, ticket: { quantity: 1, limitPrice: 6_000 } }],
    // 2 calls at 3.50 × 100 = $700 (the premium)
    ['an option at its premium', 'pass', { instrument: AAPL_CALL, ticket: { quantity: 2, limitPrice: 3.5 } }],
  ])('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'notional-cap')).toBe(expected);
  });

  it('converts other currencies at the rate', () => {
    // 1,000 SAP at 200 EUR = 200,000 EUR = $220,000 at 1.1
    const sap = (maxNotionalUsd: number): Spec => ({
      instrument: SAP,
      ticket: { quantity: 1_000, limitPrice: 200 },
      limits: { maxNotionalUsd },
    });
    expect(outcomeOf(sap(220_000), 'notional-cap')).toBe('pass');
    expect(checkFor(sap(219_999), 'notional-cap')?.message).toBe(
      'Order value about $220,000.00 (200,000.00 EUR) is more than the $219,999.00 cap per order; reduce the quantity or raise the cap in settings.',
    );
  });

  it('blocks when the value cannot be worked out', () => {
    const noRate = checkFor(
      { instrument: SAP, ticket: { limitPrice: 200 }, ctx: { fxRates: { USD: 1 } } },
      'notional-cap',
    );
    expect(noRate?.outcome).toBe('block');
    expect(noRate?.message).toContain('no EUR→USD rate');
    const noQuote = { ticket: { orderType: 'MKT', limitPrice: undefined }, ctx: { quote: null } } as const;
    expect(outcomeOf(noQuote, 'notional-cap')).toBe('block');
  });
});

describe('price-sanity: limit and stop prices near the market', () => {
  // Quote: bid 99.90, ask 100.10 → mid 100.
  const at = (ticket: Spec['ticket'], quote = quoteAround(100)): Spec => ({ ticket, ctx: { quote } });

  it.each<[string, Outcome, Spec]>([
    ['a limit 5.1 % above the mid', 'warn', at({ limitPrice: 105.1 })],
    ['a limit 4.9 % above the mid', 'pass', at({ limitPrice: 104.9 })],
    ['a limit exactly 5 % above the mid', 'pass', at({ limitPrice: 105 })],
    ['a limit 5.1 % below the mid', 'warn', at({ limitPrice: 94.9 })],
    ['a limit 4.9 % below the mid', 'pass', at({ limitPrice: 95.1 })],
    ['a stop 5.1 % below the mid', 'warn', at({ orderType: 'STP', limitPrice: undefined, stopPrice: 94.9 })],
    ['a stop-limit with a far stop', 'warn', at({ orderType: 'STP LMT', limitPrice: 100, stopPrice: 110 })],
    ['a stop-limit with both near', 'pass', at({ orderType: 'STP LMT', limitPrice: 101, stopPrice: 100.5 })],
    [
      'the last price when there is no bid/ask',
      'warn',
      at({ limitPrice: 105.1 }, { ...quoteAround(100), bid: null, ask: null }),
    ],
    ['the tighter setting of 2 %', 'warn', { ...at({ limitPrice: 102.5 }), limits: { priceDeviationPct: 2 } }],
  ])('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'price-sanity')).toBe(expected);
  });

  it('says how far and from what', () => {
    expect(checkFor(at({ limitPrice: 105.1 }), 'price-sanity')?.message).toBe(
      'The limit price $105.10 is 5.1% above the mid $100.00 — more than 5.0%; check for a typo.',
    );
  });

  it('warns when there is nothing to compare with', () => {
    const check = checkFor(
      at({ limitPrice: 100 }, { ...quoteAround(100), bid: null, ask: null, last: null }),
      'price-sanity',
    );
    expect(check?.outcome).toBe('warn');
    expect(check?.message).toContain('no mid or last price');
  });

  it('does not apply to a market order', () => {
    expect(checkFor(at({ orderType: 'MKT', limitPrice: undefined }), 'price-sanity')).toBeUndefined();
  });
});

describe('ibkr-collar: IBKR rejects stock limits far through the market', () => {
  // ask 100.10, bid 99.90
  const limit = (action: 'BUY' | 'SELL', limitPrice: number, quote = quoteAround(100)): Spec => ({
    ticket: { action, limitPrice },
    ctx: { quote },
  });

  it.each([
    ['a buy 10.1 % above the ask', 'block', limit('BUY', 110.22)],
    ['a buy 10 % above the ask', 'pass', limit('BUY', 110.11)],
    ['a buy below the ask', 'pass', limit('BUY', 90)],
    ['a sell 10.1 % below the bid', 'block', limit('SELL', 89.8)],
    ['a sell 10 % below the bid', 'pass', limit('SELL', 89.91)],
    ['a sell above the bid', 'pass', limit('SELL', 120)],
  ] as const)('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'ibkr-collar')).toBe(expected);
  });

  it('explains why', () => {
    expect(checkFor(limit('BUY', 120), 'ibkr-collar')?.message).toBe(
      'The limit $120.00 is 19.9% above the ask $100.10; IBKR rejects limit orders more than 10.0% through the market. Lower the limit.',
    );
  });

  it('is only informational without an ask', () => {
    expect(outcomeOf(limit('BUY', 120, { ...quoteAround(100), ask: null }), 'ibkr-collar')).toBe('info');
  });

  it.each<[string, Spec]>([
    ['options', { instrument: AAPL_CALL, ticket: { limitPrice: 50 } }],
    ['market orders', { ticket: { orderType: 'MKT', limitPrice: undefined } }],
    ['stop-limit orders', { ticket: { orderType: 'STP LMT', limitPrice: 200, stopPrice: 190 } }],
  ])('does not apply to %s', (_name, spec) => {
    expect(checkFor(spec, 'ibkr-collar')).toBeUndefined();
  });
});

describe('price-sanity wording', () => {
  it('says a price at the market is at it', () => {
    expect(checkFor({ ticket: { limitPrice: 150 } }, 'price-sanity')?.message).toBe(
      'The limit price $150.00 is at the mid $150.00.',
    );
  });
});
