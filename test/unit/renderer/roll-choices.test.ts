import { describe, expect, it } from 'vitest';
import { nearestListedStrike, nextMonthlyAfter } from '../../../src/renderer/src/components/options/roll-choices';
import type { ChainRow, OptionContract } from '../../../src/shared/options';

/** Where the roll dialog rolls a short option to by default: the next monthly, the same strike or the nearest. */

const option = (strike: number, right: 'C' | 'P'): OptionContract => ({
  conId: strike * 10 + (right === 'C' ? 1 : 2),
  symbol: 'AAPL',
  right,
  strike,
  expiry: '20270115',
  multiplier: 100,
  localSymbol: `AAPL ${strike} ${right}`,
  currency: 'USD',
  exchange: 'SMART',
});

describe('the roll’s default expiry', () => {
  const expiries = [
    { expiry: '20261211', kind: 'weekly' as const },
    { expiry: '20261218', kind: 'monthly' as const },
    { expiry: '20261224', kind: 'weekly' as const },
    { expiry: '20270115', kind: 'monthly' as const },
    { expiry: '20270219', kind: 'monthly' as const },
  ];

  it('is the first monthly after the current expiry, skipping weeklies', () => {
    expect(nextMonthlyAfter(expiries, '20261218')).toBe('20270115');
    expect(nextMonthlyAfter(expiries, '20261211')).toBe('20261218');
  });

  it('is none when no later monthly is listed', () => {
    expect(nextMonthlyAfter(expiries, '20270219')).toBeNull();
  });
});

describe('the roll’s default strike', () => {
  const rows: ChainRow[] = [
    { strike: 190, call: option(190, 'C'), put: option(190, 'P') },
    { strike: 200, call: null, put: option(200, 'P') },
    { strike: 210, call: option(210, 'C'), put: null },
  ];

  it('keeps the strike when it is listed for the right', () => {
    expect(nearestListedStrike(rows, 'P', 200)).toBe(200);
  });

  it('takes the nearest listed strike of the right, the lower on a tie', () => {
    expect(nearestListedStrike(rows, 'C', 200)).toBe(190);
    expect(nearestListedStrike(rows, 'C', 207)).toBe(210);
    expect(nearestListedStrike(rows, 'P', 215)).toBe(200);
  });

  it('is none when nothing of the right is listed', () => {
    expect(nearestListedStrike([{ strike: 200, call: null, put: option(200, 'P') }], 'C', 200)).toBeNull();
  });
});
