import { World, type Instrument, type Quote } from '../../../../src/simulator/world';

/** The instruments and the quote the feed tests build their messages from. */

const world = new World({ seed: 42, now: () => Date.UTC(2025, 5, 10, 15, 0, 0) });

export function instrument(symbol: string, secType: string): Instrument {
  const found = world.findInstruments({ symbol, secType });
  if (found.length !== 1 || !found[0]) throw new Error(`no single ${secType} ${symbol}`);
  return found[0];
}

export const AAPL = instrument('AAPL', 'STK');
export const EURUSD = instrument('EUR', 'CASH');

export const QUOTE: Quote = {
  bid: 200.1,
  ask: 200.2,
  last: 200.15,
  bidSize: 300,
  askSize: 400,
  lastSize: 100,
  volume: 1_000_000,
  open: 199,
  high: 201,
  low: 198.5,
  close: 198.9,
};
