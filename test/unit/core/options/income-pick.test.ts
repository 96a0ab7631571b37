import { describe, expect, it } from 'vitest';
import { cashSecure, shareCover } from '../../../../src/core/options/covered-arithmetic';
import {
  coveredCallSize,
  firstOutOfTheMoney,
  nextMonthlyExpiry,
  securedPutSize,
} from '../../../../src/core/options/income-pick';
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

describe('coveredCallSize', () => {
  const cover = (held: number, shortCallShares: number, restingCallShares = 0, restingStockSells = 0) =>
    shareCover({ held, shortCallShares, restingCallShares, restingStockSells });
  it('offers the calls the free shares cover, saying what covers them', () => {
    expect(coveredCallSize(cover(250, 0), 'AAPL', 100)).toEqual({
      contracts: 2,
      sentence: '2 calls, covered by 250 AAPL, 0 already committed.',
    });
    expect(coveredCallSize(cover(200, 100), 'AAPL', 100).contracts).toBe(1);
    expect(coveredCallSize(cover(300, 0, 100, 50), 'AAPL', 100).contracts).toBe(1);
  });
  it('offers none, and says why, when fewer than one call of shares is free', () => {
    const none = coveredCallSize(cover(200, 200), 'AAPL', 100);
    expect(none.contracts).toBe(0);
    expect(none.sentence).toBe(
      'Nothing left to cover: 0 AAPL shares are free (200 held, 200 already committed), fewer than the 100 one call needs.',
    );
    expect(coveredCallSize(cover(Number.NaN, 0), 'AAPL', 100)).toMatchObject({ contracts: 0 });
  });
});

describe('securedPutSize', () => {
  const secure = (settled: number, shortPutCash = 0, restingBuys = 0) =>
    cashSecure({ settled, shortPutCash, restingBuys, restingPutCash: 0 });
  it('offers the puts the free settled cash secures at the strike', () => {
    expect(securedPutSize(secure(92_500), 220, 100, 'USD')).toEqual({
      contracts: 4,
      sentence: '4 puts, secured by $88,000.00 of $92,500.00 settled cash.',
    });
    expect(securedPutSize(secure(92_500, 22_000), 220, 100, 'USD').contracts).toBe(3);
  });
  it('offers none, and says why, when the free cash secures no contract', () => {
    const none = securedPutSize(secure(30_000, 10_000), 220, 100, 'USD');
    expect(none.contracts).toBe(0);
    expect(none.sentence).toBe(
      'Nothing left to secure a put: $20,000.00 of settled cash is free, less than the $22,000.00 one contract at 220 needs.',
    );
  });
});
