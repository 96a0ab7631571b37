import { count, money, plural } from '../../shared/number-words';
import type { ChainExpiry, OptionRight } from '../../shared/options';
import {
  coverableContracts,
  coverSentence,
  securableContracts,
  secureSentence,
  type CashSecure,
  type ShareCover,
} from './covered-arithmetic';

/**
 * Which option an IRA income trader writes by default: the chain's next standard (monthly) expiry far
 * enough out to collect some premium, the first strike out of the money — above the price for a covered
 * call, below it for a cash-secured put — and as many contracts as the account has left to cover or secure.
 * Pure, so the choice is tested on plain chains.
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

export interface IncomeSize {
  contracts: number;
  sentence: string;
}

/** Calls the free shares cover, and the sentence that says so — or why there are none. */
export function coveredCallSize(cover: ShareCover, symbol: string, multiplier: number): IncomeSize {
  if (!Number.isFinite(cover.free)) {
    return { contracts: 0, sentence: `The shares of ${symbol} covering calls could not be counted; try again.` };
  }
  const contracts = coverableContracts(cover, multiplier);
  if (contracts === 0) {
    return {
      contracts,
      sentence: `Nothing left to cover: ${count(cover.free)} ${symbol} shares are free (${count(cover.held)} held, ${count(cover.committed)} already committed), fewer than the ${count(multiplier)} one call needs.`,
    };
  }
  return { contracts, sentence: `${plural(contracts, 'call')}, ${coverSentence(cover, symbol)}.` };
}

/** Puts at `strike` the free settled cash secures, and the sentence that says so — or why there are none. */
export function securedPutSize(secure: CashSecure, strike: number, multiplier: number, currency: string): IncomeSize {
  if (!Number.isFinite(secure.free)) {
    return { contracts: 0, sentence: `The settled cash securing puts could not be worked out; try again.` };
  }
  const contracts = securableContracts(secure, strike, multiplier);
  if (contracts === 0) {
    return {
      contracts,
      sentence: `Nothing left to secure a put: ${money(secure.free, currency)} of settled cash is free, less than the ${money(strike * multiplier, currency)} one contract at ${count(strike)} needs.`,
    };
  }
  const obligation = contracts * strike * multiplier;
  return {
    contracts,
    sentence: `${plural(contracts, 'put')}, secured by ${secureSentence(obligation, secure, currency)}.`,
  };
}
