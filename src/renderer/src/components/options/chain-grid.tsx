import {
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  type CellClickedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type GridOptions,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import type { ChainRows } from '../../../../shared/options';
import { watchVisible } from '../../stores/chain-store';
import { onQuoteBatch, useMarketStore } from '../../stores/market-store';
import { openTicket } from '../../stores/ticket-store';
import { useGridHost } from '../grid-host';
import { formatPrice, formatVolume } from '../../format';
import { chainPrefill, type QuoteSide } from './chain-prefill';
import { chainGridRows, optionsInView, rowsByOption, sideFigures, type ChainGridRow } from './chain-rows';

type Value = ValueFormatterParams<ChainGridRow, number | null>;
const fixed = (digits: number) => (p: Value) => (p.value == null ? '' : p.value.toFixed(digits));
const percent = (p: Value) => (p.value == null ? '' : `${(p.value * 100).toFixed(1)} %`);
const price = (p: Value) => formatPrice(p.value ?? null, 2);
const count = (p: Value) => formatVolume(p.value ?? null);

const SIDES = { c: 'Call', p: 'Put' } as const;
type Side = keyof typeof SIDES;

/** A call's figures read outward from the strike, mirrored by the put's; bid before ask on both sides. */
const FIGURES: [keyof ChainGridRow['c'], string, (p: Value) => string][] = [
  ['volume', 'volume', count],
  ['openInterest', 'open interest', count],
  ['iv', 'IV', percent],
  ['delta', 'delta', fixed(3)],
  ['theta', 'theta', fixed(3)],
  ['last', 'last', price],
  ['bid', 'bid', price],
  ['ask', 'ask', price],
];

function sideColumns(side: Side): ColDef<ChainGridRow>[] {
  const [ask, bid, ...outward] = [...FIGURES].reverse();
  const figures = side === 'c' || !ask || !bid ? FIGURES : [bid, ask, ...outward];
  return figures.map(([figure, name, valueFormatter]) => {
    const tradable = figure === 'bid' || figure === 'ask';
    return {
      colId: `${side}.${figure}`,
      field: `${side}.${figure}` as ColDef<ChainGridRow>['field'],
      headerName: `${SIDES[side]} ${name}`,
      headerTooltip: tradable
        ? `${figure === 'bid' ? 'Sell at the bid' : 'Buy at the ask'}: click or press Enter`
        : undefined,
      valueFormatter,
      type: 'rightAligned',
      width: figure === 'openInterest' ? 84 : 70,
      minWidth: 62,
      cellClass: tradable ? 'chain-tradable' : undefined,
    } as ColDef<ChainGridRow>;
  });
}

const COLUMNS: ColDef<ChainGridRow>[] = [
  ...sideColumns('c'),
  {
    colId: 'strike',
    field: 'strike',
    headerName: 'Strike',
    width: 116,
    cellClass: 'chain-strike',
    valueFormatter: (p: ValueFormatterParams<ChainGridRow, number>) =>
      `${formatPrice(p.value ?? null, 2)}${p.data?.atTheMoney ? ' ATM' : ''}`,
  },
  ...sideColumns('p'),
];

/** The chain's own features: the at-the-money row's class, the bid/ask headers' tooltips. */
const CHAIN_MODULES = [RowStyleModule, TooltipModule, ScrollApiModule];

const getRowId = (params: GetRowIdParams<ChainGridRow>) => String(params.data.strike);

/** The clicked (or Entered) cell's option and price, when it is a bid or an ask. */
function chosen(colId: string, row: ChainGridRow | undefined) {
  const [side, figure] = colId.split('.') as [Side, string];
  if (!row || (figure !== 'bid' && figure !== 'ask') || (side !== 'c' && side !== 'p')) return null;
  const option = side === 'c' ? row.call : row.put;
  return option ? chainPrefill(option, figure as QuoteSide, row[side][figure as QuoteSide]) : null;
}

function trade(event: CellClickedEvent<ChainGridRow>): void {
  const prefill = chosen(event.column.getColId(), event.data);
  if (prefill) openTicket(prefill);
}

function onKey(event: CellKeyDownEvent<ChainGridRow> | FullWidthCellKeyDownEvent<ChainGridRow>): void {
  const key = event.event as KeyboardEvent | null | undefined;
  if (key?.key !== 'Enter' || !('column' in event)) return;
  const prefill = chosen(event.column.getColId(), event.data);
  if (prefill) {
    key.preventDefault();
    openTicket(prefill);
  }
}

/** Lines follow the rows on screen: asked for as rows scroll in, given back as they scroll out. */
const VIEW_SETTLE_MS = 120;

/**
 * Calls and puts of one expiry, strike by strike. Quotes arrive as one transaction per market batch, like the
 * watchlist's; only the rows in view hold market data lines.
 */
export function ChainGrid({ rows, onApi }: { rows: ChainRows; onApi?(api: GridApi<ChainGridRow>): void }) {
  const rowData = useMemo(() => {
    const { quotes } = useMarketStore.getState();
    return chainGridRows(rows, (conId) => quotes.get(conId));
  }, [rows]);
  const index = useMemo(() => rowsByOption(rows), [rows]);
  const viewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const options = useMemo<GridOptions<ChainGridRow>>(() => {
    const viewChanged = ({ api }: { api: GridApi<ChainGridRow> }) => {
      clearTimeout(viewTimer.current);
      viewTimer.current = setTimeout(() => {
        const shown: ChainGridRow[] = [];
        api.forEachNodeAfterFilterAndSort((node) => node.data && shown.push(node.data));
        const first = api.getFirstDisplayedRowIndex();
        const last = api.getLastDisplayedRowIndex();
        void watchVisible(optionsInView(shown, first, last));
      }, VIEW_SETTLE_MS);
    };
    return {
      theme: 'legacy',
      columnDefs: COLUMNS,
      getRowId,
      ensureDomOrder: true,
      rowHeight: 28,
      headerHeight: 32,
      // Rendered rows are the rows in view: each holds two market data lines.
      rowBuffer: 0,
      rowClassRules: { 'chain-atm': (p) => p.data?.atTheMoney === true },
      onCellClicked: trade,
      onCellKeyDown: onKey,
      onViewportChanged: viewChanged,
      onModelUpdated: viewChanged,
      // A chain opens on the money: the at-the-money strike in the middle of the rows in view.
      onRowDataUpdated: ({ api }) => {
        let atm = -1;
        api.forEachNode((node) => node.data?.atTheMoney && (atm = node.rowIndex ?? -1));
        if (atm >= 0) api.ensureIndexVisible(atm, 'middle');
      },
      overlayNoRowsTemplate: 'No strikes listed for this expiry.',
    };
  }, []);
  const { host, api } = useGridHost<ChainGridRow>({ ...options, rowData }, CHAIN_MODULES, onApi);

  useEffect(() => () => clearTimeout(viewTimer.current), []);
  useEffect(
    () =>
      onQuoteBatch((quotes) => {
        const grid = api.current;
        if (!grid) return;
        const changed = new Map<string, ChainGridRow>();
        for (const quote of quotes) {
          const at = index.get(quote.conId);
          if (!at) continue;
          const id = String(at.strike);
          const row = changed.get(id) ?? grid.getRowNode(id)?.data;
          if (row) changed.set(id, { ...row, [at.side]: sideFigures(quote) });
        }
        if (changed.size > 0) grid.applyTransaction({ update: [...changed.values()] });
      }),
    [api, index],
  );

  return (
    <div
      className="ag-theme-quartz-auto-dark chain-grid"
      role="region"
      aria-label={`Calls and puts expiring ${rows.expiry}`}
      ref={host}
    />
  );
}
