import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, MAX_FRAME_BYTES, splitFields } from '../../../../src/simulator/wire/frame';
import { WireError } from '../../../../src/simulator/wire/messages';

const API = Buffer.from('API\0', 'latin1');

/** A v100+ frame as a client writes it: big-endian length, then the bytes. */
const rawFrame = (body: string): Buffer => {
  const bytes = Buffer.from(body, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
};

const texts = (frames: Buffer[]): string[] => frames.map((frame) => frame.toString('utf8'));

describe('FrameReader', () => {
  it('strips the API prefix once and returns the version frame', () => {
    const reader = new FrameReader({ expectApiPrefix: true });
    expect(texts(reader.push(Buffer.concat([API, rawFrame('v100..193')])))).toEqual(['v100..193']);
    // A later "API\0" is ordinary frame data, not a prefix.
    expect(texts(reader.push(rawFrame('API\0')))).toEqual(['API\0']);
    expect(reader.pending).toBe(0);
  });

  it('assembles a prefix and frames fed one byte at a time', () => {
    const reader = new FrameReader({ expectApiPrefix: true });
    const stream = Buffer.concat([API, rawFrame('v100..193 +PACEAPI'), rawFrame('71\x002\x001\x00\x00')]);
    const out: string[] = [];
    const completedAt: number[] = [];
    for (let i = 0; i < stream.length; i++) {
      const frames = texts(reader.push(stream.subarray(i, i + 1)));
      if (frames.length > 0) completedAt.push(i);
      out.push(...frames);
    }
    // Each frame is released by its own last byte, not earlier.
    expect(completedAt).toEqual([4 + 4 + 18 - 1, stream.length - 1]);
    expect(out).toEqual(['v100..193 +PACEAPI', '71\x002\x001\x00\x00']);
    expect(reader.pending).toBe(0);
  });

  it('returns every frame of a chunk that holds several, and keeps a partial one for later', () => {
    const reader = new FrameReader({ expectApiPrefix: false });
    const third = rawFrame('49\x001\x00');
    const chunk = Buffer.concat([rawFrame('8\x001\x001\x00'), rawFrame('17\x001\x00'), third.subarray(0, 5)]);
    expect(texts(reader.push(chunk))).toEqual(['8\x001\x001\x00', '17\x001\x00']);
    expect(reader.pending).toBe(5);
    expect(texts(reader.push(third.subarray(5)))).toEqual(['49\x001\x00']);
    expect(reader.pending).toBe(0);
  });

  it('accepts an empty frame', () => {
    const reader = new FrameReader({ expectApiPrefix: false });
    expect(texts(reader.push(rawFrame('')))).toEqual(['']);
  });

  it('rejects a frame longer than the limit as soon as its length is known', () => {
    const reader = new FrameReader({ expectApiPrefix: false });
    const length = Buffer.alloc(4);
    length.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    expect(() => reader.push(length)).toThrow(WireError);
    expect(() => new FrameReader({ expectApiPrefix: false }).push(length)).toThrow(/exceeds/);
  });

  it('rejects a client that does not open with API\\0, even from its first byte', () => {
    expect(() => new FrameReader({ expectApiPrefix: true }).push(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(WireError);
    expect(() => new FrameReader({ expectApiPrefix: true }).push(Buffer.from('X'))).toThrow(/API/);
    // A partial but correct prefix waits for more.
    const reader = new FrameReader({ expectApiPrefix: true });
    expect(reader.push(Buffer.from('AP'))).toEqual([]);
    expect(() => reader.push(Buffer.from('x'))).toThrow(WireError);
  });
});

describe('encodeFrame / splitFields', () => {
  const roundTrip = (fields: (string | number | boolean | undefined)[]): string[] => {
    const frame = encodeFrame(fields);
    expect(frame.readUInt32BE(0)).toBe(frame.length - 4);
    return splitFields(frame.subarray(4));
  };

  it('round-trips fields, formatting numbers, booleans and undefined', () => {
    expect(roundTrip([9, 1, 'AAPL', 182.5, true, false, undefined, -1])).toEqual([
      '9',
      '1',
      'AAPL',
      '182.5',
      '1',
      '0',
      '',
      '-1',
    ]);
  });

  it('keeps empty fields, including leading and trailing ones', () => {
    expect(roundTrip(['', 'a', '', '', 'b', ''])).toEqual(['', 'a', '', '', 'b', '']);
    expect(roundTrip([''])).toEqual(['']);
    expect(roundTrip([])).toEqual([]);
  });

  it('round-trips UTF-8 and measures the length in bytes', () => {
    const fields = ['Nestlé', '株式会社', '€ 1,5', '🚀'];
    const frame = encodeFrame(fields);
    expect(frame.readUInt32BE(0)).toBe(Buffer.byteLength(fields.join('\0') + '\0', 'utf8'));
    expect(splitFields(frame.subarray(4))).toEqual(fields);
  });

  it('survives FrameReader in between, split mid-character', () => {
    const fields = ['81', '7', 'Zürich'];
    const frame = encodeFrame(fields);
    const reader = new FrameReader({ expectApiPrefix: false });
    const cut = frame.indexOf(0xc3) + 1; // between the two bytes of 'ü'
    expect(reader.push(frame.subarray(0, cut))).toEqual([]);
    const [body] = reader.push(frame.subarray(cut));
    expect(body && splitFields(body)).toEqual(fields);
  });

  it('refuses non-finite numbers rather than sending "NaN"', () => {
    expect(() => encodeFrame([Number.NaN])).toThrow(WireError);
    expect(() => encodeFrame([Infinity])).toThrow(WireError);
  });
});
