import { type ContractQuery, type Instrument } from './types';

/** reqMatchingSymbols answers with at most this many descriptions. */
const MAX_SYMBOL_MATCHES = 16;

/** Clients send '' (or nothing) for fields they leave open. */
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
const normal = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase();
const same = (a: string, b: string): boolean => normal(a) === normal(b);

const RIGHTS: Record<string, string> = { C: 'C', CALL: 'C', P: 'P', PUT: 'P' };

/**
 * The instruments a client's contract describes. A conId settles it alone; otherwise every given field must
 * agree. SMART is accepted for any instrument (the simulator routes everything), an expiry may be given as
 * YYYYMM, and a query naming neither conId, symbol nor localSymbol matches nothing rather than everything.
 */
export function findInstruments(instruments: readonly Instrument[], query: ContractQuery): Instrument[] {
  if (query.conId) return instruments.filter((instrument) => instrument.conId === query.conId);
  if (!given(query.symbol) && !given(query.localSymbol)) return [];
  return instruments.filter((instrument) => matches(instrument, query));
}

function matches(instrument: Instrument, query: ContractQuery): boolean {
  const { symbol, secType, currency, exchange, lastTradeDate, strike, right, localSymbol } = query;
  if (given(symbol) && !same(instrument.symbol, symbol)) return false;
  if (given(secType) && !same(instrument.secType, secType)) return false;
  if (given(currency) && !same(instrument.currency, currency)) return false;
  if (given(exchange) && ![instrument.exchange, instrument.primaryExchange, 'SMART'].some((e) => same(e, exchange))) {
    return false;
  }
  if (given(lastTradeDate) && !instrument.lastTradeDate.startsWith(lastTradeDate.trim())) return false;
  if (strike && Math.abs(instrument.strike - strike) > 1e-9) return false;
  if (given(right) && RIGHTS[normal(right)] !== instrument.right) return false;
  if (given(localSymbol) && !same(instrument.localSymbol, localSymbol)) return false;
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
