import { type Quote } from '../../../../src/simulator/world';

/** A stock's quote on a 0.01 tick: bid 100, ask 100.02, the last trade between them. */
export const QUOTE: Quote = {
  bid: 100,
  ask: 100.02,
  last: 100.01,
  bidSize: 300,
  askSize: 400,
  lastSize: 100,
  volume: 1_000_000,
  open: 99,
  high: 101,
  low: 98.5,
  close: 98.9,
};
