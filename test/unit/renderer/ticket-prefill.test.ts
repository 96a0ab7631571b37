import { describe, expect, it } from 'vitest';
import {
  closePrefill,
  modifyPrefill,
  positionPrefill,
  touchPrefill,
  tradePrefill,
} from '../../../src/renderer/src/components/orders/ticket-prefill';
import type { PositionRow } from '../../../src/shared/accounts';
import type { OpenOrderRow } from '../../../src/shared/order-book';

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
  dailyPnlPct: null,
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
  underlying: 'SAP',
  exchange: 'SMART',
  lastTradeDate: null,
  strike: null,
  right: null,
  action: 'SELL',
  quantity: 15,
  orderType: 'LMT',
  limitPrice: 120.5,
  stopPrice: null,
  trailingPercent: null,
  trigger: null,
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

  it('buys a position at the ask and sells it at the bid, in the position’s own account', () => {
    const base = positionPrefill(position(100));
    expect(base).toEqual({ account: 'DU1000002', contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' } });
    const quote = { bid: 227.5, ask: 227.6 };
    expect(touchPrefill(base!, 'BUY', quote)).toEqual({
      prefill: { ...base, action: 'BUY', orderType: 'LMT', limitPrice: 227.6 },
      priced: true,
    });
    expect(touchPrefill(base!, 'SELL', quote).prefill).toMatchObject({ account: 'DU1000002', limitPrice: 227.5 });
    expect(positionPrefill(position(5, 'CASH'))).toBeNull();
  });

  it('opens at the touch without a price when that side has none', () => {
    const base = tradePrefill({ symbol: 'AAPL', secType: 'STK', currency: 'USD', exchange: 'SMART' })!;
    expect(touchPrefill(base, 'BUY', { bid: 1, ask: null })).toEqual({
      prefill: { ...base, action: 'BUY' },
      priced: false,
    });
    expect(touchPrefill(base, 'SELL', { bid: 0, ask: 2 }).priced).toBe(false);
    expect(touchPrefill(base, 'SELL', undefined).priced).toBe(false);
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
    // An option without its expiry, strike or right cannot be named: the ticket is not opened half-filled.
    expect(modifyPrefill({ ...order, secType: 'OPT' })).toBeNull();
    expect(modifyPrefill({ ...order, orderType: 'REL' })).toBeNull();
    expect(modifyPrefill({ ...order, tif: 'IOC' })).toBeNull();
    expect(modifyPrefill({ ...order, tif: '' })?.tif).toBe('DAY');
    expect(modifyPrefill({ ...order, secType: 'CASH' })).toBeNull();
  });

  it('modifies an option or a future order with the contract the ticket names it by', () => {
    const option: OpenOrderRow = {
      ...order,
      symbol: 'AAPL  261218C00250000',
      secType: 'OPT',
      currency: 'USD',
      underlying: 'AAPL',
      lastTradeDate: '20261218',
      strike: 250,
      right: 'C',
    };
    expect(modifyPrefill(option)?.contract).toEqual({
      symbol: 'AAPL',
      secType: 'OPT',
      currency: 'USD',
      exchange: 'SMART',
      lastTradeDate: '20261218',
      strike: 250,
      right: 'C',
    });
    expect(modifyPrefill({ ...option, strike: null })).toBeNull();
    const future: OpenOrderRow = {
      ...order,
      symbol: 'ESZ6',
      secType: 'FUT',
      currency: 'USD',
      underlying: 'ES',
      exchange: 'CME',
      lastTradeDate: '20261218',
    };
    expect(modifyPrefill(future)?.contract).toEqual({
      symbol: 'ES',
      secType: 'FUT',
      currency: 'USD',
      exchange: 'CME',
      lastTradeDate: '20261218',
    });
  });

  it('modifies a trailing stop with its trail, by amount or by percent', () => {
    const trail = { ...order, orderType: 'TRAIL', limitPrice: null, stopPrice: 2, trigger: 118.5 };
    expect(modifyPrefill(trail)).toMatchObject({ orderType: 'TRAIL', trailingAmount: 2 });
    expect(modifyPrefill({ ...trail, trailingPercent: 1.5 })).toMatchObject({ trailingPercent: 1.5 });
    expect(modifyPrefill({ ...trail, trailingPercent: 1.5 })?.trailingAmount).toBeUndefined();
  });

  it('trades a watchlist row, an ETF as a stock', () => {
    expect(tradePrefill({ symbol: 'SPY', secType: 'ETF', currency: 'USD', exchange: 'SMART' })).toEqual({
      contract: { symbol: 'SPY', secType: 'STK', currency: 'USD', exchange: 'SMART' },
    });
    expect(tradePrefill({ symbol: 'SPX', secType: 'IND', currency: 'USD', exchange: 'CBOE' })).toBeNull();
  });
});
