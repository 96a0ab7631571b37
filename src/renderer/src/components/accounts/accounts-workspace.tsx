import { useChainOpen } from '../../stores/chain-store';
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

/**
 * The orders pane around its rows: the tabs and buttons, the grid header, its padding and border (the grid's
 * horizontal scrollbar lies over the rows). One row with it is what the default weights give it at 720 px, so
 * the positions above keep their height there.
 */
const ORDERS_CHROME = 95;

/** The orders pane's tabs alone: what it keeps while an open chain needs the height. */
const ORDERS_TABS = 48;

/**
 * Balances on top, positions below, orders and executions in tabs: one line each; a separator between each two.
 * The balances, three positions and an order's row do not all fit over a chain in a 900 px window, so what the
 * panes keep depends on it: with the chain open the positions keep three rows and the orders give way down to
 * their tabs (their separator brings them back); without it the orders keep the row a person acts on.
 */
function accountPanes(chainOpen: boolean): Pane[] {
  return [
    // Every account and the total always in view: the balances never scroll.
    { id: 'balances', label: 'Balances', weight: 7, min: 'content', content: <BalancesGrid /> },
    {
      id: 'positions',
      label: 'Positions',
      weight: 8,
      min: chainOpen ? rowsInView(3, QUARTZ_ROW_HEIGHT, POSITIONS_CHROME) : 140,
      content: <PositionsGrid />,
    },
    {
      id: 'orders',
      label: 'Orders and executions',
      weight: 5,
      min: chainOpen ? ORDERS_TABS : rowsInView(1, QUARTZ_ROW_HEIGHT, ORDERS_CHROME),
      content: (
        <AfterFirstAccounts>
          <OrdersPanel />
        </AfterFirstAccounts>
      ),
    },
  ];
}

export function AccountsWorkspace() {
  const chainOpen = useChainOpen();
  return (
    <div className="accounts-workspace" aria-label="Accounts">
      <Split id="accounts" direction="column" panes={accountPanes(chainOpen)} />
    </div>
  );
}
