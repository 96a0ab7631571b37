const DAY_MS = 86_400_000;
/** CME month codes, January first. */
const FUTURES_MONTH_CODES = 'FGHJKMNQUVXZ';

/** The third Friday of a month (UTC): expiry day for US equity options and CME equity-index futures. */
export function thirdFriday(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month, 1));
  const firstFriday = 1 + ((5 - first.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), firstFriday + 14));
}

export function yyyymmdd(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The monthly expiry two months out: always in the future, and far enough that the chain has time value. */
export function monthlyOptionExpiry(nowMs: number): Date {
  const now = new Date(nowMs);
  return thirdFriday(now.getUTCFullYear(), now.getUTCMonth() + 2);
}

/**
 * A US equity option chain's expiries after today (UTC): the next three monthlies (third Fridays) and the next
 * four weekly Fridays, in date order, a weekly that falls on a monthly counted once.
 */
export function optionChainExpiries(nowMs: number): Date[] {
  const now = new Date(nowMs);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monthlies: Date[] = [];
  for (let month = now.getUTCMonth(); monthlies.length < 3; month += 1) {
    const expiry = thirdFriday(now.getUTCFullYear(), month);
    if (expiry.getTime() > today) monthlies.push(expiry);
  }
  const daysToFriday = (5 - now.getUTCDay() + 7) % 7 || 7;
  const weeklies = [0, 1, 2, 3].map((week) => new Date(today + (daysToFriday + 7 * week) * DAY_MS));
  const unique = new Map([...monthlies, ...weeklies].map((expiry) => [expiry.getTime(), expiry]));
  return [...unique.values()].sort((a, b) => a.getTime() - b.getTime());
}

/** The front quarterly contract, skipping one in its last week — traders have rolled out of it by then. */
export function quarterlyFutureExpiry(nowMs: number): Date {
  const now = new Date(nowMs);
  let month = now.getUTCMonth() - (now.getUTCMonth() % 3) + 2;
  while (thirdFriday(now.getUTCFullYear(), month).getTime() - nowMs < 7 * DAY_MS) month += 3;
  return thirdFriday(now.getUTCFullYear(), month);
}

/** E.g. "ESZ5": root, month code, last digit of the year — how CME and IBKR spell a contract month. */
export function futuresLocalSymbol(root: string, expiry: Date): string {
  return `${root}${FUTURES_MONTH_CODES[expiry.getUTCMonth()]}${expiry.getUTCFullYear() % 10}`;
}

/** OCC option symbol as IBKR reports it in localSymbol: root padded to six, YYMMDD, right, strike × 1000. */
export function occSymbol(root: string, lastTradeDate: string, right: 'C' | 'P', strike: number): string {
  return `${root.padEnd(6)}${lastTradeDate.slice(2)}${right}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}

/** Calendar years from now to an expiry, as option pricing wants them. */
export function yearsUntil(expiry: Date, nowMs: number): number {
  return Math.max(0, expiry.getTime() - nowMs) / (365 * DAY_MS);
}
