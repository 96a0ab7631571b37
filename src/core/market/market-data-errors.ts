/**
 * What an IB error on a reqMktData means, and what the caller does about it:
 * - delayed-fallback: ask again after reqMarketDataType(3); the quote will say 'delayed'.
 * - showing-delayed: IB already sends delayed data (10167); only the label changes.
 * - not-subscribed: even delayed data was refused (or was already asked for); stop falling back.
 * - no-security, line-limit, competing-session: the subscription failed for that reason.
 * - other: not a market data matter this module knows; IB's own words are passed through.
 */
export type MarketDataErrorKind =
  | 'delayed-fallback'
  | 'showing-delayed'
  | 'not-subscribed'
  | 'no-security'
  | 'line-limit'
  | 'competing-session'
  | 'other';

export interface MarketDataError {
  kind: MarketDataErrorKind;
  code: number;
  /** A sentence for the person at the screen. */
  message: string;
  /** IB's text, for the log. */
  ibText: string;
}

/** 354, 10089, 10168, 10186: no real-time subscription for the instrument (IB's texts vary by version). */
const NOT_SUBSCRIBED = new Set([354, 10089, 10168, 10186]);
/** 10090, 10091: part of the data needs a subscription; the rest keeps flowing. */
const PARTLY_SUBSCRIBED = new Set([10090, 10091]);

const DELAYED = 'delayed prices (usually 15 to 20 minutes old)';

export function classifyMarketDataError(
  code: number,
  ibText: string,
  context: { delayedRequested: boolean },
): MarketDataError {
  const result = (kind: MarketDataErrorKind, message: string): MarketDataError => ({ kind, code, message, ibText });
  if (NOT_SUBSCRIBED.has(code) || PARTLY_SUBSCRIBED.has(code)) {
    const partly = PARTLY_SUBSCRIBED.has(code);
    if (!context.delayedRequested) {
      return result(
        'delayed-fallback',
        `This login has no real-time market data subscription for ${partly ? 'some of ' : ''}this instrument, so Gatehouse shows ${DELAYED} instead.`,
      );
    }
    return result(
      'not-subscribed',
      partly
        ? 'Part of the market data for this instrument needs a subscription this login does not have, and IBKR offers no delayed data for it; some prices stay empty.'
        : 'This login has no market data subscription for this instrument, and IBKR offers no delayed data for it. Subscribe to its exchange in the IBKR Client Portal to see prices.',
    );
  }
  switch (code) {
    case 10167:
      return result(
        'showing-delayed',
        `This login has no real-time market data subscription for this instrument; IBKR is sending ${DELAYED}.`,
      );
    case 200:
      return result(
        'no-security',
        'IBKR does not know this instrument (no security definition was found). Check the symbol, exchange and currency.',
      );
    case 101:
      return result(
        'line-limit',
        'IB Gateway has no market data lines left (other programs on this IBKR login may be using some). Remove a symbol from the watchlist or close a chart to watch another.',
      );
    case 10197:
      return result(
        'competing-session',
        'Your IBKR login is active elsewhere (another TWS, Gateway or the mobile app), so IBKR sends no market data here until that session ends.',
      );
    default:
      return result('other', `IB Gateway error ${code}: ${ibText}`);
  }
}
