import { describe, expect, it } from 'vitest';
import { negotiateVersion, parseVersionRange } from '../../../../src/simulator/wire/handshake';
import { MAX_SERVER_VERSION, MIN_SERVER_VERSION, WireError } from '../../../../src/simulator/wire/messages';

describe('parseVersionRange', () => {
  it('reads a range', () => {
    expect(parseVersionRange('v100..193')).toEqual({ min: 100, max: 193, connectOptions: '' });
  });

  it('reads a single version as a range of one', () => {
    expect(parseVersionRange('v176')).toEqual({ min: 176, max: 176, connectOptions: '' });
  });

  it('keeps connect options after the first space', () => {
    expect(parseVersionRange('v100..193 +PACEAPI')).toEqual({ min: 100, max: 193, connectOptions: '+PACEAPI' });
    expect(parseVersionRange('v157 a b')).toEqual({ min: 157, max: 157, connectOptions: 'a b' });
  });

  it('tolerates one trailing NUL', () => {
    expect(parseVersionRange('v100..193\0')).toEqual({ min: 100, max: 193, connectOptions: '' });
  });

  it.each(['', 'v', '100..193', 'v100..', 'v..193', 'v100...193', 'V100..193', 'v100..193x', 'v1e3', 'hello'])(
    'rejects %j',
    (text) => {
      expect(() => parseVersionRange(text)).toThrow(WireError);
    },
  );

  it('rejects an inverted range', () => {
    expect(() => parseVersionRange('v193..100')).toThrow(/empty/);
  });

  it('quotes the garbage it rejects without raw control characters', () => {
    expect(() => parseVersionRange('GET /\r\n')).toThrow(/GET \/\\x0d\\x0a/);
  });
});

describe('negotiateVersion', () => {
  const range = (min: number, max: number) => ({ min, max, connectOptions: '' });

  it('picks the highest version both sides speak', () => {
    expect(negotiateVersion(range(100, 193))).toBe(MAX_SERVER_VERSION);
    expect(negotiateVersion(range(100, 250))).toBe(MAX_SERVER_VERSION);
    expect(negotiateVersion(range(100, 176))).toBe(176);
    expect(negotiateVersion(range(160, 170))).toBe(170);
  });

  it('meets at the edges', () => {
    expect(negotiateVersion(range(100, MIN_SERVER_VERSION))).toBe(MIN_SERVER_VERSION);
    expect(negotiateVersion(range(MAX_SERVER_VERSION, 300))).toBe(MAX_SERVER_VERSION);
  });

  it('returns null when the ranges do not overlap', () => {
    expect(negotiateVersion(range(100, MIN_SERVER_VERSION - 1))).toBeNull();
    expect(negotiateVersion(range(MAX_SERVER_VERSION + 1, 300))).toBeNull();
  });
});
