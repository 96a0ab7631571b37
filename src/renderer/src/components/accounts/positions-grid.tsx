import type { ColDef, ICellRendererParams, IRowNode } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { Account, ConsolidatedPosition, PositionRow } from '../../../../shared/accounts';
import { consolidatedFeed, positionFeed, useAccountsStore } from '../../stores/accounts-store';
import { openTicket } from '../../stores/order-store';
import { cellButton, element } from '../dom';
import { DomGrid } from '../dom-grid';
import { closePrefill } from '../orders/ticket-prefill';
import { moneyColumn, overlay, quantityColumn, useFeedGrid } from './grid-kit';

type View = 'per-account' | 'consolidated';

/** Fits "100.00 %": figures are not clipped (grids.css). */
const PERCENT_MIN_WIDTH = 90;

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(2)} %`;

const instrumentColumns = <Row,>(): ColDef<Row>[] => [
  { field: 'symbol' as ColDef<Row>['field'], headerName: 'Symbol', width: 100, filter: 'agTextColumnFilter' },
  { field: 'description' as ColDef<Row>['field'], headerName: 'Description', width: 170 },
  { field: 'secType' as ColDef<Row>['field'], headerName: 'Type', width: 80 },
  { field: 'currency' as ColDef<Row>['field'], headerName: 'Currency', width: 95 },
];

const figureColumns = <Row,>(): ColDef<Row>[] => [
  quantityColumn<Row>('quantity', 'Quantity'),
  moneyColumn<Row>('avgCost', 'Avg cost', false, 110),
  moneyColumn<Row>('marketPrice', 'Market price', false, 120),
  moneyColumn<Row>('marketValue', 'Market value', true),
  moneyColumn<Row>('unrealizedPnl', 'Unrealized P&L (USD)', true, 150),
  moneyColumn<Row>('dailyPnl', 'Daily P&L (USD)', true, 130),
];

/** Close (all) or Trim (half): opens the ticket on the opposite side for this account's position. */
function positionActions({ data }: ICellRendererParams<PositionRow>): HTMLElement | string {
  if (!data) return '';
  const what = `${data.quantity} ${data.description || data.symbol} in ${data.account}`;
  const button = (part: 'close' | 'trim', label: string) => {
    const prefill = closePrefill(data, part);
    return cellButton(
      label,
      { 'aria-label': `${label} position ${what}` },
      () => prefill && openTicket(prefill),
      !prefill,
    );
  };
  return element('span', {}, button('close', 'Close'), button('trim', 'Trim'));
}

const PER_ACCOUNT: ColDef<PositionRow>[] = [
  {
    colId: 'actions',
    headerName: '',
    cellRenderer: positionActions,
    width: 150,
    sortable: false,
    filter: false,
  },
  { field: 'account', headerName: 'Account', width: 120 },
  ...instrumentColumns<PositionRow>(),
  ...figureColumns<PositionRow>(),
  {
    field: 'pctOfAccount',
    headerName: '% of account',
    type: 'rightAligned',
    width: 115,
    minWidth: PERCENT_MIN_WIDTH,
    valueFormatter: (p) => percent(p.value),
  },
];

function consolidatedColumns(accounts: Account[]): ColDef<ConsolidatedPosition>[] {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return [
    ...instrumentColumns<ConsolidatedPosition>(),
    quantityColumn<ConsolidatedPosition>('quantity', 'Total quantity', 120),
    {
      colId: 'split',
      headerName: 'Split by account',
      width: 300,
      filter: 'agTextColumnFilter',
      valueGetter: (p) => p.data?.split.map((s) => `${s.account} (${label(s.account)}) ${s.quantity}`).join(' · '),
    },
    ...figureColumns<ConsolidatedPosition>().slice(1),
    {
      field: 'pctOfTotal',
      headerName: '% of all accounts',
      type: 'rightAligned',
      width: 135,
      minWidth: PERCENT_MIN_WIDTH,
      valueFormatter: (p) => percent(p.value),
    },
  ];
}

/** Positions per account or one row per instrument across accounts, narrowed by the account chips. */
export function PositionsGrid() {
  const accounts = useAccountsStore((s) => s.accounts);
  const [view, setView] = useState<View>('per-account');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
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
      </div>
      <div
        className="grid-host ag-theme-quartz-auto-dark"
        role="region"
        aria-label={view === 'per-account' ? 'Positions by account' : 'Consolidated positions'}
      >
        {view === 'per-account' ? (
          <PerAccountGrid hidden={hidden} />
        ) : (
          <ConsolidatedGrid hidden={hidden} accounts={accounts} />
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

function PerAccountGrid({ hidden }: { hidden: ReadonlySet<string> }) {
  const { gridProps, apiRef } = useFeedGrid(positionFeed, 'positions');
  const filterProps = useAccountFilter(hidden, accountOfRow);
  useEffect(() => apiRef.current?.onFilterChanged(), [hidden, apiRef]);
  return (
    <DomGrid<PositionRow>
      {...gridProps}
      {...filterProps}
      {...useStatusOverlay('positions')}
      theme="legacy"
      columnDefs={PER_ACCOUNT}
    />
  );
}

function ConsolidatedGrid({ hidden, accounts }: { hidden: ReadonlySet<string>; accounts: Account[] }) {
  const { gridProps, apiRef } = useFeedGrid(consolidatedFeed, 'consolidated');
  const filterProps = useAccountFilter(hidden, accountsOfConsolidated);
  const columns = useMemo(() => consolidatedColumns(accounts), [accounts]);
  useEffect(() => apiRef.current?.onFilterChanged(), [hidden, apiRef]);
  return (
    <DomGrid<ConsolidatedPosition>
      {...gridProps}
      {...filterProps}
      {...useStatusOverlay('positions')}
      theme="legacy"
      columnDefs={columns}
    />
  );
}
