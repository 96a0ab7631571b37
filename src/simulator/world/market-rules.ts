import { type Instrument } from './types';

/**
 * Market rules: the price increment that applies in each price band, per instrument and venue. Contract details
 * name them (marketRuleIds, one per valid exchange) and reqMarketRule spells them out, so clients can round
 * prices the way the exchange will. The world's minTick is the increment of the band most prices sit in.
 */

export interface PriceBand {
  /** The increment applies from this price up to the next band's lowEdge. */
  lowEdge: number;
  increment: number;
}

/** Ids as IBKR numbers its common rules; the bands follow the venues' published tick tables. */
export const MarketRuleId = {
  /** US stocks: sub-penny below $1.00 (Reg NMS rule 612), a penny from there. */
  US_STOCK: 26,
  /** US equity options outside the penny pilot: $0.01 below $3.00, $0.05 from there. */
  US_OPTION: 32,
  /** CME E-mini S&P 500: a quarter point throughout. */
  CME_ES: 67,
  /** IDEALPRO FX: a twentieth of a pip. */
  IDEALPRO_FX: 239,
  /** Xetra equities in the simulator's price range: a cent. */
  XETRA_STOCK: 1721,
} as const;

const RULES: ReadonlyMap<number, readonly PriceBand[]> = new Map([
  [
    MarketRuleId.US_STOCK,
    [
      { lowEdge: 0, increment: 0.0001 },
      { lowEdge: 1, increment: 0.01 },
    ],
  ],
  [
    MarketRuleId.US_OPTION,
    [
      { lowEdge: 0, increment: 0.01 },
      { lowEdge: 3, increment: 0.05 },
    ],
  ],
  [MarketRuleId.CME_ES, [{ lowEdge: 0, increment: 0.25 }]],
  [MarketRuleId.IDEALPRO_FX, [{ lowEdge: 0, increment: 0.00005 }]],
  [MarketRuleId.XETRA_STOCK, [{ lowEdge: 0, increment: 0.01 }]],
]);

/** The bands of a rule, lowest first, or undefined for an id no venue uses. */
export function marketRule(id: number): readonly PriceBand[] | undefined {
  return RULES.get(id);
}

/** The rule an instrument trades under. */
export function marketRuleIdOf(instrument: Pick<Instrument, 'secType' | 'currency'>): number {
  switch (instrument.secType) {
    case 'OPT':
      return MarketRuleId.US_OPTION;
    case 'FUT':
      return MarketRuleId.CME_ES;
    case 'CASH':
      return MarketRuleId.IDEALPRO_FX;
    case 'STK':
      return instrument.currency === 'EUR' ? MarketRuleId.XETRA_STOCK : MarketRuleId.US_STOCK;
  }
}
