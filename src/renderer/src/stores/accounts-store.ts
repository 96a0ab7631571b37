import { create } from 'zustand';
import {
  positionRowId,
  type Account,
  type AccountsStatus,
  type AccountsUpdate,
  type Balance,
  type ConsolidatedPosition,
  type PositionRow,
} from '../../../shared/accounts';
import type { GatehouseApi } from '../../../shared/client';
import { RowFeed } from './row-feed';

interface AccountsSlice {
  status: AccountsStatus;
  accounts: Account[];
  total: Balance | null;
  /** Why the snapshot could not be read, when it could not. */
  error: string | null;
}

export const useAccountsStore = create<AccountsSlice>(() => ({
  status: 'waiting',
  accounts: [],
  total: null,
  error: null,
}));

/** Grid rows live in feeds, not in React state: grids get transactions, never a re-render per tick. */
export const balanceFeed = new RowFeed<Balance>((row) => row.account);
export const positionFeed = new RowFeed<PositionRow>(positionRowId);
export const consolidatedFeed = new RowFeed<ConsolidatedPosition, number>((row) => row.conId);

function applyUpdate(update: AccountsUpdate): void {
  balanceFeed.replace(update.balances);
  positionFeed.apply(update.positions.upsert, update.positions.remove);
  consolidatedFeed.apply(update.consolidated.upsert, update.consolidated.remove);
  useAccountsStore.setState({
    status: update.status,
    total: update.total,
    ...(update.accounts ? { accounts: update.accounts } : {}),
  });
}

/** Subscribes before asking, so nothing published between the two is missed; upserts make replays harmless. */
export function startAccountsFeed(api: GatehouseApi): () => void {
  const stop = api.on('accounts.update', applyUpdate);
  void api.accounts.snapshot().then((result) => {
    if (!result.ok) {
      useAccountsStore.setState({ error: result.error.message });
      return;
    }
    const snapshot = result.value;
    balanceFeed.replace(snapshot.balances);
    positionFeed.replace(snapshot.positions);
    consolidatedFeed.replace(snapshot.consolidated);
    useAccountsStore.setState({
      status: snapshot.status,
      accounts: snapshot.accounts,
      total: snapshot.total,
      error: null,
    });
  });
  return stop;
}
