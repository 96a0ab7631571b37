import { WireError, type WireField } from './messages';

/**
 * TWS API framing (v100+): every message is a 4-byte big-endian length and that many bytes of
 * NUL-terminated UTF-8 fields. The very first bytes a client sends are `API\0` followed by one such
 * frame holding its version range, so the reader strips that prefix once.
 */

const API_PREFIX = Buffer.from('API\0', 'latin1');
/** The gateway's own limit; a longer frame is a broken or hostile peer. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** IBKR's "unset" double on the wire is Double.MAX_VALUE; clients send it or an empty field. */
const UNSET_DOUBLE_TEXT = '1.7976931348623157E308';

export function formatField(field: WireField): string {
  if (field === undefined) return '';
  if (typeof field === 'boolean') return field ? '1' : '0';
  if (typeof field === 'number') {
    if (!Number.isFinite(field)) throw new WireError(`A field cannot be ${field}`);
    return String(field);
  }
  return field;
}

export function encodeFrame(fields: readonly WireField[]): Buffer {
  const body = Buffer.from(fields.map((field) => formatField(field) + '\0').join(''), 'utf8');
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

/** Splits a frame body into its fields (the trailing NUL ends the last field; it does not start another). */
export function splitFields(body: Buffer): string[] {
  const text = body.toString('utf8');
  const fields = text.split('\0');
  if (fields.at(-1) === '') fields.pop();
  return fields;
}

export function isUnsetDouble(text: string): boolean {
  return text === '' || text === UNSET_DOUBLE_TEXT || text === String(Number.MAX_VALUE);
}

/**
 * Incremental reader for one connection's byte stream. push() returns every frame body completed by the
 * chunk; a bad prefix or oversized length throws WireError and the connection must be closed, because
 * framing cannot be recovered once lost.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private awaitingPrefix: boolean;

  constructor(options: { expectApiPrefix: boolean }) {
    this.awaitingPrefix = options.expectApiPrefix;
  }

  /** Bytes received but not yet part of a whole frame (for backpressure and tests). */
  get pending(): number {
    return this.buffer.length;
  }

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    if (this.awaitingPrefix) {
      const have = Math.min(this.buffer.length, API_PREFIX.length);
      if (!this.buffer.subarray(0, have).equals(API_PREFIX.subarray(0, have)))
        throw new WireError('The client did not open with "API\\0": not a TWS API client, or a pre-v100 one');
      if (this.buffer.length < API_PREFIX.length) return frames;
      this.buffer = this.buffer.subarray(API_PREFIX.length);
      this.awaitingPrefix = false;
    }
    let offset = 0;
    while (this.buffer.length - offset >= 4) {
      const length = this.buffer.readUInt32BE(offset);
      if (length > MAX_FRAME_BYTES) throw new WireError(`A frame of ${length} bytes exceeds ${MAX_FRAME_BYTES}`);
      if (this.buffer.length - offset - 4 < length) break;
      frames.push(this.buffer.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    this.buffer = offset === 0 ? this.buffer : Buffer.from(this.buffer.subarray(offset));
    return frames;
  }
}
