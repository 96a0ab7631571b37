import { type Instrument, type Quote } from './types';

/**
 * The simulated market scanner: three of IBKR's scan codes over the US stocks, ranked from the live walk.
 * TOP_PERC_GAIN ranks by change since the previous close, MOST_ACTIVE by the day's volume and HOT_BY_VOLUME by
 * the latest trade's size against the day's average (there is no volume history to compare with).
 */

export const SCAN_CODES = {
  TOP_PERC_GAIN: 'Top % Gainers',
  MOST_ACTIVE: 'Most Active',
  HOT_BY_VOLUME: 'Hot by Volume',
} as const;
export type ScanCode = keyof typeof SCAN_CODES;
export const SCAN_INSTRUMENT = 'STK';
export const SCAN_LOCATION = 'STK.US.MAJOR';
/** IBKR returns at most 50 rows per scan. */
export const MAX_SCAN_ROWS = 50;

export interface ScanFilter {
  rows: number | undefined;
  abovePrice: number | undefined;
  belowPrice: number | undefined;
  aboveVolume: number | undefined;
}

export function isScanCode(code: string): code is ScanCode {
  return Object.hasOwn(SCAN_CODES, code);
}

/** Instruments a scan of `instrument` at `location` covers: the USD stocks for STK at STK.US.MAJOR. */
export function scannable(instrument: Instrument): boolean {
  return instrument.secType === 'STK' && instrument.currency === 'USD';
}

function score(code: ScanCode, quote: Readonly<Quote>): number {
  if (code === 'TOP_PERC_GAIN') return quote.close > 0 ? (quote.last - quote.close) / quote.close : 0;
  if (code === 'MOST_ACTIVE') return quote.volume;
  return quote.volume > 0 ? quote.lastSize / quote.volume : 0;
}

/** The instruments of a scan, best first; ties keep the catalog order. */
export function scan(
  code: ScanCode,
  candidates: readonly { instrument: Instrument; quote: Readonly<Quote> }[],
  filter: ScanFilter,
): Instrument[] {
  const rows = Math.min(filter.rows ?? MAX_SCAN_ROWS, MAX_SCAN_ROWS);
  return candidates
    .filter(({ instrument }) => scannable(instrument))
    .filter(({ quote }) => filter.abovePrice === undefined || quote.last > filter.abovePrice)
    .filter(({ quote }) => filter.belowPrice === undefined || quote.last < filter.belowPrice)
    .filter(({ quote }) => filter.aboveVolume === undefined || quote.volume > filter.aboveVolume)
    .map((candidate) => ({ ...candidate, score: score(code, candidate.quote) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, rows))
    .map(({ instrument }) => instrument);
}

/** A small, valid reqScannerParameters answer naming what the simulator scans. */
export function scannerParametersXml(): string {
  const codes = Object.entries(SCAN_CODES)
    .map(
      ([code, name]) =>
        `<ScanType><displayName>${name}</displayName><scanCode>${code}</scanCode><instruments>${SCAN_INSTRUMENT}</instruments></ScanType>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><ScanParameterResponse>' +
    `<InstrumentList><Instrument><name>US Stocks</name><type>${SCAN_INSTRUMENT}</type></Instrument></InstrumentList>` +
    `<LocationTree><Location><displayName>US Major</displayName><locationCode>${SCAN_LOCATION}</locationCode>` +
    `<instruments>${SCAN_INSTRUMENT}</instruments></Location></LocationTree>` +
    `<ScanTypeList>${codes}</ScanTypeList></ScanParameterResponse>`
  );
}
