import { type Instrument } from './types';

/**
 * The earliest bar the simulator's history holds for an instrument (reqHeadTimestamp's answer). Stocks and FX
 * keep their history from a fixed first session; a derivative only trades from its listing, taken as a year
 * before it expires. historicalBars() serves nothing older, so the head timestamp and the bars agree.
 */

const DAY_SECONDS = 86_400;
const DERIVATIVE_LISTED_DAYS = 365;
/** 9:30 New York (EST) as seconds after midnight UTC. */
const SESSION_OPEN_SECONDS = 14.5 * 3600;
/** 9:30 New York on the first session the simulated data reaches back to. */
const FIRST_STOCK_SESSION = Date.UTC(1980, 11, 12, 14, 30) / 1000;
/** IDEALPRO's quotes start at the session's 17:15 New York open. */
const FIRST_FX_SESSION = Date.UTC(2005, 0, 3, 22, 15) / 1000;

/** Epoch seconds. */
export function firstBarTime(instrument: Pick<Instrument, 'secType' | 'lastTradeDate'>): number {
  switch (instrument.secType) {
    case 'STK':
      return FIRST_STOCK_SESSION;
    case 'CASH':
      return FIRST_FX_SESSION;
    case 'OPT':
    case 'FUT': {
      const date = instrument.lastTradeDate;
      const expiry = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
      return expiry / 1000 - DERIVATIVE_LISTED_DAYS * DAY_SECONDS + SESSION_OPEN_SECONDS;
    }
  }
}
