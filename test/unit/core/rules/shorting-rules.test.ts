import { describe, expect, it } from 'vitest';
import { AAPL, AAPL_CONID, BUSINESS, checkFor, INDIVIDUAL, outcomeOf, position, ROTH, type Spec } from './fixtures';

/** Individual account holding 100 AAPL, selling `quantity`, with IBKR reporting `shortable` shares to borrow. */
const spec = (quantity: number, shortable: number | null, extra: Spec['ctx'] = {}): Spec => ({
  account: INDIVIDUAL,
  instrument: { ...AAPL, shortableShares: shortable },
  ticket: { action: 'SELL', quantity },
  ctx: { positions: [position(AAPL, 100)], ...extra },
});

describe('shortable: short sales outside IRAs need shares to borrow (tick 236)', () => {
  it.each([
    ['no shares to borrow', 'block', 150, 0],
    ['fewer available than the short quantity', 'warn', 150, 30],
    ['hard to borrow (800 available)', 'warn', 150, 800],
    ['hard to borrow at the 1,000 threshold', 'warn', 150, 1_000],
    ['plenty available (1,001)', 'pass', 150, 1_001],
    ['availability unknown', 'warn', 150, null],
    ['selling only what is held, nothing to borrow', 'pass', 100, 0],
  ] as const)('%s → %s', (_name, expected, quantity, shortable) => {
    expect(outcomeOf(spec(quantity, shortable), 'shortable')).toBe(expected);
  });

  it('says what is short and that nothing can be borrowed', () => {
    expect(checkFor(spec(150, 0), 'shortable')?.message).toBe(
      'Selling 150 AAPL goes 50 shares short, but IBKR has no AAPL shares to lend; a short sale is not possible now.',
    );
  });

  it('says when availability could not be checked', () => {
    expect(checkFor(spec(150, null), 'shortable')?.message).toContain('IBKR has not said whether AAPL can be borrowed');
  });

  it('counts open sell orders before this one', () => {
    // 100 held, 100 already on open sells: selling 10 more is a short sale.
    expect(outcomeOf(spec(10, 0, { pendingSells: { [AAPL_CONID]: 100 } }), 'shortable')).toBe('block');
    expect(outcomeOf(spec(10, 0, { pendingSells: { [AAPL_CONID]: 90 } }), 'shortable')).toBe('pass');
  });

  it('uses the configured hard-to-borrow threshold', () => {
    expect(outcomeOf({ ...spec(150, 5_000), limits: { hardToBorrowShares: 10_000 } }, 'shortable')).toBe('warn');
    expect(outcomeOf(spec(150, 5_000), 'shortable')).toBe('pass');
  });

  it('applies to business accounts too', () => {
    expect(outcomeOf({ ...spec(150, 0), account: BUSINESS }, 'shortable')).toBe('block');
  });

  it.each([
    ['IRAs (ira-no-short blocks the sale instead)', { ...spec(150, 0), account: ROTH }],
    ['buys', { ...spec(150, 0), ticket: { action: 'BUY', quantity: 150 } }],
  ] as const)('does not apply to %s', (_name, s) => {
    expect(checkFor(s, 'shortable')).toBeUndefined();
  });
});
