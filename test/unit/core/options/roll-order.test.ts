import { describe, expect, it } from 'vitest';
import {
  rollContract,
  rollIbOrder,
  rollLegWords,
  rollWords,
  type RollOrder,
} from '../../../../src/core/options/roll-order';
import { netInAll, netMarketWords, netMid, rollNetMarket } from '../../../../src/shared/roll-net';

/** A roll as one BAG order: the contract and order IBKR takes, and the words the audit log keeps. */

const roll: RollOrder = {
  account: 'DU1000001',
  close: { conId: 11, symbol: 'AAPL', currency: 'USD', lastTradeDate: '20261218', strike: 200, right: 'C' },
  open: { conId: 22, symbol: 'AAPL', currency: 'USD', lastTradeDate: '20270115', strike: 210, right: 'C' },
  contracts: 2,
  netLimit: -1.25,
};

describe('roll order', () => {
  it('maps to a BAG on the underlying: buy the short back, sell the new one, ratio 1 each', () => {
    expect(rollContract(roll)).toEqual({
      symbol: 'AAPL',
      secType: 'BAG',
      currency: 'USD',
      exchange: 'SMART',
      comboLegs: [
        { conId: 11, ratio: 1, action: 'BUY', exchange: 'SMART' },
        { conId: 22, ratio: 1, action: 'SELL', exchange: 'SMART' },
      ],
    });
  });

  it('is bought at the net limit: a credit is a negative price, as IBKR signs combos', () => {
    expect(rollIbOrder(roll, { orderRef: 'p1', whatIf: false })).toMatchObject({
      action: 'BUY',
      totalQuantity: 2,
      orderType: 'LMT',
      lmtPrice: -1.25,
      account: 'DU1000001',
      transmit: true,
    });
  });

  it('says both legs and the net in words', () => {
    expect(rollWords(roll, 'Roth IRA')).toBe(
      'Roll 2 AAPL 20261218 200 C to 20270115 210 C for a net credit of 1.25, in Roth IRA DU1000001',
    );
    expect(rollWords({ ...roll, netLimit: 0.4 }, 'Roth IRA')).toContain('for a net debit of 0.40,');
  });

  it('says each leg without a price of its own: the net limit prices both', () => {
    expect(rollLegWords(roll, 'close')).toBe("Buy 2 AAPL 20261218 200 C to close, priced by the roll's net limit");
    expect(rollLegWords(roll, 'open')).toBe("Sell 2 AAPL 20270115 210 C to open, priced by the roll's net limit");
  });

  it('nets the legs’ quotes by side: buy back at the ask, sell at the bid', () => {
    const market = rollNetMarket({ close: { bid: 2.1, ask: 2.2 }, open: { bid: 3.4, ask: 3.6 } });
    expect(market).toEqual({ bid: -1.5, ask: -1.2 });
  });

  it('says the net market as a credit or debit to do now and at best, never as a negative price', () => {
    expect(netMarketWords({ bid: -1.5, ask: -1.2 }, 'USD')).toBe(
      'a credit of 1.20 to do now, a credit of 1.50 at best',
    );
    expect(netMarketWords({ bid: -0.1, ask: 0.25 }, 'USD')).toBe('a debit of 0.25 to do now, a credit of 0.10 at best');
    expect(netMarketWords({ bid: 0, ask: 0.4 }, 'USD')).toBe('a debit of 0.40 to do now, even at best');
  });

  it('defaults the net limit to the mid of the net market, in cents', () => {
    expect(netMid({ bid: -1.5, ask: -1.2 })).toBe(-1.35);
    expect(netMid({ bid: 0.1, ask: 0.25 })).toBe(0.18);
  });

  it('says what the whole roll receives or pays', () => {
    expect(netInAll(-1.25, 2, 100, 'USD')).toBe('a net credit of 1.25 per contract, $250.00 in all');
    expect(netInAll(0.4, 3, 100, 'USD')).toBe('a net debit of 0.40 per contract, $120.00 in all');
    expect(netInAll(0, 3, 100, 'USD')).toBe('no net credit or debit');
  });
});
