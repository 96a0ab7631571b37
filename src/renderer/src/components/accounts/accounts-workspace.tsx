import { AfterFirstAccounts } from '../after-first-accounts';
import { Split, type Pane } from '../layout/split';
import { BalancesGrid } from './balances-grid';
import { OrdersPanel } from '../orders/orders-panel';
import { PositionsGrid } from './positions-grid';
import './accounts.css';

/** Balances on top, positions below, orders and executions in tabs: one line each; a separator between each two. */
const ACCOUNT_PANES: Pane[] = [
  // Every account and the total always in view: the balances never scroll.
  { id: 'balances', label: 'Balances', weight: 7, min: 'content', content: <BalancesGrid /> },
  { id: 'positions', label: 'Positions', weight: 8, min: 140, content: <PositionsGrid /> },
  {
    id: 'orders',
    label: 'Orders and executions',
    weight: 5,
    min: 120,
    content: (
      <AfterFirstAccounts>
        <OrdersPanel />
      </AfterFirstAccounts>
    ),
  },
];

export function AccountsWorkspace() {
  return (
    <div className="accounts-workspace" aria-label="Accounts">
      <Split id="accounts" direction="column" panes={ACCOUNT_PANES} />
    </div>
  );
}
