import { describe, expect, it } from 'vitest';
import { sizeAllocation, type SizingFacts } from '../../../../src/core/orders/allocation-sizing';

const NET_LIQ: Record<string, number | null> = { IRA: 125_000, IND: 250_000, BIZ: 125_000 };
const ACCOUNTS = ['IRA', 'IND', 'BIZ'];

const facts = (over: Partial<SizingFacts> = {}): SizingFacts => ({
  netLiquidation: (a) => NET_LIQ[a] ?? null,
  unitValue: 190,
  wholeUnits: true,
  unit: ['share', 'shares'],
  ...over,
});

describe('sizeAllocation', () => {
  it('sends the same quantity to each account', () => {
    const rows = sizeAllocation({ mode: 'same', quantity: 10 }, ACCOUNTS, facts());
    expect(rows.map((r) => r.quantity)).toEqual([10, 10, 10]);
    expect(rows[0]?.sizing).toBe('10 shares in each account');
  });

  it('splits a total by net liquidation into whole shares that add up to the total, saying how each was rounded', () => {
    const rows = sizeAllocation({ mode: 'split-net-liq', total: 101 }, ACCOUNTS, facts());
    expect(rows.map((r) => r.quantity)).toEqual([25, 51, 25]);
    expect(rows.reduce((s, r) => s + r.quantity, 0)).toBe(101);
    expect(rows[1]?.sizing).toBe(
      '51 shares of 101 by net liquidation ($250,000.00 of $500,000.00, 50.0%), rounded from 50.5',
    );
    expect(rows[0]?.requested).toBeCloseTo(25.25);
  });

  it('makes no split when any account’s net liquidation is unknown', () => {
    const rows = sizeAllocation(
      { mode: 'split-net-liq', total: 100 },
      ACCOUNTS,
      facts({ netLiquidation: (a) => (a === 'BIZ' ? null : (NET_LIQ[a] ?? null)) }),
    );
    expect(rows.every((r) => r.quantity === 0 && r.problem?.includes('net liquidation of BIZ'))).toBe(true);
  });

  it('sizes by the same percent of each account’s net liquidation at the order’s price, rounding down', () => {
    const rows = sizeAllocation({ mode: 'percent-net-liq', percent: 1 }, ACCOUNTS, facts());
    expect(rows.map((r) => r.quantity)).toEqual([6, 13, 6]);
    expect(rows[0]?.sizing).toBe(
      '1.0% of $125,000.00 net liquidation = $1,250.00 at $190.00 each = 6 shares, rounded down from 6.58',
    );
  });

  it('needs a price to size by percent, and says so instead of guessing one', () => {
    const rows = sizeAllocation({ mode: 'percent-net-liq', percent: 1 }, ACCOUNTS, facts({ unitValue: null }));
    expect(rows.every((r) => r.quantity === 0)).toBe(true);
    expect(rows[0]?.problem).toContain('give a limit or stop price');
  });

  it('takes typed quantities per account; an account left at 0 gets nothing, and says so', () => {
    const rows = sizeAllocation({ mode: 'per-account', quantities: { IRA: 5, IND: 12.6 } }, ACCOUNTS, facts());
    expect(rows.map((r) => r.quantity)).toEqual([5, 12, 0]);
    expect(rows[1]?.sizing).toContain('rounded down from 12.6');
    expect(rows[2]?.problem).toBe('Rounds to 0 shares: nothing is sent to this account.');
  });
});
