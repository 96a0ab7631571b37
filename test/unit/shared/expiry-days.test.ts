import { describe, expect, it } from 'vitest';
import { daysToExpiry, expiryFlag } from '../../../src/shared/expiry-days';

// Friday 4 December 2026, 23:30 UTC: late in the day, so a count by hours would be off by one.
const NOW = Date.UTC(2026, 11, 4, 23, 30);

describe('days to expiry', () => {
  it('counts calendar days between dates, whatever the hour', () => {
    expect(daysToExpiry('20261204', NOW)).toBe(0);
    expect(daysToExpiry('20261209', NOW)).toBe(5);
    expect(daysToExpiry('20261218', NOW)).toBe(14);
    expect(daysToExpiry('20270115', NOW)).toBe(42);
    expect(daysToExpiry('20261203', NOW)).toBe(-1);
  });

  it('has no count for what is not a day', () => {
    expect(daysToExpiry(undefined, NOW)).toBeNull();
    expect(daysToExpiry('202612', NOW)).toBeNull();
  });
});

describe('the expiry flag', () => {
  it('flags a position within five days of expiry, in words', () => {
    expect(expiryFlag('20261204', NOW)).toBe('Expires today');
    expect(expiryFlag('20261205', NOW)).toBe('Expires in 1 day');
    expect(expiryFlag('20261209', NOW)).toBe('Expires in 5 days');
    expect(expiryFlag('20261203', NOW)).toBe('Expired');
  });

  it('leaves later expiries and undated positions unflagged', () => {
    expect(expiryFlag('20261210', NOW)).toBeNull();
    expect(expiryFlag(undefined, NOW)).toBeNull();
  });
});
