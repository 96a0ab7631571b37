import { describe, expect, it } from 'vitest';
import { blastFrames, encodeFrame, EVENTS_PER_FRAME, parseFrames } from '../../bench/tws-frames';

describe('TWS frames of the saturation blaster', () => {
  it('parses whole frames and keeps the bytes of an incomplete one', () => {
    const whole = Buffer.concat([encodeFrame([71, 2, 1, '']), encodeFrame([1, 11, 7, 265598])]);
    const partial = encodeFrame([2, 2, 7]).subarray(0, 6);
    const { messages, rest } = parseFrames(Buffer.concat([whole, partial]));
    expect(messages).toEqual([
      ['71', '2', '1', ''],
      ['1', '11', '7', '265598'],
    ]);
    expect(rest).toEqual(partial);
  });

  it('streams a bid, an ask and a volume per request with new values each variant', () => {
    const frames = blastFrames([3, 4]);
    const fields = frames.map((frame) => parseFrames(frame.bytes).messages[0]);
    expect(fields.slice(0, 3)).toEqual([
      ['1', '6', '3', '1', '103.00', '100', '0'],
      ['1', '6', '3', '2', '103.01', '200', '0'],
      ['2', '6', '3', '8', '10000'],
    ]);
    const bidsOf3 = fields.filter((f) => f?.[2] === '3' && f[3] === '1').map((f) => f?.[4]);
    expect(new Set(bidsOf3).size).toBe(bidsOf3.length);
    const events = frames.reduce((sum, frame) => sum + frame.events, 0);
    expect(events / frames.length).toBeCloseTo(EVENTS_PER_FRAME);
  });
});
