/**
 * The TWS wire pieces the saturation blaster needs (protocol-notes.md): int32 BE length + NUL-terminated
 * fields, and the tick frames it streams at server version 178.
 */
export const SERVER_VERSION = 178;

const TICK_PRICE = 1;
const TICK_SIZE = 2;
const BID = 1;
const ASK = 2;
const VOLUME = 8;

export function encodeFrame(fields: readonly (string | number)[]): Buffer {
  const body = Buffer.from(fields.map((field) => `${field}\0`).join(''));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

/** Whole frames at the start of `buffer` as their fields, and the bytes of an incomplete one after them. */
export function parseFrames(buffer: Buffer): { messages: string[][]; rest: Buffer } {
  const messages: string[][] = [];
  let at = 0;
  while (buffer.length - at >= 4) {
    const length = buffer.readUInt32BE(at);
    if (buffer.length - at - 4 < length) break;
    const body = buffer.toString('utf8', at + 4, at + 4 + length);
    messages.push(body.split('\0').slice(0, -1));
    at += 4 + length;
  }
  return { messages, rest: buffer.subarray(at) };
}

export interface BlastFrame {
  bytes: Buffer;
  /**
   * Tick events @stoqey/ib 1.6.10 emits for the frame: an ask tickPrice (version 6) is also reported as its
   * size tick (ASK_SIZE), so 2; a bid only 1, as its size tick would be BID_SIZE, 0, which the decoder's
   * `if (sizeTickType)` skips; a tickSize, 1.
   */
  events: number;
}

/** Price variants per request, so consecutive frames of one instrument change its quote. */
const VARIANTS = 4;

/**
 * The frames to cycle through for these market data requests: per variant and request a bid, an ask and
 * a volume, each a new value, as a busy quote line sends them.
 */
export function blastFrames(reqIds: readonly number[]): BlastFrame[] {
  const frames: BlastFrame[] = [];
  for (let variant = 0; variant < VARIANTS; variant++) {
    for (const reqId of reqIds) {
      const bid = (100 + reqId + variant / 100).toFixed(2);
      const ask = (100 + reqId + (variant + 1) / 100).toFixed(2);
      frames.push(
        { bytes: encodeFrame([TICK_PRICE, 6, reqId, BID, bid, 100 + variant, 0]), events: 1 },
        { bytes: encodeFrame([TICK_PRICE, 6, reqId, ASK, ask, 200 + variant, 0]), events: 2 },
        { bytes: encodeFrame([TICK_SIZE, 6, reqId, VOLUME, 10_000 + variant]), events: 1 },
      );
    }
  }
  return frames;
}

/** Tick events per frame across a full cycle of blastFrames (4 events per 3 frames). */
export const EVENTS_PER_FRAME = 4 / 3;
