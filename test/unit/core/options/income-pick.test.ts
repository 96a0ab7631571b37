import { describe, expect, it } from 'vitest';
import { firstOutOfTheMoney, nextMonthlyExpiry } from '../../../../src/core/options/income-pick';
import type { ChainExpiry } from '../../../../src/shared/options';

const STRIKES = [210, 215, 220, 225, 230, 235, 240];
const EXPIRIES: ChainExpiry[] = [
  { expiry: '20261204', kind: 'weekly' },
  { expiry: '20261218', kind: 'monthly' },
  { expiry: '20261224', kind: 'weekly' },
  { expiry: '20270115', kind: 'monthly' },
];

describe('nextMonthlyExpiry', () => {
  it('takes the first monthly, passing over weeklies', () => {
    expect(nextMonthlyExpiry(EXPIRIES, '20261201')).toBe('20261218');
  });
  it('passes over a monthly fewer than the minimum days away', () => {
    expect(nextMonthlyExpiry(EXPIRIES, '20261215')).toBe('20270115');
    expect(nextMonthlyExpiry(EXPIRIES, '20261213', 5)).toBe('20261218');
    expect(nextMonthlyExpiry(EXPIRIES, '20261214', 5)).toBe('20270115');
  });
  it('has none when the chain lists no monthly far enough out', () => {
    expect(nextMonthlyExpiry(EXPIRIES, '20270112')).toBeNull();
    expect(nextMonthlyExpiry([{ expiry: '20261224', kind: 'weekly' }], '20261201')).toBeNull();
  });
});

describe('firstOutOfTheMoney', () => {
  it('takes the lowest strike above the price for a call', () => {
    expect(firstOutOfTheMoney(STRIKES, 226.4, 'C')).toBe(230);
    expect(firstOutOfTheMoney(STRIKES, 225, 'C')).toBe(230);
  });
  it('takes the highest strike below the price for a put', () => {
    expect(firstOutOfTheMoney(STRIKES, 226.4, 'P')).toBe(225);
    expect(firstOutOfTheMoney(STRIKES, 225, 'P')).toBe(220);
  });
  it('has none without a price or beyond the chain', () => {
    expect(firstOutOfTheMoney(STRIKES, null, 'C')).toBeNull();
    expect(firstOutOfTheMoney(STRIKES, 0, 'P')).toBeNull();
    expect(firstOutOfTheMoney(STRIKES, 240, 'C')).toBeNull();
    expect(firstOutOfTheMoney(STRIKES, 210, 'P')).toBeNull();
  });
});
