import { type BarRequest, type HistoricalWhatToShow } from '../world';

/**
 * Parsing of reqHistoricalData's text fields the way the gateway reads them, and IBKR's historical-data
 * pacing rules as the gateway enforces them (the app's own pacer must keep it from ever tripping these).
 */

const SECONDS = { S: 1, D: 86_400, W: 7 * 86_400, M: 30 * 86_400, Y: 365 * 86_400 } as const;

const BAR_UNITS: Record<string, number> = {
  sec: 1,
  secs: 1,
  min: 60,
  mins: 60,
  hour: 3600,
  hours: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
};

const WHAT_TO_SHOW = new Set<string>(['TRADES', 'MIDPOINT', 'BID', 'ASK']);

export type ParsedHistoryRequest = { ok: true; request: BarRequest } | { ok: false; message: string };

/** "1 D", "3600 S", "6 M", "1 Y" → seconds. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+)\s+([SDWMY])\s*$/.exec(text);
  if (!match) return null;
  const count = Number(match[1]);
  return count > 0 ? count * SECONDS[match[2] as keyof typeof SECONDS] : null;
}

/** "1 min", "5 mins", "1 hour", "1 day" → seconds. */
export function parseBarSize(text: string): number | null {
  const match = /^\s*(\d+)\s+([a-z]+)\s*$/.exec(text);
  if (!match) return null;
  const unit = BAR_UNITS[match[2] ?? ''];
  const count = Number(match[1]);
  return unit && count > 0 ? count * unit : null;
}

/**
 * endDateTime: '' for now, 'YYYYMMDD HH:MM:SS', 'YYYYMMDD-HH:MM:SS' (UTC) or either with a trailing zone.
 * Zones other than UTC are read as UTC: the simulator's bars run round the clock and no test depends on it.
 */
export function parseEndTime(text: string, nowMs: number): number | null {
  if (text.trim() === '') return Math.floor(nowMs / 1000);
  const match = /^(\d{4})(\d{2})(\d{2})[ -](\d{2}):(\d{2}):(\d{2})(?:\s+\S+)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return Number.isNaN(ms) ? null : ms / 1000;
}

export function parseHistoryRequest(
  fields: { endDateTime: string; durationStr: string; barSizeSetting: string; whatToShow: string },
  nowMs: number,
): ParsedHistoryRequest {
  const durationSeconds = parseDuration(fields.durationStr);
  if (durationSeconds === null)
    return { ok: false, message: `Historical data request duration "${fields.durationStr}" is invalid.` };
  const barSizeSeconds = parseBarSize(fields.barSizeSetting);
  if (barSizeSeconds === null)
    return { ok: false, message: `Historical data bar size setting "${fields.barSizeSetting}" is invalid.` };
  if (!WHAT_TO_SHOW.has(fields.whatToShow))
    return { ok: false, message: `Historical data whatToShow "${fields.whatToShow}" is not supported.` };
  const endTime = parseEndTime(fields.endDateTime, nowMs);
  if (endTime === null) return { ok: false, message: `End date/time "${fields.endDateTime}" cannot be parsed.` };
  return {
    ok: true,
    request: { endTime, durationSeconds, barSizeSeconds, whatToShow: fields.whatToShow as HistoricalWhatToShow },
  };
}

/** Bar date as the client asked: formatDate 2 → epoch seconds; 1 → 'YYYYMMDD' for daily bars, else with the time. */
export function formatBarDate(epochSeconds: number, barSizeSeconds: number, formatDate: number): string {
  if (formatDate === 2) return String(epochSeconds);
  const iso = new Date(epochSeconds * 1000).toISOString();
  const day = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  return barSizeSeconds >= 86_400 ? day : `${day} ${iso.slice(11, 19)} UTC`;
}

/** IBKR's wording for every pacing refusal (error 162); which limit was hit is only logged. */
export const PACING_VIOLATION = 'Historical Market Data Service error message:Historical data request pacing violation';

export interface PacingKey {
  conId: number;
  endDateTime: string;
  durationStr: string;
  barSizeSetting: string;
  whatToShow: string;
  useRTH: boolean;
}

/**
 * IBKR's three pacing limits for historical data: no identical request within 15 s, no more than 6
 * requests for the same contract (and data type) within 2 s, no more than 60 requests in 10 minutes.
 * One instance per login, as IBKR counts them per user, not per connection.
 */
export class HistoryPacingGate {
  private readonly recent: { at: number; identity: string; contract: string }[] = [];

  /** Records the request and returns null, or returns which limit it breaks (and does not count it). */
  check(key: PacingKey, nowMs: number): string | null {
    while (this.recent.length > 0 && nowMs - (this.recent[0]?.at ?? 0) >= 600_000) this.recent.shift();
    const identity = JSON.stringify(key);
    const contract = `${key.conId}/${key.whatToShow}`;
    if (this.recent.some((entry) => entry.identity === identity && nowMs - entry.at < 15_000))
      return 'an identical request within 15 s';
    if (this.recent.filter((entry) => entry.contract === contract && nowMs - entry.at < 2_000).length >= 5)
      return 'a 6th request for the same contract within 2 s';
    if (this.recent.length >= 60) return 'more than 60 requests in 10 minutes';
    this.recent.push({ at: nowMs, identity, contract });
    return null;
  }
}
