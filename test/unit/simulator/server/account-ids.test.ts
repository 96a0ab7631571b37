import { describe, expect, it } from 'vitest';
import { accountIds } from '../../../../src/simulator/server/account-ids';

const WORLD = ['DU1000001', 'DU1000002', 'DU1000003'];

describe('accountIds', () => {
  it('leaves paper ids as they are', () => {
    const ids = accountIds('paper', WORLD);
    expect(WORLD.map(ids.toWire)).toEqual(WORLD);
    expect(ids.fromWire('DU1000002')).toBe('DU1000002');
    expect(ids.fromWire('U1000002')).toBeUndefined();
  });

  it('reports live ids as U… and maps them back', () => {
    const ids = accountIds('live', WORLD);
    expect(WORLD.map(ids.toWire)).toEqual(['U1000001', 'U1000002', 'U1000003']);
    expect(ids.fromWire('U1000003')).toBe('DU1000003');
    // The world's own id is not what a live client would send.
    expect(ids.fromWire('DU1000003')).toBeUndefined();
  });

  it('accepts what a client sends in any case and with stray spaces', () => {
    const ids = accountIds('paper', WORLD);
    expect(ids.fromWire(' du1000001 ')).toBe('DU1000001');
    expect(accountIds('live', WORLD).fromWire('u1000001')).toBe('DU1000001');
  });

  it('knows no account outside the login', () => {
    const ids = accountIds('paper', WORLD);
    for (const wire of ['', 'All', 'DU1000004', 'DU100000'] as const) expect(ids.fromWire(wire)).toBeUndefined();
  });
});
