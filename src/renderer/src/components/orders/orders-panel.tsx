import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExecutionRow, OpenOrderRow } from '../../../../shared/order-book';
import { GridExportButton } from '../../export/grid-export-button';
import { report, useNoticeStore } from '../../stores/notice-store';
import { openTicket } from '../../stores/ticket-store';
import { modifyPrefill } from './ticket-prefill';
import { executionFeed, loadOrderBook, openOrderFeed, useOrderBookStore } from '../../stores/order-book-store';
import { LoadError } from '../load-error';
import { useSessionStore } from '../../stores/session-store';
import { cellButton, element } from '../cell-elements';
import { GridHost } from '../grid-host';
import { ModalDialog } from '../modal-dialog';
import { chooseToLink, LinkOcaButton, useLinkStore } from './link-oca';
import { moneyColumn, overlay, quantityColumn, useFeedGrid } from '../accounts/grid-kit';

type Tab = 'orders' | 'executions';

/** Modify and Cancel: IBKR lets a client change or cancel by id only the orders it placed itself. */
function orderActions({ data }: ICellRendererParams<OpenOrderRow>): HTMLElement | string {
  if (!data) return '';
  const own = data.clientId === (useSessionStore.getState().session?.clientId ?? null);
  const prefill = modifyPrefill(data);
  const describe = `order ${data.orderId} ${data.action} ${data.quantity} ${data.symbol}`;
  const modify = cellButton(
    'Modify',
    {
      'aria-label': `Modify ${describe}`,
      title: !own
        ? `Placed by API client ${data.clientId ?? '?'}: only that program can modify it.`
        : prefill === null
          ? 'The ticket cannot express this order (its type or instrument); change it in TWS.'
          : undefined,
    },
    () => prefill && openTicket(prefill),
    !own || prefill === null,
  );
  const cancel = cellButton(
    'Cancel',
    {
      'aria-label': `Cancel ${describe}`,
      title: own
        ? undefined
        : `Placed by API client ${data.clientId ?? '?'}: use "Cancel all orders" to cancel it here.`,
    },
    () => {
      // Held until IB answers; the row itself goes when the order's status says cancelled.
      cancel.disabled = true;
      void report(window.gatehouse.orders.cancel({ orderId: data.orderId })).then((answer) => {
        if (answer) useNoticeStore.getState().push('info', answer.message);
        cancel.disabled = false;
      });
    },
    !own,
  );
  const link = element('input', {
    type: 'checkbox',
    class: 'cell-check',
    'aria-label': `Choose ${describe} to link`,
    title: own ? 'Choose working orders of one account, then "Link as one-cancels-all".' : undefined,
  });
  link.checked = useLinkStore.getState().chosen.includes(data.orderId);
  link.disabled = !own;
  link.addEventListener('change', () => chooseToLink(data.orderId, link.checked));
  return element('span', {}, link, modify, cancel);
}

const ORDER_COLUMNS: ColDef<OpenOrderRow>[] = [
  { colId: 'actions', headerName: '', cellRenderer: orderActions, width: 190, sortable: false, filter: false },
  { field: 'orderId', headerName: 'Order', width: 85 },
  { field: 'account', headerName: 'Account', width: 115 },
  { field: 'symbol', headerName: 'Symbol', width: 95 },
  { field: 'action', headerName: 'Side', width: 75 },
  quantityColumn<OpenOrderRow>('quantity', 'Quantity', 95),
  { field: 'orderType', headerName: 'Type', width: 80 },
  moneyColumn<OpenOrderRow>('limitPrice', 'Limit', false, 110),
  moneyColumn<OpenOrderRow>('stopPrice', 'Stop / trail', false, 110),
  moneyColumn<OpenOrderRow>('trigger', 'Trigger', false, 110),
  { field: 'tif', headerName: 'TIF', width: 70 },
  { field: 'status', headerName: 'Status', width: 115 },
  quantityColumn<OpenOrderRow>('filled', 'Filled', 85),
  quantityColumn<OpenOrderRow>('remaining', 'Remaining', 100),
  { field: 'clientId', headerName: 'Client', width: 80 },
  { field: 'ocaGroup', headerName: 'One-cancels-all', width: 170 },
];

const EXECUTION_COLUMNS: ColDef<ExecutionRow>[] = [
  { field: 'time', headerName: 'Time', width: 190, sort: 'desc' },
  { field: 'account', headerName: 'Account', width: 115 },
  { field: 'symbol', headerName: 'Symbol', width: 95 },
  { field: 'side', headerName: 'Side', width: 75 },
  quantityColumn<ExecutionRow>('quantity', 'Quantity', 95),
  moneyColumn<ExecutionRow>('price', 'Price', false, 110),
  moneyColumn<ExecutionRow>('commission', 'Commission', false, 115),
  { field: 'commissionCurrency', headerName: 'Comm. ccy', width: 95 },
  moneyColumn<ExecutionRow>('realizedPnl', 'Realized P&L', true, 125),
  { field: 'orderId', headerName: 'Order', width: 85 },
  { field: 'execId', headerName: 'Execution id', width: 170 },
];

function useBookOverlay(empty: string) {
  const status = useOrderBookStore((s) => s.status);
  return {
    loading: status !== 'ready',
    overlayLoadingTemplate: overlay(
      status === 'waiting' ? 'Waiting for IB Gateway…' : 'Reading orders from IB Gateway…',
    ),
    overlayNoRowsTemplate: overlay(empty),
  };
}

/** Hears of the grid a tab shows, for the pane's export button. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- either tab's rows
type OnApi = (api: GridApi<any>) => void;

function OpenOrdersGrid({ onApi }: { onApi: OnApi }) {
  const { gridProps, apiRef } = useFeedGrid(openOrderFeed, 'open-orders', onApi);
  // Which orders this client may modify or cancel depends on the session's client id.
  const clientId = useSessionStore((s) => s.session?.clientId);
  useEffect(() => apiRef.current?.redrawRows(), [clientId, apiRef]);
  return (
    <GridHost<OpenOrderRow>
      {...gridProps}
      {...useBookOverlay('No open orders')}
      theme="legacy"
      columnDefs={ORDER_COLUMNS}
    />
  );
}

function ExecutionsGrid({ onApi }: { onApi: OnApi }) {
  const { gridProps } = useFeedGrid(executionFeed, 'executions', onApi);
  return (
    <GridHost<ExecutionRow>
      {...gridProps}
      {...useBookOverlay('No executions today')}
      theme="legacy"
      columnDefs={EXECUTION_COLUMNS}
    />
  );
}

/** Cancelling every order is one click away from a mistake: it asks first and says how many. */
function CancelAllDialog({ onClose }: { onClose(): void }) {
  const count = useOrderBookStore((s) => s.openOrderCount);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const answer = await report(window.gatehouse.orders.cancelAll({ confirm: true }));
    if (answer) useNoticeStore.getState().push('info', answer.message);
    onClose();
  };
  return (
    <ModalDialog title="Cancel all orders?" onCancel={onClose}>
      <p>
        This cancels <strong>every working order in every account</strong> ({count} listed), including orders placed
        from TWS or other programs.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Keep orders
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          Cancel all orders
        </button>
      </div>
    </ModalDialog>
  );
}

export function OrdersPanel() {
  const [tab, setTab] = useState<Tab>('orders');
  const [confirming, setConfirming] = useState(false);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- either tab's rows
  const shown = useRef<GridApi<any> | null>(null);
  const onApi = useCallback<OnApi>((api) => (shown.current = api), []);
  const openOrderCount = useOrderBookStore((s) => s.openOrderCount);
  const executionCount = useOrderBookStore((s) => s.executionCount);
  const loadError = useOrderBookStore((s) => s.loadError);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'orders', label: `Open orders (${openOrderCount})` },
    { id: 'executions', label: `Executions (${executionCount})` },
  ];
  return (
    <section className="accounts-pane orders-pane" aria-label="Orders and executions">
      <div className="pane-header">
        <div role="tablist" aria-label="Orders and executions" className="tabs">
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`book-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`book-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft')
                  setTab(tab === 'orders' ? 'executions' : 'orders');
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <LinkOcaButton />
        <button type="button" className="danger" disabled={openOrderCount === 0} onClick={() => setConfirming(true)}>
          Cancel all orders
        </button>
        <GridExportButton api={shown} what={tab === 'orders' ? 'open orders' : 'executions'} />
      </div>
      {loadError && (
        <LoadError label="Orders and executions" message={loadError} onRetry={() => void loadOrderBook()} />
      )}
      <div
        className="grid-host ag-theme-quartz-auto-dark"
        role="tabpanel"
        id={`book-panel-${tab}`}
        aria-labelledby={`book-tab-${tab}`}
      >
        {tab === 'orders' ? <OpenOrdersGrid onApi={onApi} /> : <ExecutionsGrid onApi={onApi} />}
      </div>
      {confirming && <CancelAllDialog onClose={() => setConfirming(false)} />}
    </section>
  );
}
