import type { PositionRow } from '../../shared/accounts';
import type { ExternalHolding } from '../../shared/holdings';
import { NO_IBKR_PRICE } from '../../shared/holdings-words';
import type { Listing, Quote } from '../../shared/market';
import { dailyPnlPct } from '../accounts/consolidate';

/**
 * A stand-in contract id for what IBKR does not resolve (and for cash): negative, so it never meets a real
 * conId, and the same for a symbol in every external account, so the consolidated view adds them up.
 */
export function standInConId(symbol: string): number {
  let hash = 0;
  for (const ch of symbol) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return -(Math.abs(hash) % 2_000_000_000) - 1;
}

/** The price a holding is valued at: the last trade, else the midpoint, else the previous close. */
function priceOf(quote: Quote | undefined): number | null {
  if (quote === undefined) return null;
  if (quote.last !== null) return quote.last;
  if (quote.bid !== null && quote.ask !== null) return (quote.bid + quote.ask) / 2;
  return quote.close;
}

export interface HoldingPrice {
  /** The IBKR contract the symbol resolved to; null when IBKR has none (the row says "no IBKR price"). */
  listing: Listing | null;
  quote: Quote | undefined;
  /** Why a resolved symbol has no quote line (every market data line in use). */
  noLine?: string;
}

/** One external holding as a positions row, valued at IBKR's live price where the symbol resolved. */
export function externalRow(account: string, holding: ExternalHolding, price: HoldingPrice | undefined): PositionRow {
  const base = {
    account,
    symbol: holding.symbol,
    description: holding.description,
    quantity: holding.quantity,
    avgCost: holding.costBasis === null ? null : holding.costBasis / holding.quantity,
    pctOfAccount: null,
    external: true as const,
  };
  if (holding.kind === 'cash') {
    return {
      ...base,
      conId: standInConId('CASH'),
      secType: 'CASH',
      currency: 'USD',
      marketPrice: 1,
      marketValue: holding.quantity,
      unrealizedPnl: 0,
      dailyPnl: 0,
      dailyPnlPct: 0,
    };
  }
  const listing = price?.listing ?? null;
  const last = priceOf(price?.quote);
  const close = price?.quote?.close ?? null;
  const marketValue = last === null ? null : last * holding.quantity;
  const dailyPnl = last === null || close === null ? null : (last - close) * holding.quantity;
  return {
    ...base,
    conId: listing?.conId ?? standInConId(holding.symbol),
    secType: listing?.secType ?? 'STK',
    currency: listing?.currency ?? 'USD',
    marketPrice: last,
    marketValue,
    unrealizedPnl: marketValue === null || holding.costBasis === null ? null : marketValue - holding.costBasis,
    dailyPnl,
    dailyPnlPct: dailyPnlPct(dailyPnl, marketValue),
    ...(price !== undefined && listing === null ? { priceNote: NO_IBKR_PRICE } : {}),
    ...(price?.noLine === undefined ? {} : { priceNote: `${NO_IBKR_PRICE}: ${price.noLine}` }),
  };
}
