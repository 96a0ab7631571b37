import { describe, expect, it } from 'vitest';
import { ALL_CREDENTIAL_KEYS } from '../../../../src/core/credentials/credential-store';
import {
  accountName,
  checkCredentialKey,
  checkSecret,
  MAX_SECRET_BYTES,
} from '../../../../src/core/credentials/credential-validation';
import { AppError } from '../../../../src/shared/result';

/** Runs `fn`, expects a 'refused' AppError and returns its message. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('refused');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal, got none');
}

const SECRET = 'S3cr3t-hunter2';

describe('credential keys', () => {
  it('maps each of the four keys to its own keychain account', () => {
    expect(ALL_CREDENTIAL_KEYS.map(accountName)).toEqual([
      'paper/username',
      'paper/password',
      'live/username',
      'live/password',
    ]);
  });

  it('accepts a valid key and returns a clean copy', () => {
    const key = { mode: 'live', purpose: 'username' };
    const checked = checkCredentialKey(key);
    expect(checked).toEqual(key);
    expect(checked).not.toBe(key);
  });

  it.each([
    ['null', null, /got null/],
    ['a string', 'paper/password', /got string/],
    ['an array', ['paper', 'password'], /got object|other fields|mode/],
    ['an unknown mode', { mode: 'demo', purpose: 'password' }, /mode is not one of these/],
    ['an unknown purpose', { mode: 'paper', purpose: 'pin' }, /purpose is not one of these/],
    ['a missing purpose', { mode: 'paper' }, /purpose is not one of these/],
    ['extra fields', { mode: 'paper', purpose: 'password', account: 'DU123' }, /other fields/],
  ])('refuses %s with a message that says what a key is', (_label, key, reason) => {
    const message = refusal(() => checkCredentialKey(key));
    expect(message).toContain("mode: 'paper' | 'live', purpose: 'username' | 'password'");
    expect(message).toMatch(reason);
  });

  it('never echoes a bad key value, in case a caller swapped key and secret', () => {
    expect(refusal(() => checkCredentialKey({ mode: SECRET, purpose: 'password' }))).not.toContain(SECRET);
    expect(refusal(() => checkCredentialKey({ mode: 'paper', purpose: SECRET }))).not.toContain(SECRET);
    expect(refusal(() => checkCredentialKey(SECRET))).not.toContain(SECRET);
    expect(refusal(() => checkCredentialKey({ mode: 'paper', purpose: 'password', [SECRET]: 1 }))).not.toContain(
      SECRET,
    );
  });
});

describe('secrets', () => {
  it('accepts ordinary secrets, up to the byte limit', () => {
    expect(checkSecret(SECRET)).toBe(SECRET);
    expect(checkSecret('x'.repeat(MAX_SECRET_BYTES))).toHaveLength(MAX_SECRET_BYTES);
  });

  it.each([
    ['empty', '', /empty/],
    ['one byte too long', 'x'.repeat(MAX_SECRET_BYTES + 1), /longer than 1024 bytes/],
    // 513 characters, 1026 bytes: the limit is what the keychain stores, not what JavaScript counts.
    ['too long in UTF-8 bytes', 'é'.repeat(513), /longer than 1024 bytes/],
    ['with a NUL', `${SECRET}\0tail`, /NUL/],
    ['not text', 12345, /must be text/],
  ])('refuses a secret that is %s, saying so without the secret', (_label, secret, reason) => {
    const message = refusal(() => checkSecret(secret));
    expect(message).toMatch(reason);
    expect(message).toMatch(/Nothing was saved/);
    if (typeof secret === 'string' && secret.length > 0) {
      expect(message).not.toContain(secret.slice(0, 6));
    }
    expect(message).not.toContain('12345');
  });
});
