import { MAX_SERVER_VERSION, MIN_SERVER_VERSION, WireError } from './messages';

/** What a client offers in its first frame: the server versions it can speak and IB-internal connect options. */
export interface VersionRange {
  min: number;
  max: number;
  /** Everything after the first space, e.g. '+PACEAPI'; '' when absent. */
  connectOptions: string;
}

const VERSION_TEXT = /^v(\d{1,9})(?:\.\.(\d{1,9}))?(?: (.*))?$/s;

/** Parses `v<min>..<max>` or `v<n>`, optionally followed by a space and connect options. */
export function parseVersionRange(text: string): VersionRange {
  // Clients send the range without a terminator, but tolerate one NUL in case a client frames it like a message.
  const body = text.endsWith('\0') ? text.slice(0, -1) : text;
  const match = VERSION_TEXT.exec(body);
  if (!match) throw new WireError(`The client's version frame "${printable(body)}" is not "v<min>..<max>" or "v<n>"`);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (min > max) throw new WireError(`The client's version range ${min}..${max} is empty`);
  return { min, max, connectOptions: match[3] ?? '' };
}

/** The highest version both sides speak, or null when the client's range misses ours entirely. */
export function negotiateVersion(range: VersionRange): number | null {
  if (range.max < MIN_SERVER_VERSION || range.min > MAX_SERVER_VERSION) return null;
  return Math.min(range.max, MAX_SERVER_VERSION);
}

function printable(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a log line raw
  return shown.replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
