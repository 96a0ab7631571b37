import { describe, expect, it } from 'vitest';
import { kindFromAccountType } from '../../../../src/core/accounts/account-kind';

describe('kindFromAccountType', () => {
  it.each([
    ['IRA', 'traditional-ira'],
    ['ROTH IRA', 'roth-ira'],
    ['INDIVIDUAL', 'individual'],
    ['CORPORATION', 'business'],
    ['LLC', 'business'],
    ['JOINT', 'individual'],
    [null, 'individual'],
  ] as const)('%s → %s', (tag, kind) => {
    expect(kindFromAccountType(tag)).toBe(kind);
  });
});
