import type { OptionFigures } from './market';

/**
 * How much of each underlying a book is exposed to, in shares, and what time costs it a day. Pure, so the
 * positions strip, the ticket and the confirmation count the same way: a share of stock is one delta; an
 * option contract is its delta × its multiplier; theta per contract share × multiplier is dollars a day.
 */

/** One holding as the count needs it; `underlying` is the stock's symbol for an option too. */
export interface Holding {
  account: string;
  conId: number;
  underlying: string;
  secType: string;
  quantity: number;
}

/** An option's terms the count needs: shares per contract. */
export interface OptionTerms {
  multiplier: number;
}

export interface Exposure {
  underlying: string;
  /** Delta in shares of the underlying. */
  delta: number;
  /** Dollars a day the options lose (negative) or earn to time. */
  thetaPerDay: number;
  /** Option holdings left out for want of greeks: the figures above are incomplete while this is above 0. */
  missing: number;
}

export interface GreeksBook {
  /** Per account, per underlying, in symbol order. */
  accounts: Map<string, Exposure[]>;
  /** Every account together, per underlying. */
  consolidated: Exposure[];
}

/** Instruments whose delta is one share per unit held. */
const SHARES = new Set(['STK', 'ETF']);

/** One holding's delta in shares and theta per day; null for an option without greeks yet. */
export function holdingGreeks(
  holding: Holding,
  terms: OptionTerms | undefined,
  figures: OptionFigures | undefined,
): { delta: number; thetaPerDay: number } | null {
  if (SHARES.has(holding.secType)) return { delta: holding.quantity, thetaPerDay: 0 };
  if (holding.secType !== 'OPT') return null;
  if (figures?.delta == null) return null;
  const shares = (terms?.multiplier ?? 100) * holding.quantity;
  return { delta: figures.delta * shares, thetaPerDay: (figures.theta ?? 0) * shares };
}

export function greeksBook(
  holdings: readonly Holding[],
  terms: (conId: number) => OptionTerms | undefined,
  figures: (conId: number) => OptionFigures | undefined,
): GreeksBook {
  const perAccount = new Map<string, Map<string, Exposure>>();
  const consolidated = new Map<string, Exposure>();
  for (const holding of holdings) {
    if (!SHARES.has(holding.secType) && holding.secType !== 'OPT') continue;
    const greeks = holdingGreeks(holding, terms(holding.conId), figures(holding.conId));
    let account = perAccount.get(holding.account);
    if (account === undefined) perAccount.set(holding.account, (account = new Map()));
    for (const book of [account, consolidated]) add(book, holding.underlying, greeks);
  }
  return {
    accounts: new Map([...perAccount].map(([account, book]) => [account, sorted(book)])),
    consolidated: sorted(consolidated),
  };
}

/** The delta in shares an order adds: a buy adds the instrument's delta, a sell takes it away. */
export function orderDelta(
  order: { action: 'BUY' | 'SELL'; quantity: number; secType: string; multiplier?: number },
  delta: number | null,
): number | null {
  const sign = order.action === 'BUY' ? 1 : -1;
  if (SHARES.has(order.secType)) return sign * order.quantity;
  if (order.secType !== 'OPT' || delta === null) return null;
  return sign * order.quantity * (order.multiplier ?? 100) * delta;
}

function add(book: Map<string, Exposure>, underlying: string, greeks: ReturnType<typeof holdingGreeks>): void {
  let exposure = book.get(underlying);
  if (exposure === undefined) book.set(underlying, (exposure = { underlying, delta: 0, thetaPerDay: 0, missing: 0 }));
  if (greeks === null) exposure.missing += 1;
  else {
    exposure.delta += greeks.delta;
    exposure.thetaPerDay += greeks.thetaPerDay;
  }
}

function sorted(book: Map<string, Exposure>): Exposure[] {
  return [...book.values()].sort((a, b) => a.underlying.localeCompare(b.underlying));
}
