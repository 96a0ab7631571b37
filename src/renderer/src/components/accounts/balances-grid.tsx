import {
  PinnedRowModule,
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type ICellRendererParams,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Balance, LedgerLine } from '../../../../shared/accounts';
import { balanceFeed, TOTAL_ROW_ID, useAccountsStore } from '../../stores/accounts-store';
import { report } from '../../stores/notice-store';
import { DomGrid } from '../dom-grid';
import { cellButton, element } from '../dom';
import { ModalDialog } from '../modal-dialog';
import { accountName } from './account-cell';
import { AccountOverrideDialog } from './account-override-dialog';
import { formatMoney, moneyColumn, overlay, useFeedGrid } from './grid-kit';

/** What the account cells can ask of the grid around them. */
interface BalancesContext {
  edit(account: string): void;
}

function accountCell({ value, context }: ICellRendererParams<Balance, string, BalancesContext>): HTMLElement {
  if (value === TOTAL_ROW_ID) return element('strong', {}, 'Total (USD)');
  const id = value ?? '';
  // The button first, so a long name and badge never push it out of the cell.
  const edit = cellButton(
    'Edit',
    {
      class: 'edit-account',
      'aria-label': `Edit account ${id}`,
      title: "Set this account's type and label (or press Enter on the account cell)",
    },
    () => context.edit(id),
  );
  const account = useAccountsStore.getState().accounts.find((a) => a.id === id);
  return element('span', { class: 'account-cell' }, edit, accountName(id, account));
}

/** Enter on an account's name opens its editor: the keyboard's way to the Edit button inside the cell. */
function accountToEdit(event: CellKeyDownEvent<Balance> | FullWidthCellKeyDownEvent<Balance>): string | null {
  const account = event.data?.account;
  if ((event.event as KeyboardEvent | null)?.key !== 'Enter' || !('column' in event)) return null;
  return event.column.getColId() === 'account' && account && account !== TOTAL_ROW_ID ? account : null;
}

const COLUMNS: ColDef<Balance>[] = [
  { field: 'account', headerName: 'Account', cellRenderer: accountCell, width: 380 },
  moneyColumn<Balance>('netLiquidation', 'Net liquidation'),
  moneyColumn<Balance>('totalCashValue', 'Total cash', true),
  moneyColumn<Balance>('settledCash', 'Settled cash', true),
  moneyColumn<Balance>('buyingPower', 'Buying power'),
  moneyColumn<Balance>('availableFunds', 'Available funds', true),
  moneyColumn<Balance>('excessLiquidity', 'Excess liquidity', true),
  moneyColumn<Balance>('initMarginReq', 'Initial margin'),
  moneyColumn<Balance>('maintMarginReq', 'Maint. margin'),
  moneyColumn<Balance>('grossPositionValue', 'Gross position value'),
  moneyColumn<Balance>('dailyPnl', 'Daily P&L', true),
  moneyColumn<Balance>('unrealizedPnl', 'Unrealized P&L', true),
  moneyColumn<Balance>('realizedPnl', 'Realized P&L', true),
];

const PINNED_ROWS = [PinnedRowModule];

const LOADING = {
  waiting: 'Waiting for IB Gateway…',
  loading: 'Loading balances from IB Gateway…',
  ready: '',
};

/** A row per account and a pinned total row that is, field by field, the sum of the rows (in USD). */
export function BalancesGrid() {
  const status = useAccountsStore((s) => s.status);
  const accounts = useAccountsStore((s) => s.accounts);
  const { gridProps, apiRef } = useFeedGrid(balanceFeed, 'balances');
  // The account cells read labels and types from the store: redrawn when those change, not per update
  // (refreshCells would keep a function renderer's element).
  useEffect(() => apiRef.current?.redrawRows(), [accounts, apiRef]);
  const [ledgerOpen, setLedgerOpen] = useState(false);
  // The dialog lives outside the grid: a cell is recycled on updates and owns its keyboard events.
  const [editing, setEditing] = useState<string | null>(null);
  const editingAccount = useAccountsStore((s) => s.accounts.find((a) => a.id === editing));
  const context = useMemo<BalancesContext>(() => ({ edit: setEditing }), []);
  const onCellKeyDown = useCallback((event: CellKeyDownEvent<Balance> | FullWidthCellKeyDownEvent<Balance>) => {
    const account = accountToEdit(event);
    if (account) setEditing(account);
  }, []);
  return (
    <section className="accounts-pane balances-pane" aria-label="Balances">
      <div className="pane-header">
        <h2>Balances</h2>
        <button type="button" onClick={() => setLedgerOpen(true)} disabled={status === 'waiting'}>
          Cash by currency
        </button>
      </div>
      <div className="grid-host ag-theme-quartz-auto-dark" role="region" aria-label="Balances grid">
        <DomGrid<Balance>
          {...gridProps}
          // The total row. This grid's alone: a grid with PinnedRowModule re-measures its viewport (a forced
          // layout) in the frame after every transaction, which the watchlist cannot afford per quote batch.
          modules={PINNED_ROWS}
          theme="legacy"
          columnDefs={COLUMNS}
          context={context}
          onCellKeyDown={onCellKeyDown}
          loading={status !== 'ready' && balanceFeed.size === 0}
          overlayLoadingTemplate={overlay(LOADING[status] || 'Loading…')}
          overlayNoRowsTemplate={overlay('No linked accounts reported by IB Gateway.')}
          // A handful of accounts: every one and the total always in view, never behind a scrollbar.
          domLayout="autoHeight"
        />
      </div>
      {ledgerOpen && <LedgerDialog onClose={() => setLedgerOpen(false)} />}
      {editingAccount && <AccountOverrideDialog account={editingAccount} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** `$LEDGER:ALL`: cash in each currency of each account, read when asked for. */
function LedgerDialog({ onClose }: { onClose(): void }) {
  const [lines, setLines] = useState<LedgerLine[] | null>(null);
  useEffect(() => {
    let open = true;
    void report(window.gatehouse.accounts.ledger({})).then((value) => open && setLines(value ?? []));
    return () => {
      open = false;
    };
  }, []);
  return (
    <ModalDialog title="Cash by currency" onCancel={onClose}>
      {lines === null ? (
        <p role="status">Reading the ledger from IB Gateway…</p>
      ) : lines.length === 0 ? (
        <p>IB Gateway has not reported any cash yet.</p>
      ) : (
        <table className="ledger-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Currency</th>
              <th scope="col">Cash</th>
              <th scope="col">USD per unit</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.account}:${line.currency}`}>
                <td>{line.account}</td>
                <td>{line.currency}</td>
                <td className="num">{formatMoney(line.cash)}</td>
                <td className="num">{line.exchangeRate?.toFixed(5) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
