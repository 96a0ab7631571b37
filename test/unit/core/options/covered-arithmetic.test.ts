import { describe, expect, it } from 'vitest';
import {
  cashSecure,
  coverableContracts,
  coverSentence,
  securableContracts,
  secureSentence,
  shareCover,
} from '../../../../src/core/options/covered-arithmetic';

describe('shares not already covered', () => {
  it('takes open short calls, resting call sales and resting stock sells from the shares held', () => {
    const cover = shareCover({ held: 500, shortCallShares: 100, restingCallShares: 100, restingStockSells: 50 });
    expect(cover).toMatchObject({ committed: 250, free: 250 });
    expect(coverableContracts(cover, 100)).toBe(2);
  });

  it('never goes below zero, and nothing unknown counts as free', () => {
    expect(shareCover({ held: 100, shortCallShares: 200, restingCallShares: 0, restingStockSells: 0 }).free).toBe(0);
    const unknown = shareCover({ held: NaN, shortCallShares: 0, restingCallShares: 0, restingStockSells: 0 });
    expect(coverableContracts(unknown, 100)).toBe(0);
  });

  it('says what covers the call', () => {
    const cover = shareCover({ held: 200, shortCallShares: 0, restingCallShares: 0, restingStockSells: 0 });
    expect(coverSentence(cover, 'AAPL')).toBe('covered by 200 AAPL, 0 already committed');
    const partly = shareCover({ held: 300, shortCallShares: 100, restingCallShares: 0, restingStockSells: 0 });
    expect(coverSentence(partly, 'AAPL')).toBe('covered by 300 AAPL, 100 already committed');
  });
});

describe('settled cash not already committed', () => {
  it('takes short puts’ obligations, resting buys and resting put sales from settled cash', () => {
    const secure = cashSecure({ settled: 92_500, shortPutCash: 22_000, restingBuys: 5_000, restingPutCash: 11_000 });
    expect(secure).toMatchObject({ committed: 38_000, free: 54_500 });
    // Puts at the 110 strike need 11,000 each: 4 fit in 54,500.
    expect(securableContracts(secure, 110, 100)).toBe(4);
  });

  it('secures nothing when the cash is spoken for or unknown', () => {
    expect(
      securableContracts(
        cashSecure({ settled: 10_000, shortPutCash: 20_000, restingBuys: 0, restingPutCash: 0 }),
        110,
        100,
      ),
    ).toBe(0);
    expect(
      securableContracts(cashSecure({ settled: NaN, shortPutCash: 0, restingBuys: 0, restingPutCash: 0 }), 110, 100),
    ).toBe(0);
  });

  it('says what secures the put', () => {
    const free = cashSecure({ settled: 92_500, shortPutCash: 0, restingBuys: 0, restingPutCash: 0 });
    expect(secureSentence(22_000, free, 'USD')).toBe('$22,000.00 of $92,500.00 settled cash');
    const committed = cashSecure({ settled: 92_500, shortPutCash: 11_000, restingBuys: 0, restingPutCash: 0 });
    expect(secureSentence(22_000, committed, 'USD')).toBe(
      '$22,000.00 of $92,500.00 settled cash ($11,000.00 already committed)',
    );
  });
});
