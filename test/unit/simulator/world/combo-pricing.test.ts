import { describe, expect, it } from 'vitest';
import {
  comboExecutablePrice,
  netMarket,
  unpricedLeg,
  type PricedLeg,
} from '../../../../src/simulator/world/combo-pricing';
import { type ComboLeg, type Instrument, type Quote } from '../../../../src/simulator/world/types';

const quote = (bid: number, ask: number): Quote => ({
  bid,
  ask,
  last: (bid + ask) / 2,
  bidSize: 1,
  askSize: 1,
  lastSize: 1,
  volume: 0,
  open: 0,
  high: 0,
  low: 0,
  close: 0,
});
const priced = (conId: number, action: ComboLeg['action'], bid: number, ask: number, ratio = 1): PricedLeg => ({
  leg: { conId, ratio, action, exchange: 'SMART' },
  instrument: { conId, localSymbol: `LEG${conId}` } as Instrument,
  quote: quote(bid, ask),
});

// A roll: buy back the near call (2.00 / 2.10), sell the far one (3.00 / 3.20).
const roll = [priced(1, 'BUY', 2.0, 2.1), priced(2, 'SELL', 3.0, 3.2)];

describe('combo net prices, as IBKR quotes them (positive debit, negative credit)', () => {
  it('prices a bought combo at the legs’ touch: buys at the ask, sells at the bid, times the ratio', () => {
    expect(netMarket(roll, 'BUY')).toBeCloseTo(2.1 - 3.0, 9);
    expect(netMarket([priced(1, 'BUY', 2.0, 2.1), priced(2, 'SELL', 3.0, 3.2, 2)], 'BUY')).toBeCloseTo(2.1 - 6.0, 9);
  });

  it('prices a sold combo with every leg reversed, in the same sign convention', () => {
    // Selling the roll sells the near call at its bid and buys the far one at its ask: the seller pays 1.20.
    expect(netMarket(roll, 'SELL')).toBeCloseTo(2.0 - 3.2, 9);
  });

  it('fills a bought combo at or below its limit and a sold one at or above, else not at all', () => {
    const order = (action: 'BUY' | 'SELL', lmtPrice: number) => ({ action, orderType: 'LMT' as const, lmtPrice });
    expect(comboExecutablePrice(order('BUY', -0.9), roll)).toBeCloseTo(-0.9, 9);
    expect(comboExecutablePrice(order('BUY', -0.95), roll)).toBeNull();
    expect(comboExecutablePrice(order('SELL', -1.2), roll)).toBeCloseTo(-1.2, 9);
    expect(comboExecutablePrice(order('SELL', -1.1), roll)).toBeNull();
    expect(comboExecutablePrice({ action: 'BUY', orderType: 'MKT' }, roll)).toBeCloseTo(-0.9, 9);
  });

  it('cannot price a combo with a leg that has no two-sided market', () => {
    const legs = [priced(1, 'BUY', 2.0, 2.1), priced(3, 'SELL', 0, 0.05)];
    expect(unpricedLeg(legs)?.leg.conId).toBe(3);
    expect(unpricedLeg(roll)).toBeUndefined();
    expect(comboExecutablePrice({ action: 'BUY', orderType: 'MKT' }, legs)).toBeNull();
  });
});
