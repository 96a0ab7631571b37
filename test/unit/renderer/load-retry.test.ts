import { describe, expect, it } from 'vitest';
import type { GatehouseApi } from '../../../src/shared/client';
import type { TicketAccount } from '../../../src/shared/orders';
import type { OrderBookSnapshot } from '../../../src/shared/order-book';
import type { Result } from '../../../src/shared/result';
import {
  loadOrderBook,
  startOrderBookFeed,
  useOrderBookStore,
} from '../../../src/renderer/src/stores/order-book-store';
import { loadAccounts, startOrdersFeed, useOrderStore } from '../../../src/renderer/src/stores/ticket-store';

const unavailable: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Not connected to IB Gateway.' },
};

/** A request that fails at first and answers `value` once `healthy` is set. */
function flaky<T>(value: T) {
  const state = { healthy: false, calls: 0 };
  const call = () => {
    state.calls++;
    return Promise.resolve(state.healthy ? ({ ok: true, value } as Result<T>) : unavailable);
  };
  return { state, call };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const never = () => new Promise<never>(() => {});

function fakeApi(orders: Record<string, () => Promise<unknown>>): GatehouseApi {
  return { orders: { list: never, killSwitchState: never, ...orders }, on: () => () => {} } as unknown as GatehouseApi;
}

describe('the open-orders grid after a failed first load', () => {
  it('shows why, and Retry loads the book', async () => {
    const book: OrderBookSnapshot = {
      status: 'ready',
      openOrders: [],
      executions: [
        {
          execId: 'e1',
          orderId: 3,
          account: 'DU1000002',
          symbol: 'AAPL',
          secType: 'STK',
          side: 'BOT',
          quantity: 5,
          price: 190,
          time: '20261125 10:00:00 US/Eastern',
          commission: 1,
          commissionCurrency: 'USD',
          realizedPnl: null,
        },
      ],
    };
    const open = flaky(book);
    startOrderBookFeed(fakeApi({ open: open.call }));
    await settle();
    expect(useOrderBookStore.getState()).toMatchObject({
      status: 'waiting',
      loadError: expect.stringContaining('Not connected to IB Gateway.'),
    });
    open.state.healthy = true;
    await loadOrderBook();
    expect(open.state.calls).toBe(2);
    expect(useOrderBookStore.getState()).toMatchObject({ status: 'ready', loadError: null, executionCount: 1 });
  });
});

describe("the ticket's accounts after a failed load", () => {
  it('shows why, and Retry loads them', async () => {
    const accounts: TicketAccount[] = [
      { id: 'DU1000001', kind: 'roth-ira', kindSource: 'ibkr', label: 'Roth IRA', ibAccountType: 'IRA' },
    ];
    const load = flaky(accounts);
    startOrdersFeed(fakeApi({ accounts: load.call }));
    await loadAccounts();
    expect(useOrderStore.getState()).toMatchObject({
      accounts: [],
      accountsError: expect.stringContaining('Not connected to IB Gateway.'),
    });
    load.state.healthy = true;
    await loadAccounts();
    expect(useOrderStore.getState()).toMatchObject({ accounts, accountsError: null });
  });
});
