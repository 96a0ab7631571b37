import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { ExecutionRow, OpenOrderRow, OrderBookSnapshot, OrderBookUpdate } from '../../../shared/order-book';
import { changesAfterSnapshot } from './changes-after-snapshot';
import { RowFeed } from './row-feed';

interface OrderBookSlice {
  status: OrderBookSnapshot['status'];
  openOrderCount: number;
  executionCount: number;
  /** Why the book could not be read, until a read succeeds; the panel shows it with a Retry. */
  loadError: string | null;
}

export const useOrderBookStore = create<OrderBookSlice>(() => ({
  status: 'waiting',
  openOrderCount: 0,
  executionCount: 0,
  loadError: null,
}));

export const openOrderFeed = new RowFeed<OpenOrderRow>((row) => row.id);
export const executionFeed = new RowFeed<ExecutionRow>((row) => row.execId);

const counts = () => ({ openOrderCount: openOrderFeed.size, executionCount: executionFeed.size });

let loader: { api: GatehouseApi; snapshotApplied(): void } | null = null;

/** Subscribes before reading the book, so no update published between the two is missed (see changesAfterSnapshot). */
export function startOrderBookFeed(api: GatehouseApi): () => void {
  const updates = changesAfterSnapshot((update: OrderBookUpdate) => {
    openOrderFeed.apply(update.openOrders.upsert, update.openOrders.remove);
    executionFeed.apply(update.executions.upsert, update.executions.remove);
    useOrderBookStore.setState({ status: update.status, ...counts() });
  });
  const stop = api.on('orders.bookUpdate', updates.change);
  loader = { api, snapshotApplied: updates.snapshotApplied };
  void loadOrderBook();
  return stop;
}

/**
 * Reads the whole book. Updates are changes to it, so until one read succeeds the grids lack the rows
 * that have not changed since: a failure stays on screen, with a Retry, until a read succeeds.
 */
export async function loadOrderBook(): Promise<void> {
  if (!loader) throw new Error('startOrderBookFeed has not run');
  const { api, snapshotApplied } = loader;
  const result = await api.orders.open();
  if (!result.ok) {
    useOrderBookStore.setState({
      loadError: `Open orders and executions could not be loaded: ${result.error.message}`,
    });
    return;
  }
  openOrderFeed.replace(result.value.openOrders);
  executionFeed.replace(result.value.executions);
  useOrderBookStore.setState({ status: result.value.status, loadError: null, ...counts() });
  snapshotApplied();
}
