import type { ChainExpiry, ExpiryKind } from '../../shared/options';

/** The strike nearest `price`; on a tie the lower one. Null for an empty chain or no price. */
export function atTheMoneyStrike(strikes: readonly number[], price: number | null): number | null {
  if (price === null || !(price > 0)) return null;
  let best: number | null = null;
  for (const strike of strikes) {
    if (best === null || Math.abs(strike - price) < Math.abs(best - price)) best = strike;
  }
  return best;
}

/**
 * `eachSide` strikes below and above `center` and `center` itself, in ascending order; fewer at the chain's
 * ends. A center not listed is placed where it would sort.
 */
export function strikeWindow(strikes: readonly number[], center: number, eachSide: number): number[] {
  const sorted = [...new Set(strikes)].sort((a, b) => a - b);
  const at = sorted.findIndex((strike) => strike >= center);
  const index = at === -1 ? sorted.length - 1 : at;
  return sorted.slice(Math.max(0, index - eachSide), index + eachSide + 1);
}

/**
 * US equity options' standard (monthly) expiry is the third Friday; when that Friday is an exchange holiday
 * the options expire on the Thursday before. Any other expiry is a weekly.
 */
export function expiryKind(expiry: string): ExpiryKind {
  const date = new Date(
    Date.UTC(Number(expiry.slice(0, 4)), Number(expiry.slice(4, 6)) - 1, Number(expiry.slice(6, 8))),
  );
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  const thirdFriday = weekday === 5 && day >= 15 && day <= 21;
  const holidayThursday = weekday === 4 && day >= 14 && day <= 20 && isHoliday(date.getTime() + DAY_MS);
  return thirdFriday || holidayThursday ? 'monthly' : 'weekly';
}

const DAY_MS = 86_400_000;

/** The exchange holidays that ever fall on a third Friday: Good Friday and Juneteenth (June 19). */
function isHoliday(ms: number): boolean {
  const date = new Date(ms);
  if (date.getUTCMonth() === 5 && date.getUTCDate() === 19) return true;
  return ms === goodFriday(date.getUTCFullYear());
}

/** Easter Sunday by the anonymous Gregorian algorithm, less two days. */
function goodFriday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) - 2 * DAY_MS;
}

/** The chain's expiries after `today` (YYYYMMDD), in date order, each marked monthly or weekly. */
export function chainExpiries(expirations: readonly string[], today: string): ChainExpiry[] {
  return [...new Set(expirations)]
    .filter((expiry) => expiry >= today)
    .sort()
    .map((expiry) => ({ expiry, kind: expiryKind(expiry) }));
}
