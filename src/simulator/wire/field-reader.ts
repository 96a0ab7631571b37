import { isUnsetDouble } from './frame';
import { WireError } from './messages';

/** IBKR's "unset" integer (Java's Integer.MAX_VALUE); clients send it or an empty field. */
const UNSET_INTEGER_TEXT = '2147483647';
/** Decimal sizes also arrive as Long.MAX_VALUE when unset. */
const UNSET_LONG_TEXT = '9223372036854775807';

const INTEGER = /^[+-]?\d+$/;
// Deliberately stricter than Number(): it would accept ' ', '0x1f' and 'Infinity', none of which a client sends.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cursor over one message's fields. Every read names the field so that a short or malformed message is
 * reported as "which field, what text" rather than as a misaligned value further on. Empty numeric fields
 * read as 0 and empty booleans as false, as IBKR's own decoders do: clients send '' for values they never set.
 */
export class FieldReader {
  private index: number;
  /** Set once known, so that every later error is attributed to the message and request it belongs to. */
  msgId: number | undefined;
  reqId: number | undefined;

  constructor(
    private readonly fields: readonly string[],
    start = 0,
    context: { msgId?: number; reqId?: number } = {},
  ) {
    this.index = start;
    this.msgId = context.msgId;
    this.reqId = context.reqId;
  }

  get remaining(): number {
    return Math.max(0, this.fields.length - this.index);
  }

  /** Index of the next field to read. */
  get position(): number {
    return this.index;
  }

  fail(message: string): never {
    throw new WireError(message, this.msgId, this.reqId);
  }

  readString(name: string): string {
    const text = this.fields[this.index];
    if (text === undefined) this.fail(`The message ended before field "${name}" (field ${this.index})`);
    this.index += 1;
    return text;
  }

  readInt(name: string): number {
    const text = this.readString(name);
    if (text === '') return 0;
    return this.parseInt(name, text);
  }

  /** Empty or Integer.MAX_VALUE → undefined. */
  readIntOrUnset(name: string): number | undefined {
    const text = this.readString(name);
    if (text === '' || text === UNSET_INTEGER_TEXT) return undefined;
    return this.parseInt(name, text);
  }

  /** Reads an id and remembers it, so errors about the rest of the message name the request. */
  readRequestId(name = 'reqId'): number {
    const id = this.readInt(name);
    this.reqId = id;
    return id;
  }

  readDouble(name: string): number {
    const text = this.readString(name);
    if (text === '') return 0;
    return this.parseDecimal(name, text);
  }

  /** Empty or Double.MAX_VALUE → undefined. */
  readDoubleOrUnset(name: string): number | undefined {
    const text = this.readString(name);
    if (isUnsetDouble(text)) return undefined;
    return this.parseDecimal(name, text);
  }

  /** A size or quantity: '100', '0.5'; empty or any of IBKR's MAX_VALUE sentinels → undefined. */
  readDecimal(name: string): number | undefined {
    const text = this.readString(name);
    if (isUnsetDouble(text) || text === UNSET_INTEGER_TEXT || text === UNSET_LONG_TEXT) return undefined;
    return this.parseDecimal(name, text);
  }

  readBool(name: string): boolean {
    const text = this.readString(name);
    switch (text.toLowerCase()) {
      case '':
      case '0':
      case 'false':
        return false;
      case '1':
      case 'true':
        return true;
      default:
        return this.fail(`Field "${name}" should be a boolean (0/1) but was "${text}"`);
    }
  }

  private parseInt(name: string, text: string): number {
    const value = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(value))
      this.fail(`Field "${name}" should be an integer but was "${text}"`);
    return value;
  }

  private parseDecimal(name: string, text: string): number {
    const value = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(value))
      this.fail(`Field "${name}" should be a number but was "${text}"`);
    return value;
  }
}
