import { describe, expect, it } from 'vitest';
import type { AccountsSnapshot, AccountsUpdate, Balance, PositionRow } from '../../../src/shared/accounts';
import type { GatehouseApi } from '../../../src/shared/client';
import type { OrderBookSnapshot, OrderBookUpdate } from '../../../src/shared/order-book';
import type { Result } from '../../../src/shared/result';
import {
  loadAccountsSnapshot,
  positionFeed,
  startAccountsFeed,
  useAccountsStore,
} from '../../../src/renderer/src/stores/accounts-store';
import {
  executionFeed,
  startOrderBookFeed,
  useOrderBookStore,
} from '../../../src/renderer/src/stores/order-book-store';

const total = { account: 'Total', currency: 'USD' } as Balance;
const position = (account: string, conId: number, quantity = 10) =>
  ({ account, conId, symbol: `S${conId}`, quantity }) as PositionRow;
const held = [position('DU1000001', 1), position('DU1000002', 2), position('DU1000003', 3)];

/** An API whose snapshot answers when `answer` is called, and whose events the test publishes. */
function gatedApi<S>(method: readonly [string, string]) {
  const listeners = new Map<string, (payload: unknown) => void>();
  let answer: (result: Result<S>) => void = () => {};
  const api = {
    [method[0]]: { [method[1]]: () => new Promise<Result<S>>((resolve) => (answer = resolve)) },
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  } as unknown as GatehouseApi;
  return {
    api,
    publish: (event: string, payload: unknown) => listeners.get(event)?.(payload),
    answer: (result: Result<S>) => answer(result),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the accounts feed before its snapshot', () => {
  it('is not ready on an update that came first: that update holds only the rows that changed', async () => {
    const feed = gatedApi<AccountsSnapshot>(['accounts', 'snapshot']);
    const stop = startAccountsFeed(feed.api);
    // Published while the snapshot was being answered: one account's P&L moved.
    const update: AccountsUpdate = {
      status: 'ready',
      balances: [],
      total,
      positions: { upsert: [position('DU1000001', 1, 11)], remove: [] },
      consolidated: { upsert: [], remove: [] },
    };
    feed.publish('accounts.update', update);
    expect(useAccountsStore.getState().status).toBe('waiting');
    expect(positionFeed.size).toBe(0);

    feed.answer({
      ok: true,
      value: { status: 'ready', accounts: [], balances: [], total, positions: held, consolidated: [] },
    });
    await settle();
    expect(useAccountsStore.getState().status).toBe('ready');
    expect(positionFeed.all().map((row) => row.account)).toEqual(['DU1000001', 'DU1000002', 'DU1000003']);

    // From then on every update is applied.
    feed.publish('accounts.update', { ...update, positions: { upsert: [position('DU1000003', 4)], remove: [] } });
    expect(positionFeed.size).toBe(4);
    stop();
  });

  it('shows why the snapshot failed, ignores updates meanwhile, and Retry loads it', async () => {
    const feed = gatedApi<AccountsSnapshot>(['accounts', 'snapshot']);
    useAccountsStore.setState({ status: 'waiting', error: null });
    positionFeed.replace([]);
    const stop = startAccountsFeed(feed.api);
    feed.answer({ ok: false, error: { code: 'unavailable', message: 'Not connected to IB Gateway.' } });
    await settle();
    expect(useAccountsStore.getState().error).toBe(
      'Balances and positions could not be loaded: Not connected to IB Gateway.',
    );
    feed.publish('accounts.update', {
      status: 'ready',
      balances: [],
      total,
      positions: { upsert: [position('DU1000002', 2)], remove: [] },
      consolidated: { upsert: [], remove: [] },
    } satisfies AccountsUpdate);
    expect(useAccountsStore.getState().status).toBe('waiting');

    const retried = loadAccountsSnapshot();
    feed.answer({
      ok: true,
      value: { status: 'ready', accounts: [], balances: [], total, positions: held, consolidated: [] },
    });
    await retried;
    expect(useAccountsStore.getState()).toMatchObject({ status: 'ready', error: null });
    expect(positionFeed.size).toBe(3);
    stop();
  });
});

describe('the order book before its snapshot', () => {
  it('is not ready on an update that came first', async () => {
    const feed = gatedApi<OrderBookSnapshot>(['orders', 'open']);
    const stop = startOrderBookFeed(feed.api);
    const execution = { execId: 'e2', orderId: 4 } as OrderBookSnapshot['executions'][number];
    feed.publish('orders.bookUpdate', {
      status: 'ready',
      openOrders: { upsert: [], remove: [] },
      executions: { upsert: [execution], remove: [] },
    } satisfies OrderBookUpdate);
    expect(useOrderBookStore.getState().status).toBe('waiting');
    expect(executionFeed.size).toBe(0);

    feed.answer({ ok: true, value: { status: 'ready', openOrders: [], executions: [execution] } });
    await settle();
    expect(useOrderBookStore.getState()).toMatchObject({ status: 'ready', executionCount: 1 });
    stop();
  });
});
