import type { ChainExpiry, OptionRight } from '../../shared/options';

/**
 * Which option an IRA income trader writes by default: the chain's next standard (monthly) expiry far
 * enough out to collect some premium, and the first strike out of the money — above the price for a
 * covered call, below it for a cash-secured put. Pure, so the choice is tested on plain chains.
 */

/** Fewer days than this to expiry and the monthly is passed over for the one after. */
export const MIN_DAYS_TO_EXPIRY = 5;

const DAY_MS = 86_400_000;
const dateOf = (yyyymmdd: string) =>
  Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));

/** The first monthly expiry at least `minDays` after `today` (YYYYMMDD); null when the chain lists none. */
export function nextMonthlyExpiry(
  expiries: readonly ChainExpiry[],
  today: string,
  minDays: number = MIN_DAYS_TO_EXPIRY,
): string | null {
  const earliest = dateOf(today) + minDays * DAY_MS;
  const monthly = expiries
    .filter((entry) => entry.kind === 'monthly' && dateOf(entry.expiry) >= earliest)
    .map((entry) => entry.expiry)
    .sort();
  return monthly[0] ?? null;
}

/**
 * The strike nearest the money on the out-of-the-money side: the lowest strike above `price` for a call,
 * the highest below it for a put. Null without a price or with no strike on that side.
 */
export function firstOutOfTheMoney(
  strikes: readonly number[],
  price: number | null,
  right: OptionRight,
): number | null {
  if (price === null || !(price > 0)) return null;
  const outside = strikes.filter((strike) => (right === 'C' ? strike > price : strike < price));
  if (outside.length === 0) return null;
  return right === 'C' ? Math.min(...outside) : Math.max(...outside);
}
