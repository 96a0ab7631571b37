import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src/core/gateway/backoff';
import { farmName } from '../../../../src/core/gateway/ib-codes';
import { checkAccountsMatchMode } from '../../../../src/shared/mode-guard';

describe('backoffDelay', () => {
  it('grows exponentially between half and all of the ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 0)).toBe(4_000);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
  });

  it('is capped at 30 s however many attempts', () => {
    expect(backoffDelay(10, () => 1)).toBe(30_000);
    expect(backoffDelay(1_000, () => 1)).toBe(30_000);
  });
});

describe('checkAccountsMatchMode', () => {
  it.each([
    ['paper', ['DU111', 'DU222'], true],
    ['demo', ['DU111'], true],
    ['live', ['U111', 'U222'], true],
    ['paper', ['DU111', 'U222'], false],
    ['live', ['DU111'], false],
    ['live', [], false],
  ] as const)('%s with %j → ok %s', (mode, accounts, ok) => {
    expect(checkAccountsMatchMode(mode, accounts).ok).toBe(ok);
  });

  it('names the accounts that do not match', () => {
    const check = checkAccountsMatchMode('paper', ['DU1', 'U7']);
    expect(check.ok === false && check.reason).toContain('U7');
  });
});

describe('farmName', () => {
  it('takes the name after the last colon', () => {
    expect(farmName('Market data farm connection is OK:usfarm.nj')).toBe('usfarm.nj');
    expect(farmName('no farm named here')).toBe('unknown farm');
  });
});
