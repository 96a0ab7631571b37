import { AfterFirstAccounts } from '../after-first-accounts';
import { BalancesGrid } from './balances-grid';
import { OrdersPanel } from './orders-panel';
import { PositionsGrid } from './positions-grid';
import './accounts.css';

/** Balances on top, positions below, orders and executions in tabs; each pane resizable by its corner. */
export function AccountsWorkspace() {
  return (
    <div className="accounts-workspace" aria-label="Accounts">
      <BalancesGrid />
      <PositionsGrid />
      <AfterFirstAccounts>
        <OrdersPanel />
      </AfterFirstAccounts>
    </div>
  );
}
