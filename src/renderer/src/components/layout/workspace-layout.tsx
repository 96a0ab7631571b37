import { lazy, Suspense, type ReactNode } from 'react';
import { useChainOpen } from '../../stores/chain-store';
import { useOrderStore } from '../../stores/ticket-store';
import { AccountsWorkspace } from '../accounts/accounts-workspace';
import { AfterFirstAccounts } from '../after-first-accounts';
import { OrderStatusList } from '../orders/order-status-list';
import { OrderTicket } from '../orders/order-ticket';
import { Split, type Pane } from './split';
import { rowsInView } from './split-math';

// Loaded after the first positions are painted: the chart library, the audit reader and the chain are not needed
// to see the accounts, and every byte before them is parsed before them.
const MarketPanel = lazy(() => import('../market/market-panel').then((m) => ({ default: m.MarketPanel })));
const AlertsPanel = lazy(() => import('../alerts/alerts-panel').then((m) => ({ default: m.AlertsPanel })));
const AuditPanel = lazy(() => import('../orders/audit-panel').then((m) => ({ default: m.AuditPanel })));
const ChainPanel = lazy(() => import('../options/chain-panel').then((m) => ({ default: m.ChainPanel })));

const later = (content: ReactNode) => (
  <AfterFirstAccounts>
    <Suspense>{content}</Suspense>
  </AfterFirstAccounts>
);

/**
 * The right-hand column, top to bottom. Adding a pane is one line here (or in the accounts column,
 * ACCOUNT_PANES): `{ id, label, weight, min, content }`; its size is kept from then on, the others keep theirs.
 */
const SIDE_PANES: Pane[] = [
  { id: 'market', label: 'Watchlist and chart', weight: 6, min: 260, content: later(<MarketPanel />) },
  {
    id: 'activity',
    label: 'Orders sent, audit log and alerts',
    weight: 3,
    min: 100,
    content: (
      <div className="activity-pane">
        {later(
          <>
            <OrderStatusList />
            <AuditPanel />
            <AlertsPanel />
          </>,
        )}
      </div>
    ),
  },
];

/** The ticket docked under the watchlist while it is open: it never covers another pane. */
const TICKET_PANE: Pane = { id: 'ticket', label: 'Order ticket', weight: 4, min: 180, content: <OrderTicket /> };

/**
 * An open option chain spans the window's width under everything else: its calls and puts side by side are
 * seventeen columns, more than either column holds.
 */
const CHAIN_PANE: Pane = {
  id: 'chain',
  label: 'Option chain',
  // Under the columns' 5: at 1440 × 900 it opens just short of the positions' and the watchlist's rows.
  weight: 1.3,
  // Its toolbar and header over three strikes (28 px rows).
  min: rowsInView(3, 28, 80),
  content: later(<ChainPanel />),
};

/**
 * Accounts on the left, market and order activity on the right, each split resizable and its sizes kept;
 * the option chain below both while it is open.
 */
export function WorkspaceLayout() {
  const chainOpen = useChainOpen();
  // One tree whether or not the chain is open, so opening it does not rebuild the grids above it.
  const columns: Pane = {
    id: 'columns',
    label: 'Accounts, market and orders',
    weight: 5,
    // What its panes' own minimums add up to: a separator moved into the chain stops short of their rows.
    min: 'content',
    content: <Columns />,
  };
  return <Split id="workspace-chain" direction="column" panes={chainOpen ? [columns, CHAIN_PANE] : [columns]} />;
}

function Columns() {
  const ticketOpen = useOrderStore((s) => s.ticketOpen);
  const side = ticketOpen ? [SIDE_PANES[0]!, TICKET_PANE, ...SIDE_PANES.slice(1)] : SIDE_PANES;
  return (
    <Split
      id="workspace"
      direction="row"
      panes={[
        { id: 'accounts', label: 'Accounts', weight: 3, min: 480, content: <AccountsWorkspace /> },
        {
          id: 'side',
          label: 'Market and orders',
          weight: 2,
          min: 360,
          content: <Split id="side" direction="column" panes={side} />,
        },
      ]}
    />
  );
}
