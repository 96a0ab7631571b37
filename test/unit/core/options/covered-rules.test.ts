import { describe, expect, it } from 'vitest';
import { AAPL, AAPL_CALL, AAPL_PUT, checkFor, position, quoteAround, ROTH, usd, type Spec } from '../rules/fixtures';

/** The IRA option rule's words: what covers a call and what secures a put, counting resting option sales. */

const sell = (instrument: typeof AAPL_CALL, quantity: number, ctx: Spec['ctx'] = {}): Spec => ({
  account: ROTH,
  instrument,
  ticket: { action: 'SELL', quantity, limitPrice: 3.5 },
  ctx: { quote: quoteAround(3.5, 0.1), ...ctx },
});
/** A resting sell-to-open of another AAPL option. */
const resting = (right: 'C' | 'P', quantity: number, strike = 160) => ({
  conId: right === 'C' ? 800_001 : 800_002,
  symbol: 'AAPL',
  right,
  strike,
  multiplier: 100,
  quantity,
});

describe('ira-options: the covering sentence', () => {
  it('says which shares cover a covered call', () => {
    const check = checkFor(sell(AAPL_CALL, 2, { positions: [position(AAPL, 200)] }), 'ira-options');
    expect(check?.outcome).toBe('pass');
    expect(check?.message).toBe(
      'Covered call: 2 contracts written need 200 shares; covered by 200 AAPL, 0 already committed.',
    );
  });

  it('counts a resting sell-to-open call of another strike as already committed', () => {
    const ctx = {
      positions: [position(AAPL, 200)],
      pendingSells: { 800_001: 1 },
      pendingOptionSales: [resting('C', 1)],
    };
    expect(checkFor(sell(AAPL_CALL, 2, ctx), 'ira-options')?.outcome).toBe('block');
    const one = checkFor(sell(AAPL_CALL, 1, ctx), 'ira-options');
    expect(one?.outcome).toBe('pass');
    expect(one?.message).toContain('covered by 200 AAPL, 100 already committed');
  });

  it('does not count a resting sale of calls the account holds long: that closes, it commits nothing', () => {
    const ctx = {
      positions: [position(AAPL, 200), { ...position(AAPL_CALL, 1), conId: 800_001 }],
      pendingSells: { 800_001: 1 },
      pendingOptionSales: [resting('C', 1)],
    };
    expect(checkFor(sell(AAPL_CALL, 2, ctx), 'ira-options')?.outcome).toBe('pass');
  });
});

describe('ira-options: the securing sentence', () => {
  it('says how much settled cash secures a put', () => {
    const check = checkFor(sell(AAPL_PUT, 2, { cash: [usd(92_500)] }), 'ira-options');
    expect(check?.outcome).toBe('pass');
    expect(check?.message).toBe(
      'Cash-secured put: secured by $30,000.00 of $92,500.00 settled cash; 2 × 150 strike × 100.',
    );
  });

  it('counts a resting put sale as committed cash', () => {
    // 2 resting puts at 160 commit 32,000 of 60,000; two more at 150 need 30,000: 2,000 short.
    const ctx = { cash: [usd(60_000)], pendingSells: { 800_002: 2 }, pendingOptionSales: [resting('P', 2)] };
    expect(checkFor(sell(AAPL_PUT, 2, ctx), 'ira-options')?.outcome).toBe('block');
    expect(checkFor(sell(AAPL_PUT, 1, ctx), 'ira-options')?.message).toContain(
      '$15,000.00 of $60,000.00 settled cash ($32,000.00 already committed)',
    );
  });
});
