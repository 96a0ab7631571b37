import { describe, expect, it } from 'vitest';
import { closePrefill, modifyPrefill, tradePrefill } from '../../../src/renderer/src/components/orders/ticket-prefill';
import type { PositionRow } from '../../../src/shared/accounts';
import type { OpenOrderRow } from '../../../src/shared/orders-book';

const position = (quantity: number, secType = 'STK'): PositionRow => ({
  account: 'DU1000002',
  conId: 265598,
  symbol: 'AAPL',
  description: 'AAPL',
  secType,
  currency: 'USD',
  quantity,
  avgCost: null,
  marketPrice: null,
  marketValue: null,
  unrealizedPnl: null,
  dailyPnl: null,
  pctOfAccount: null,
});

const order: OpenOrderRow = {
  id: 'perm:1',
  orderId: 31,
  clientId: 0,
  permId: 1,
  account: 'DU1000002',
  symbol: 'SAP',
  secType: 'STK',
  currency: 'EUR',
  action: 'SELL',
  quantity: 15,
  orderType: 'LMT',
  limitPrice: 120.5,
  stopPrice: null,
  tif: 'GTC',
  status: 'Submitted',
  filled: 0,
  remaining: 15,
};

describe('ticket prefills from rows', () => {
  it('closes a long by selling all of it and trims half, rounded down', () => {
    expect(closePrefill(position(301), 'close')).toEqual({
      account: 'DU1000002',
      contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
      action: 'SELL',
      quantity: 301,
    });
    expect(closePrefill(position(301), 'trim')).toMatchObject({ action: 'SELL', quantity: 150 });
  });

  it('closes a short by buying it back, and trims a single share as one', () => {
    expect(closePrefill(position(-40), 'close')).toMatchObject({ action: 'BUY', quantity: 40 });
    expect(closePrefill(position(-1), 'trim')).toMatchObject({ action: 'BUY', quantity: 1 });
    expect(closePrefill(position(5, 'CASH'), 'close')).toBeNull();
  });

  it('modifies a working stock order with its id, account, side, type, price, quantity and time in force', () => {
    expect(modifyPrefill(order)).toEqual({
      modifyOrderId: 31,
      account: 'DU1000002',
      contract: { symbol: 'SAP', secType: 'STK', currency: 'EUR' },
      action: 'SELL',
      quantity: 15,
      orderType: 'LMT',
      tif: 'GTC',
      limitPrice: 120.5,
    });
    expect(modifyPrefill({ ...order, secType: 'OPT' })).toBeNull();
    expect(modifyPrefill({ ...order, orderType: 'TRAIL' })).toBeNull();
  });

  it('trades a watchlist row, an ETF as a stock', () => {
    expect(tradePrefill({ symbol: 'SPY', secType: 'ETF', currency: 'USD', exchange: 'SMART' })).toEqual({
      contract: { symbol: 'SPY', secType: 'STK', currency: 'USD', exchange: 'SMART' },
    });
    expect(tradePrefill({ symbol: 'SPX', secType: 'IND', currency: 'USD', exchange: 'CBOE' })).toBeNull();
  });
});
