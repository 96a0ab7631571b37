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
    // Not arrived: no kind, never a guess (the order rules block until it is known).
    [null, null],
    ['', null],
  ] as const)('%s → %s', (tag, kind) => {
    expect(kindFromAccountType(tag)).toBe(kind);
  });
});

describe('accountIdentity', () => {
  it.each([
    ['IRA', undefined, 'traditional-ira', 'ibkr', 'IRA', false],
    ['TRADITIONAL IRA', undefined, 'traditional-ira', 'ibkr', 'Traditional IRA', false],
    ['ROTH IRA', undefined, 'roth-ira', 'ibkr', 'Roth IRA', false],
    ['CORPORATION', undefined, 'business', 'ibkr', 'Business', false],
    [null, undefined, null, null, 'Type not yet known', false],
    [null, { label: 'Spare' }, null, null, 'Spare', true],
    [null, { kind: 'roth-ira' }, 'roth-ira', 'settings', 'Roth IRA', false],
    ['IRA', { kind: 'traditional-ira' }, 'traditional-ira', 'settings', 'Traditional IRA', false],
    ['IRA', { kind: 'roth-ira', label: 'My Roth' }, 'roth-ira', 'settings', 'My Roth', true],
    ['IRA', { label: '  ' }, 'traditional-ira', 'ibkr', 'IRA', false],
    ['INDIVIDUAL', { label: 'Fun money' }, 'individual', 'ibkr', 'Fun money', true],
  ] as const)('%s with %o → %s from %s, "%s"', (tag, override, kind, kindSource, label, labelOverridden) => {
    expect(accountIdentity(tag, override)).toEqual({
      kind,
      kindSource,
      label,
      kindOverridden: kindSource === 'settings',
      labelOverridden,
    });
  });
});
