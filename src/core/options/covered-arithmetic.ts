import { count, money } from '../../shared/number-words';

/**
 * What covers a written call and what secures a written put, as an IRA income trader counts it: shares and
 * settled cash less what open short options and resting orders have already committed. Pure arithmetic on
 * figures; where they come from is covered-facts.ts. A NaN figure (not known) gives NaN results, so callers
 * fail closed.
 */

export interface ShareCoverInput {
  /** Shares of the underlying held (long; 0 when none). */
  held: number;
  /** Shares the open short calls on it already pledge (contracts × multiplier). */
  shortCallShares: number;
  /** Shares resting sell-to-open calls on it will pledge when they fill. */
  restingCallShares: number;
  /** Shares on resting sell orders of the stock itself. */
  restingStockSells: number;
}

export interface ShareCover extends ShareCoverInput {
  /** Already committed: short calls, resting call sales and resting stock sells. */
  committed: number;
  /** Shares not already covering anything: what new calls may be written against (never below 0). */
  free: number;
}

export function shareCover(input: ShareCoverInput): ShareCover {
  const committed = input.shortCallShares + input.restingCallShares + input.restingStockSells;
  return { ...input, committed, free: Math.max(0, input.held - committed) };
}

export interface CashSecureInput {
  /** Settled cash in the option's currency. */
  settled: number;
  /** Cash securing the open short puts (strike × multiplier × contracts). */
  shortPutCash: number;
  /** Cash resting buy orders will spend. */
  restingBuys: number;
  /** Cash resting sell-to-open puts will need once they fill. */
  restingPutCash: number;
}

export interface CashSecure extends CashSecureInput {
  committed: number;
  /** Settled cash not already committed (never below 0). */
  free: number;
}

export function cashSecure(input: CashSecureInput): CashSecure {
  const committed = input.shortPutCash + input.restingBuys + input.restingPutCash;
  return { ...input, committed, free: Math.max(0, input.settled - committed) };
}

/** Whole contracts the free shares cover: 250 free shares cover 2 calls of 100. */
export function coverableContracts(cover: ShareCover, multiplier: number): number {
  const contracts = Math.floor(cover.free / multiplier);
  return Number.isFinite(contracts) ? contracts : 0;
}

/** Whole puts at a strike the free settled cash secures. */
export function securableContracts(secure: CashSecure, strike: number, multiplier: number): number {
  const contracts = Math.floor(secure.free / (strike * multiplier));
  return Number.isFinite(contracts) && contracts > 0 ? contracts : 0;
}

/** "covered by 200 AAPL, 0 already committed": the shares held and how many other obligations claim. */
export function coverSentence(cover: ShareCover, symbol: string): string {
  return `covered by ${count(cover.held)} ${symbol}, ${count(cover.committed)} already committed`;
}

/** "$22,000.00 of $92,500.00 settled cash": the put's obligation against the settled cash. */
export function secureSentence(obligation: number, secure: CashSecure, currency: string): string {
  const committed = secure.committed > 0 ? ` (${money(secure.committed, currency)} already committed)` : '';
  return `${money(obligation, currency)} of ${money(secure.settled, currency)} settled cash${committed}`;
}
