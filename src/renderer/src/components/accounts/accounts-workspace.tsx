import { AfterFirstAccounts } from '../after-first-accounts';
import { Split, type Pane } from '../layout/split';
import { rowsInView } from '../layout/split-math';
import { BalancesGrid } from './balances-grid';
import { QUARTZ_ROW_HEIGHT } from './grid-kit';
import { OrdersPanel } from '../orders/orders-panel';
import { PositionsGrid } from './positions-grid';
import './accounts.css';

/**
 * The positions pane around its rows: title and buttons, the greeks strip, the two-line grid header and the
 * horizontal scrollbar its columns need in a narrow column.
 */
const POSITIONS_CHROME = 157;

/** Balances on top, positions below, orders and executions in tabs: one line each; a separator between each two. */
const ACCOUNT_PANES: Pane[] = [
  // Every account and the total always in view: the balances never scroll.
  { id: 'balances', label: 'Balances', weight: 7, min: 'content', content: <BalancesGrid /> },
  // Three positions in view however the split above is set, an open chain included.
  {
    id: 'positions',
    label: 'Positions',
    weight: 8,
    min: rowsInView(3, QUARTZ_ROW_HEIGHT, POSITIONS_CHROME),
    content: <PositionsGrid />,
  },
  {
    id: 'orders',
    label: 'Orders and executions',
    weight: 5,
    // Down to its tabs: it gives way first when an open chain needs the height; its separator brings it back.
    min: 48,
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
