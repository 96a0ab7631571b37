/**
 * The venues behind the simulator's instruments, as reference data: the exchanges SMART routes US stocks to
 * (reqSmartComponents, keyed by the bboExchange that tickReqParams names) and the market depth each venue offers
 * (reqMktDepthExchanges).
 */

export interface SmartVenue {
  bitNumber: number;
  exchange: string;
  /** The venue's letter in consolidated (CTA/UTP) quotes. */
  exchangeLetter: string;
}

export interface DepthVenue {
  exchange: string;
  secType: string;
  listingExchange: string;
  /** 'Deep2' where the venue publishes full depth, 'Deep' for top levels only. */
  serviceDataType: 'Deep' | 'Deep2';
  /** Venues with the same aggregation group are merged in SMART depth; undefined: none. */
  aggGroup: number | undefined;
}

/** The bboExchange code the simulator's tickReqParams names for US stocks. */
export const US_STOCK_BBO_EXCHANGE = '9c0001';

const US_STOCK_SMART_VENUES: readonly SmartVenue[] = [
  { bitNumber: 0, exchange: 'NYSE', exchangeLetter: 'N' },
  { bitNumber: 1, exchange: 'ARCA', exchangeLetter: 'P' },
  { bitNumber: 2, exchange: 'NASDAQ', exchangeLetter: 'Q' },
  { bitNumber: 3, exchange: 'AMEX', exchangeLetter: 'A' },
  { bitNumber: 4, exchange: 'BATS', exchangeLetter: 'Z' },
  { bitNumber: 5, exchange: 'BYX', exchangeLetter: 'Y' },
  { bitNumber: 6, exchange: 'EDGEA', exchangeLetter: 'J' },
  { bitNumber: 7, exchange: 'EDGX', exchangeLetter: 'K' },
  { bitNumber: 8, exchange: 'BEX', exchangeLetter: 'B' },
  { bitNumber: 9, exchange: 'PSX', exchangeLetter: 'X' },
  { bitNumber: 10, exchange: 'IEX', exchangeLetter: 'V' },
  { bitNumber: 11, exchange: 'CHX', exchangeLetter: 'M' },
];

/** The SMART components behind a bboExchange code, or undefined for a code the gateway never handed out. */
export function smartVenues(bboExchange: string): readonly SmartVenue[] | undefined {
  return bboExchange === US_STOCK_BBO_EXCHANGE ? US_STOCK_SMART_VENUES : undefined;
}

export const DEPTH_VENUES: readonly DepthVenue[] = [
  { exchange: 'ISLAND', secType: 'STK', listingExchange: 'NASDAQ', serviceDataType: 'Deep2', aggGroup: 1 },
  { exchange: 'ARCA', secType: 'STK', listingExchange: 'NYSE', serviceDataType: 'Deep2', aggGroup: 1 },
  { exchange: 'NYSE', secType: 'STK', listingExchange: 'NYSE', serviceDataType: 'Deep', aggGroup: 1 },
  { exchange: 'BATS', secType: 'STK', listingExchange: '', serviceDataType: 'Deep2', aggGroup: 1 },
  { exchange: 'IBIS', secType: 'STK', listingExchange: 'IBIS', serviceDataType: 'Deep', aggGroup: 2 },
  { exchange: 'CME', secType: 'FUT', listingExchange: '', serviceDataType: 'Deep', aggGroup: undefined },
  { exchange: 'IDEALPRO', secType: 'CASH', listingExchange: '', serviceDataType: 'Deep2', aggGroup: 4 },
];
