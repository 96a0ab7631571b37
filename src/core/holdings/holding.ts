import type { ExternalHolding, HoldingsCheck, RefusedRow } from '../../shared/holdings';

/**
 * What the parsers produce is what the contract carries: a holding (a ticker, or "CASH" with its amount as
 * the quantity, and the whole position's cost in USD), a refused line with its number and reason, and the
 * file's format with both lists.
 */
export type ImportedHolding = ExternalHolding;
export type { RefusedRow };
export type ParsedHoldings = HoldingsCheck;
export type HoldingsFormat = HoldingsCheck['format'];

/** A ticker as exports write them: letters, digits, dots and dashes (BRK.B, BF-B), up to 12 characters. */
export const TICKER = /^[A-Z][A-Z0-9.-]{0,11}$/;

/** A description as shown: its first line (Robinhood adds "CUSIP: …" on a second), at most 120 characters. */
export function descriptionOf(text: string, symbol: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 120) || symbol;
}
