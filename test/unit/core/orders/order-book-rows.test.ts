import { SecType, type OpenOrder } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { executionRows, openOrderRows } from '../../../../src/core/orders/order-book-rows';

const open = (orderId: number, status: string, extra: Partial<OpenOrder['order']> = {}): OpenOrder =>
  ({
    orderId,
    contract: { symbol: 'AAPL', secType: SecType.STK },
    order: {
      account: 'DU1000002',
      action: 'BUY',
      totalQuantity: 10,
      orderType: 'LMT',
      lmtPrice: 150,
      tif: 'DAY',
      clientId: 17,
      permId: 1000 + orderId,
      ...extra,
    },
    orderState: { status },
    orderStatus: { status, filled: 4, remaining: 6, avgFillPrice: 150 },
  }) as OpenOrder;

describe('order book rows', () => {
  it('keeps working orders, keyed by permId, and drops finished ones', () => {
    const rows = openOrderRows([
      open(2, 'Submitted'),
      open(1, 'PreSubmitted'),
      open(3, 'Filled'),
      open(4, 'Cancelled'),
    ]);
    expect(rows.map((r) => [r.id, r.orderId, r.status])).toEqual([
      ['perm:1001', 1, 'PreSubmitted'],
      ['perm:1002', 2, 'Submitted'],
    ]);
    expect(rows[0]).toMatchObject({ clientId: 17, limitPrice: 150, filled: 4, remaining: 6, account: 'DU1000002' });
  });

  it("names an option's contract as the ticket does: underlying, expiry, strike, and the right as C or P", () => {
    const option = {
      ...open(6, 'Submitted'),
      contract: {
        symbol: 'AAPL',
        localSymbol: 'AAPL  261218P00200000',
        secType: SecType.OPT,
        currency: 'USD',
        exchange: 'SMART',
        lastTradeDateOrContractMonth: '20261218',
        strike: 200,
        // IBKR's wire gives C or P; the typings say CALL / PUT: both are read.
        right: 'PUT',
      },
    } as unknown as OpenOrder;
    expect(openOrderRows([option])[0]).toMatchObject({
      symbol: 'AAPL  261218P00200000',
      underlying: 'AAPL',
      exchange: 'SMART',
      lastTradeDate: '20261218',
      strike: 200,
      right: 'P',
    });
    expect(openOrderRows([open(7, 'Submitted')])[0]).toMatchObject({ lastTradeDate: null, strike: null, right: null });
  });

  it('keys an order without permId by client and order id, so two clients with the same id stay apart', () => {
    const rows = openOrderRows([
      open(5, 'Submitted', { permId: 0, clientId: 1 }),
      open(5, 'Submitted', { permId: 0, clientId: 2 }),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['1:5', '2:5']);
  });

  it('joins executions with their commission reports, newest first', () => {
    const rows = executionRows(
      [
        {
          reqId: 1,
          contract: { symbol: 'KO', secType: SecType.STK },
          execution: {
            execId: 'e1',
            orderId: 7,
            acctNumber: 'DU1000003',
            side: 'BOT',
            shares: 10,
            price: 62.5,
            time: '20261125 10:00:00',
          },
        },
        {
          reqId: 1,
          contract: { symbol: 'KO', secType: SecType.STK },
          execution: {
            execId: 'e2',
            orderId: 8,
            acctNumber: 'DU1000003',
            side: 'SLD',
            shares: 5,
            price: 63,
            time: '20261125 11:00:00',
          },
        },
      ],
      [{ execId: 'e1', commission: 1, currency: 'USD', realizedPNL: 1.7976931348623157e308 }],
    );
    expect(rows.map((r) => [r.execId, r.commission, r.realizedPnl])).toEqual([
      ['e2', null, null],
      ['e1', 1, null],
    ]);
  });
});
