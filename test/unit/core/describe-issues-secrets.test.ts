import { describe, expect, it } from 'vitest';
import { secretsIn } from '../../../src/core/ipc/describe-issues';

describe('secretsIn', () => {
  it('finds the strings under password-like keys, at any depth, and nothing else', () => {
    const input = {
      mode: 'paper',
      username: 'jo',
      password: 'p1',
      nested: { ibPassword: 'p2', list: [{ client_secret: 'p3' }], token: 'p4', note: 'plain' },
      passwordCount: 3,
    };
    expect(secretsIn(input).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('copes with what is not an object', () => {
    expect(secretsIn(undefined)).toEqual([]);
    expect(secretsIn('password')).toEqual([]);
    expect(secretsIn(null)).toEqual([]);
  });
});
