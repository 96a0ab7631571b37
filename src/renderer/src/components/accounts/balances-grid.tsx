import { PinnedRowModule, type CellKeyDownEvent, type FullWidthCellKeyDownEvent } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Balance, LedgerLine } from '../../../../shared/accounts';
import { balanceFeed, loadAccountsSnapshot, useAccountsStore } from '../../stores/accounts-store';
import { LoadError } from '../load-error';
import { report } from '../../stores/notice-store';
import { GridExportButton } from '../../export/grid-export-button';
import { GridHost } from '../grid-host';
import { useDensityStore } from '../layout/density';
import { ModalDialog } from '../modal-dialog';
import { AccountOverrideDialog } from './account-override-dialog';
import { accountToEdit, BALANCE_COLUMNS, type BalancesContext } from './balances-columns';
import { formatMoney, formatPrice } from '../../format';
import { overlay, useFeedGrid } from './grid-kit';

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
  const loadError = useAccountsStore((s) => s.error);
  const { gridProps, apiRef } = useFeedGrid(balanceFeed, 'balances');
  // An auto-height grid keeps its body's height across a row height change: made anew with the density.
  const density = useDensityStore((s) => s.density);
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
        <GridExportButton api={apiRef} what="balances" />
      </div>
      {loadError && (
        <LoadError label="Balances and positions" message={loadError} onRetry={() => void loadAccountsSnapshot()} />
      )}
      <div className="grid-host ag-theme-quartz-auto-dark" role="region" aria-label="Balances grid">
        <GridHost<Balance>
          key={density}
          {...gridProps}
          // The total row. This grid's alone: a grid with PinnedRowModule re-measures its viewport (a forced
          // layout) in the frame after every transaction, which the watchlist cannot afford per quote batch.
          modules={PINNED_ROWS}
          theme="legacy"
          columnDefs={BALANCE_COLUMNS}
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
                <td className="num">{formatPrice(line.exchangeRate ?? null, 5) || '—'}</td>
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
