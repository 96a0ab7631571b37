/** The broker export formats the import reads; see each parser for the columns it reads and why. */
export const HOLDINGS_FORMATS = ['fidelity', 'schwab', 'robinhood', 'generic'] as const;
export type HoldingsFormat = (typeof HOLDINGS_FORMATS)[number];

/** One position read from another broker's export. */
export interface ImportedHolding {
  /** The line of the file it came from. */
  line: number;
  /** A ticker, upper case; "CASH" for cash and money-market sweep lines. */
  symbol: string;
  description: string;
  /** Shares, or for cash the amount in USD. */
  quantity: number;
  /** What the whole position cost, in USD; null when the export does not say. */
  costBasis: number | null;
  kind: 'security' | 'cash';
}

/** A line that looked like a position but could not be read: shown to the person, never dropped silently. */
export interface RefusedRow {
  line: number;
  reason: string;
}

export interface ParsedHoldings {
  format: HoldingsFormat;
  holdings: ImportedHolding[];
  refused: RefusedRow[];
}

/** A ticker as exports write them: letters, digits, dots and dashes (BRK.B, BF-B), up to 12 characters. */
export const TICKER = /^[A-Z][A-Z0-9.-]{0,11}$/;
