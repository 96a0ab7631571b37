import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { ExecutionRow, OpenOrderRow, OrdersBookSnapshot } from '../../../shared/orders-book';
import { RowFeed } from './row-feed';

interface OrdersBookSlice {
  status: OrdersBookSnapshot['status'];
  openOrderCount: number;
  executionCount: number;
}

export const useOrdersBookStore = create<OrdersBookSlice>(() => ({
  status: 'waiting',
  openOrderCount: 0,
  executionCount: 0,
}));

export const openOrderFeed = new RowFeed<OpenOrderRow>((row) => row.id);
export const executionFeed = new RowFeed<ExecutionRow>((row) => row.execId);

const counts = () => ({ openOrderCount: openOrderFeed.size, executionCount: executionFeed.size });

export function startOrdersBookFeed(api: GatehouseApi): () => void {
  const stop = api.on('orders.bookUpdate', (update) => {
    openOrderFeed.apply(update.openOrders.upsert, update.openOrders.remove);
    executionFeed.apply(update.executions.upsert, update.executions.remove);
    useOrdersBookStore.setState({ status: update.status, ...counts() });
  });
  void api.orders.open().then((result) => {
    if (!result.ok) return;
    openOrderFeed.replace(result.value.openOrders);
    executionFeed.replace(result.value.executions);
    useOrdersBookStore.setState({ status: result.value.status, ...counts() });
  });
  return stop;
}
