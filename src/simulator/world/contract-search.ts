import { type ContractQuery, type Instrument } from './types';

/** reqMatchingSymbols answers with at most this many descriptions. */
const MAX_SYMBOL_MATCHES = 16;

/** Clients send '' (or nothing) for fields they leave open. */
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
const normal = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase();

const RIGHTS: Record<string, string> = { C: 'C', CALL: 'C', P: 'P', PUT: 'P' };

/**
 * The instruments a client's contract describes. A conId settles it alone; otherwise every given field must
 * agree. SMART is accepted for any instrument (the simulator routes everything), an expiry may be given as
 * YYYYMM, and a query naming neither conId, symbol nor localSymbol matches nothing rather than everything.
 */
export function findInstruments(instruments: readonly Instrument[], query: ContractQuery): Instrument[] {
  if (query.conId) return instruments.filter((instrument) => instrument.conId === query.conId);
  if (!given(query.symbol) && !given(query.localSymbol)) return [];
  const wanted = normalQuery(query);
  return instruments.filter((instrument) => matches(instrument, wanted));
}

/** The query's given fields, normalised once: the catalog holds thousands of options to compare against. */
interface NormalQuery {
  symbol?: string;
  secType?: string;
  currency?: string;
  exchange?: string;
  lastTradeDate?: string;
  strike?: number;
  right?: string;
  localSymbol?: string;
}

function normalQuery(query: ContractQuery): NormalQuery {
  const { symbol, secType, currency, exchange, lastTradeDate, right, localSymbol } = query;
  return {
    symbol: given(symbol) ? normal(symbol) : undefined,
    secType: given(secType) ? normal(secType) : undefined,
    currency: given(currency) ? normal(currency) : undefined,
    exchange: given(exchange) ? normal(exchange) : undefined,
    lastTradeDate: given(lastTradeDate) ? lastTradeDate.trim() : undefined,
    strike: query.strike || undefined,
    right: given(right) ? (RIGHTS[normal(right)] ?? '?') : undefined,
    localSymbol: given(localSymbol) ? normal(localSymbol) : undefined,
  };
}

/** Catalog fields are upper case already; only local symbols (OCC ones pad with spaces) need normalising. */
function matches(instrument: Instrument, query: NormalQuery): boolean {
  const { symbol, secType, currency, exchange, lastTradeDate, strike, right, localSymbol } = query;
  if (symbol !== undefined && instrument.symbol !== symbol) return false;
  if (secType !== undefined && instrument.secType !== secType) return false;
  if (currency !== undefined && instrument.currency !== currency) return false;
  if (exchange !== undefined && ![instrument.exchange, instrument.primaryExchange, 'SMART'].includes(exchange)) {
    return false;
  }
  if (lastTradeDate !== undefined && !instrument.lastTradeDate.startsWith(lastTradeDate)) return false;
  if (strike !== undefined && Math.abs(instrument.strike - strike) > 1e-9) return false;
  if (right !== undefined && right !== instrument.right) return false;
  if (localSymbol !== undefined && normal(instrument.localSymbol) !== localSymbol) return false;
  return true;
}

/**
 * reqMatchingSymbols: symbols starting with the pattern, then names containing it; stocks and ETFs ahead of
 * other kinds within each. Options are left out — IBKR lists their underlying with OPT among its
 * derivative sec types instead.
 */
export function matchSymbols(instruments: readonly Instrument[], pattern: string): Instrument[] {
  const wanted = normal(pattern);
  if (wanted === '') return [];
  const rank = (instrument: Instrument): number => {
    const closeness = instrument.symbol.toUpperCase().startsWith(wanted) ? 0 : 2;
    return closeness + (instrument.secType === 'STK' ? 0 : 1);
  };
  return instruments
    .filter((instrument) => instrument.secType !== 'OPT')
    .filter(
      (instrument) =>
        instrument.symbol.toUpperCase().startsWith(wanted) || instrument.longName.toUpperCase().includes(wanted),
    )
    .sort((a, b) => rank(a) - rank(b) || a.symbol.localeCompare(b.symbol))
    .slice(0, MAX_SYMBOL_MATCHES);
}
