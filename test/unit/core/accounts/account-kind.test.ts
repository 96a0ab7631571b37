import { describe, expect, it } from 'vitest';
import { accountIdentity, kindFromAccountType } from '../../../../src/core/accounts/account-kind';

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

describe('accountIdentity', () => {
  it.each([
    ['IRA', undefined, 'traditional-ira', 'IRA', false, false],
    ['TRADITIONAL IRA', undefined, 'traditional-ira', 'Traditional IRA', false, false],
    ['ROTH IRA', undefined, 'roth-ira', 'Roth IRA', false, false],
    ['CORPORATION', undefined, 'business', 'Business', false, false],
    [null, undefined, 'individual', 'Individual', false, false],
    ['IRA', { kind: 'traditional-ira' }, 'traditional-ira', 'Traditional IRA', true, false],
    ['IRA', { kind: 'roth-ira', label: 'My Roth' }, 'roth-ira', 'My Roth', true, true],
    ['IRA', { label: '  ' }, 'traditional-ira', 'IRA', false, false],
    ['INDIVIDUAL', { label: 'Fun money' }, 'individual', 'Fun money', false, true],
  ] as const)('%s with %o → %s "%s"', (tag, override, kind, label, kindOverridden, labelOverridden) => {
    expect(accountIdentity(tag, override)).toEqual({ kind, label, kindOverridden, labelOverridden });
  });
});
