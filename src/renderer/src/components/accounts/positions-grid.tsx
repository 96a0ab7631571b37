import {
  RenderApiModule,
  RowSelectionModule,
  TooltipModule,
  type CellFocusedEvent,
  type GridApi,
  type IRowNode,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Account, ConsolidatedPosition, PositionRow } from '../../../../shared/accounts';
import { GridExportButton } from '../../export/grid-export-button';
import { consolidatedFeed, positionFeed, useAccountsStore } from '../../stores/accounts-store';
import { setTouchRow } from '../../stores/hotkey-store';
import { GridHost } from '../grid-host';
import { useGreekRefresh } from '../options/greeks-columns';
import { GreeksStrip } from '../options/greeks-strip';
import { overlay, useFeedGrid } from './grid-kit';
import { HoldingsImportDialog } from './holdings-import-dialog';
import { consolidatedColumns, PER_ACCOUNT_COLUMNS } from './positions-columns';

type View = 'per-account' | 'consolidated';

/** Positions per account or one row per instrument across accounts, narrowed by the account chips. */
export function PositionsGrid() {
  const accounts = useAccountsStore((s) => s.accounts);
  const [view, setView] = useState<View>('per-account');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [importing, setImporting] = useState(false);
  // Whichever of the two grids is shown: what the export saves.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- either grid's rows
  const shown = useRef<GridApi<any> | null>(null);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- either grid's rows
  const onApi = useCallback((api: GridApi<any>) => (shown.current = api), []);
  const toggle = (id: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section className="accounts-pane positions-pane" aria-label="Positions">
      <div className="pane-header">
        <h2>Positions</h2>
        <div className="segmented" role="group" aria-label="Positions view">
          {(['per-account', 'consolidated'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={view === option} onClick={() => setView(option)}>
              {option === 'per-account' ? 'Per account' : 'Consolidated'}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label="Show accounts">
          {accounts.map((account) => (
            <button
              key={account.id}
              type="button"
              className="chip"
              aria-pressed={!hidden.has(account.id)}
              aria-label={`Show ${account.label} ${account.id}`}
              onClick={() => toggle(account.id)}
            >
              {account.label} <span className="account-id">{account.id}</span>
            </button>
          ))}
        </div>
        <GridExportButton api={shown} what={view === 'per-account' ? 'positions' : 'consolidated positions'} />
        <button type="button" className="export-button" onClick={() => setImporting(true)}>
          Other brokers…
        </button>
      </div>
      {importing && <HoldingsImportDialog onClose={() => setImporting(false)} />}
      <GreeksStrip accounts={accounts} consolidated={view === 'consolidated'} />
      <div
        className="grid-host ag-theme-quartz-auto-dark"
        role="region"
        aria-label={view === 'per-account' ? 'Positions by account' : 'Consolidated positions'}
      >
        {view === 'per-account' ? (
          <PerAccountGrid hidden={hidden} onApi={onApi} />
        ) : (
          <ConsolidatedGrid hidden={hidden} accounts={accounts} onApi={onApi} />
        )}
      </div>
    </section>
  );
}

function useStatusOverlay(what: string) {
  const status = useAccountsStore((s) => s.status);
  return {
    loading: status !== 'ready',
    overlayLoadingTemplate: overlay(
      status === 'waiting' ? 'Waiting for IB Gateway…' : `Loading ${what} from IB Gateway…`,
    ),
    overlayNoRowsTemplate: overlay(`No ${what} in the accounts shown.`),
  };
}

/** The chips act as an external filter, so sorting, column filters and transactions all keep working. */
function useAccountFilter<Row>(hidden: ReadonlySet<string>, accountsOf: (row: Row) => string[]) {
  return useMemo(
    () => ({
      isExternalFilterPresent: () => hidden.size > 0,
      doesExternalFilterPass: (node: IRowNode<Row>) => !node.data || accountsOf(node.data).some((a) => !hidden.has(a)),
    }),
    // accountsOf is a module-level function per grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hidden],
  );
}

const accountOfRow = (row: PositionRow) => [row.account];
const accountsOfConsolidated = (row: ConsolidatedPosition) => row.split.map((s) => s.account);

interface GridProps<Row> {
  hidden: ReadonlySet<string>;
  onApi(api: GridApi<Row>): void;
}

/** A row chosen by pointer or keyboard: selected, and the row buy / sell at the touch (Alt+B / Alt+S) acts on. */
// Both positions grids show greeks: their header tooltips and the refresh of a row's greek cells.
const GREEK_MODULES = [TooltipModule, RenderApiModule];
const PER_ACCOUNT_MODULES = [RowSelectionModule, ...GREEK_MODULES];
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
function chooseFocusedRow(event: CellFocusedEvent<PositionRow>) {
  const node = typeof event.rowIndex === 'number' ? event.api.getDisplayedRowAtIndex(event.rowIndex) : undefined;
  if (!node?.data) return;
  node.setSelected(true, true);
  setTouchRow(node.data);
}

function PerAccountGrid({ hidden, onApi }: GridProps<PositionRow>) {
  const { gridProps, apiRef } = useFeedGrid(positionFeed, 'positions', onApi);
  const filterProps = useAccountFilter(hidden, accountOfRow);
  useGreekRefresh(apiRef);
  useEffect(() => apiRef.current?.onFilterChanged(), [hidden, apiRef]);
  return (
    <GridHost<PositionRow>
      {...gridProps}
      {...filterProps}
      {...useStatusOverlay('positions')}
      modules={PER_ACCOUNT_MODULES}
      rowSelection={ROW_SELECTION}
      onCellFocused={chooseFocusedRow}
      theme="legacy"
      columnDefs={PER_ACCOUNT_COLUMNS}
    />
  );
}

function ConsolidatedGrid({ hidden, accounts, onApi }: GridProps<ConsolidatedPosition> & { accounts: Account[] }) {
  const { gridProps, apiRef } = useFeedGrid(consolidatedFeed, 'consolidated', onApi);
  const filterProps = useAccountFilter(hidden, accountsOfConsolidated);
  useGreekRefresh(apiRef);
  const columns = useMemo(() => consolidatedColumns(accounts), [accounts]);
  useEffect(() => apiRef.current?.onFilterChanged(), [hidden, apiRef]);
  return (
    <GridHost<ConsolidatedPosition>
      {...gridProps}
      {...filterProps}
      {...useStatusOverlay('positions')}
      modules={GREEK_MODULES}
      theme="legacy"
      columnDefs={columns}
    />
  );
}
