import { create } from 'zustand';
import type {
  Account,
  AccountsStatus,
  AccountsUpdate,
  Balance,
  ConsolidatedPosition,
  PositionRow,
} from '../../../shared/accounts';
import { positionRowId } from '../../../shared/position-row-id';
import type { GatehouseApi } from '../../../shared/client';
import { changesAfterSnapshot } from './changes-after-snapshot';
import { RowFeed } from './row-feed';

interface AccountsSlice {
  status: AccountsStatus;
  accounts: Account[];
  /** Why the snapshot could not be read, when it could not. */
  error: string | null;
}

export const useAccountsStore = create<AccountsSlice>(() => ({
  status: 'waiting',
  accounts: [],
  error: null,
}));

/** The balances grid's pinned total row: its row id, in the account column's place. */
export const TOTAL_ROW_ID = 'Total';

/**
 * Grid rows live in feeds, not in React state: grids get transactions, never a re-render per tick. The
 * balances total travels in the same transaction as its rows, so the two never disagree on screen.
 */
export const balanceFeed = new RowFeed<Balance>((row) => row.account);
const totalRow = (total: Balance): Balance[] => [{ ...total, account: TOTAL_ROW_ID }];
export const positionFeed = new RowFeed<PositionRow>(positionRowId);
export const consolidatedFeed = new RowFeed<ConsolidatedPosition, number>((row) => row.conId);

function applyUpdate(update: AccountsUpdate): void {
  balanceFeed.replace(update.balances, totalRow(update.total));
  positionFeed.apply(update.positions.upsert, update.positions.remove);
  consolidatedFeed.apply(update.consolidated.upsert, update.consolidated.remove);
  useAccountsStore.setState({ status: update.status, ...(update.accounts ? { accounts: update.accounts } : {}) });
}

let loader: { api: GatehouseApi; snapshotApplied(): void } | null = null;

/** Subscribes before asking, so nothing published between the two is missed (see changesAfterSnapshot). */
export function startAccountsFeed(api: GatehouseApi): () => void {
  const updates = changesAfterSnapshot(applyUpdate);
  const stop = api.on('accounts.update', updates.change);
  loader = { api, snapshotApplied: updates.snapshotApplied };
  void loadAccountsSnapshot();
  return stop;
}

/**
 * Reads balances and positions whole. Until one read succeeds the window shows why, with a Retry: the
 * updates alone are changes, never the whole.
 */
export async function loadAccountsSnapshot(): Promise<void> {
  if (!loader) throw new Error('startAccountsFeed has not run');
  const { api, snapshotApplied } = loader;
  const result = await api.accounts.snapshot();
  if (!result.ok) {
    useAccountsStore.setState({ error: `Balances and positions could not be loaded: ${result.error.message}` });
    return;
  }
  const snapshot = result.value;
  balanceFeed.replace(snapshot.balances, totalRow(snapshot.total));
  positionFeed.replace(snapshot.positions);
  consolidatedFeed.replace(snapshot.consolidated);
  useAccountsStore.setState({ status: snapshot.status, accounts: snapshot.accounts, error: null });
  snapshotApplied();
}
