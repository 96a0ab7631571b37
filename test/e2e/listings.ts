/** AAPL as the watchlist keeps it (the simulator's conId): for specs that start with it in the settings. */
export const AAPL_LISTING = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  exchange: 'SMART',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  description: 'APPLE INC',
};
