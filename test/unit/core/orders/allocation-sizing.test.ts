import { describe, expect, it } from 'vitest';
import { sizeAllocation, type AccountFigures, type SizingFacts } from '../../../../src/core/orders/allocation-sizing';

const FIGURES: Record<string, AccountFigures> = {
  IRA: { netLiquidation: 125_000, settledCash: 20_000, kind: 'roth-ira' },
  IND: { netLiquidation: 250_000, settledCash: 250_000, kind: 'individual' },
  BIZ: { netLiquidation: 125_000, settledCash: 600_000, kind: 'business' },
};
const ACCOUNTS = ['IRA', 'IND', 'BIZ'];
const UNKNOWN: AccountFigures = { netLiquidation: null, settledCash: null, kind: null };

const facts = (over: Partial<SizingFacts> = {}): SizingFacts => ({
  account: (a) => FIGURES[a] ?? UNKNOWN,
  unitValue: 190,
  entryPrice: 190,
  multiplier: 1,
  action: 'BUY',
  isFuture: false,
  maxQuantity: 1_000,
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
      facts({ account: (a) => (a === 'BIZ' ? UNKNOWN : (FIGURES[a] ?? UNKNOWN)) }),
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

  describe('by risk', () => {
    const risk = (over: object = {}) => ({
      mode: 'risk' as const,
      risk: 1_000,
      riskUnit: 'usd' as const,
      stopPrice: 187.5,
      ...over,
    });

    it('divides the risk by the loss per share between entry and stop', () => {
      const [row] = sizeAllocation(risk(), ['IND'], facts());
      expect(row?.quantity).toBe(400);
      expect(row?.sizing).toBe(
        'Risking $1,000.00 at $2.50 per share between entry $190.00 and stop $187.50 = 400 shares',
      );
    });

    it('takes a percent of each account’s own net liquidation', () => {
      const rows = sizeAllocation(risk({ risk: 1, riskUnit: 'percent' }), ['IND', 'BIZ'], facts());
      expect(rows.map((r) => r.quantity)).toEqual([1_000, 500]);
      expect(rows[1]?.sizing).toContain('$1,250.00 (1.0% of $125,000.00 net liquidation)');
    });

    it('caps an IRA buy at its settled cash, and says that is what bound it', () => {
      const [row] = sizeAllocation(risk(), ['IRA'], facts());
      expect(row?.requested).toBe(400);
      expect(row?.quantity).toBe(105);
      expect(row?.sizing).toContain("capped at 105 shares by the IRA's $20,000.00 of settled cash");
    });

    it('caps at the size cap, which would block a larger order anyway', () => {
      const [row] = sizeAllocation(risk({ risk: 10_000 }), ['BIZ'], facts());
      expect(row?.quantity).toBe(1_000);
      expect(row?.sizing).toContain('capped at 1,000 shares by the size cap');
    });

    it('says an IRA future’s 2× margin is checked at preview rather than guessing the margin', () => {
      const [row] = sizeAllocation(risk(), ['IRA'], facts({ isFuture: true, multiplier: 50, maxQuantity: 10 }));
      expect(row?.sizing).toContain('twice the initial margin');
    });

    it('refuses a stop on the wrong side of the entry, and an unknown settled cash in an IRA', () => {
      expect(sizeAllocation(risk({ stopPrice: 195 }), ['IND'], facts())[0]?.problem).toContain(
        'must be below the entry',
      );
      expect(sizeAllocation(risk({ stopPrice: 185 }), ['IND'], facts({ action: 'SELL' }))[0]?.problem).toContain(
        'must be above the entry',
      );
      const unknownCash = facts({ account: () => ({ ...FIGURES.IRA!, settledCash: null }) });
      expect(sizeAllocation(risk(), ['IRA'], unknownCash)[0]?.problem).toContain('settled cash of IRA is not known');
      expect(sizeAllocation(risk(), ['IND'], facts({ entryPrice: null }))[0]?.problem).toContain('give a limit price');
    });
  });
});
