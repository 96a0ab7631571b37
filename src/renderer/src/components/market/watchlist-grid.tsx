import {
  HighlightChangesModule,
  RowSelectionModule,
  TooltipModule,
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type GridOptions,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import type { Listing, MarketDataType, Quote } from '../../../../shared/market';
import { setTouchRow } from '../../stores/hotkey-store';
import { onQuoteBatch, useMarketStore } from '../../stores/market-store';
import { useGridHost } from '../grid-host';
import { dayRange, formatPrice, formatSigned, formatSize, formatVolume, priceDecimals } from '../../format';
import { marketDataLabel } from './data-type-label';
import { RowUpdates } from './row-updates';
import { useRowHeight } from '../layout/density';

/** One watchlist line: the listing and its latest quote, flattened for the grid. */
export interface WatchlistRow {
  conId: number;
  symbol: string;
  description: string;
  decimals: number;
  bid: number | null;
  ask: number | null;
  last: number | null;
  bidSize: number | null;
  askSize: number | null;
  change: number | null;
  changePct: number | null;
  volume: number | null;
  high: number | null;
  low: number | null;
  marketDataType: MarketDataType | null;
}

type QuoteFields = Omit<WatchlistRow, 'conId' | 'symbol' | 'description' | 'decimals'>;

function quoteFields(quote: Quote | undefined): QuoteFields {
  return {
    bid: quote?.bid ?? null,
    ask: quote?.ask ?? null,
    last: quote?.last ?? null,
    bidSize: quote?.bidSize ?? null,
    askSize: quote?.askSize ?? null,
    change: quote?.change ?? null,
    changePct: quote?.changePct ?? null,
    volume: quote?.volume ?? null,
    high: quote?.high ?? null,
    low: quote?.low ?? null,
    marketDataType: quote?.marketDataType ?? null,
  };
}

export function rowOf(listing: Listing, quote: Quote | undefined): WatchlistRow {
  return {
    conId: listing.conId,
    symbol: listing.symbol,
    description: listing.description,
    decimals: priceDecimals(listing.secType),
    ...quoteFields(quote),
  };
}

type Value = ValueFormatterParams<WatchlistRow, number | null>;
const price = (p: Value) => formatPrice(p.value ?? null, p.data?.decimals ?? 2);

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Only the prices flash: sizes, volume, change and the day range move with nearly every snapshot, and their
 * flashes were over half the page's CPU at 100 lines × 250 ms (the cost bench, flashes on vs reduced motion).
 */
const FLASHED = new Set<keyof WatchlistRow>(['last', 'bid', 'ask']);

function columns(flash: boolean): ColDef<WatchlistRow>[] {
  const num = (field: keyof WatchlistRow, headerName: string, valueFormatter: (p: Value) => string, width = 78) =>
    // minWidth: figures are not clipped (grids.css); 78 px fits "12,345.67" and "+1,234.56".
    ({
      field,
      headerName,
      valueFormatter,
      type: 'rightAligned',
      width,
      minWidth: 78,
      enableCellChangeFlash: flash && FLASHED.has(field),
    }) as ColDef<WatchlistRow, number | null>;
  return [
    { field: 'symbol', headerName: 'Symbol', width: 80, tooltipField: 'description' },
    // Second, so whether a price is live or delayed is never scrolled out of view.
    {
      field: 'marketDataType',
      headerName: 'Data',
      width: 84,
      valueFormatter: (p: ValueFormatterParams<WatchlistRow, MarketDataType | null>) =>
        marketDataLabel(p.value ?? null),
      cellClassRules: {
        'data-delayed': (p) => p.value === 'delayed' || p.value === 'delayed-frozen',
        'data-frozen': (p) => p.value === 'frozen' || p.value === 'delayed-frozen',
      },
    },
    // What moved and how much first; then the quote to trade at; then the day's range and activity.
    num('last', 'Last', price),
    num('change', 'Change', (p) => formatSigned(p.value ?? null, p.data?.decimals ?? 2)),
    // Wide enough for its header whole ("% Cha…" at 78 px).
    num('changePct', '% Change', (p) => formatSigned(p.value ?? null, 2, ' %'), 90),
    num('bid', 'Bid', price),
    num('ask', 'Ask', price),
    {
      colId: 'dayRange',
      headerName: 'Day range',
      type: 'rightAligned',
      width: 140,
      minWidth: 120,
      valueGetter: (p) => (p.data ? dayRange(p.data) : ''),
    },
    num('volume', 'Volume', (p) => formatVolume(p.value ?? null)),
    num('bidSize', 'Bid size', (p) => formatSize(p.value ?? null)),
    num('askSize', 'Ask size', (p) => formatSize(p.value ?? null)),
  ];
}

const getRowId = (params: GetRowIdParams<WatchlistRow>) => String(params.data.conId);

/** The watchlist's own features: flashing changed prices, the description as a tooltip, a selected row. */
const WATCHLIST_MODULES = [HighlightChangesModule, TooltipModule, RowSelectionModule];

export interface WatchlistGridProps {
  onMove(conId: number, toIndex: number): void;
  onRemove(conId: number): void;
  /** Enter or a double click: open the order ticket for the row. */
  onTrade(conId: number): void;
  /** Hears of the grid once it exists (the panel's export button). */
  onApi?(api: GridApi<WatchlistRow>): void;
}

/**
 * The watchlist as a grid. Rows are rebuilt only when the list itself changes; quotes arrive as one
 * `applyTransaction` per batch, so a busy market costs one grid update per batch and no React render.
 */
export function WatchlistGrid({ onMove, onRemove, onTrade, onApi }: WatchlistGridProps) {
  const entries = useMarketStore((s) => s.entries);
  const selected = useMarketStore((s) => s.selected);
  // The grid is created once; its handlers reach the latest callbacks through this.
  const actions = useRef({ onMove, onRemove, onTrade });
  useEffect(() => {
    actions.current = { onMove, onRemove, onTrade };
  }, [onMove, onRemove, onTrade]);

  const rowData = useMemo(() => {
    const { quotes } = useMarketStore.getState();
    return entries.map((entry) => rowOf(entry, quotes.get(entry.conId)));
  }, [entries]);

  const options = useMemo<GridOptions<WatchlistRow>>(
    () => ({
      theme: 'legacy',
      columnDefs: columns(!reducedMotion()),
      getRowId,
      // Screen readers and tests read rows in DOM order; keep it the displayed order after a move.
      ensureDomOrder: true,
      // Every row changes several times a second: each rendered row out of sight is DOM kept up to date for
      // nobody (ag-grid keeps 10 above and below by default). Two are enough to scroll a 300 px list.
      rowBuffer: 2,
      // A short flash without a fade: a fading background repaints every flashing cell every frame, which
      // costs more than the quotes themselves on a busy market. (CSS animations of the cells' own, tried
      // instead, cost more: a style update per animated cell per frame or a composited layer each, and an
      // animation event per cell that React's root listener handles.)
      cellFlashDuration: 250,
      cellFadeDuration: 0,
      rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
      onSelectionChanged: (event) => {
        const [row] = event.api.getSelectedRows();
        if (row) useMarketStore.setState({ selected: row.conId });
      },
      onCellKeyDown: (event) => onKey(event, actions.current),
      // A watchlist row chosen after a positions row: buy / sell at the touch act on the watchlist again.
      onCellFocused: () => setTouchRow(null),
      onRowDoubleClicked: (event) => {
        if (event.data) actions.current.onTrade(event.data.conId);
      },
      overlayNoRowsTemplate: 'No symbols yet: add one with the box above.',
    }),
    [],
  );
  const rowHeight = useRowHeight(28);
  const { host, api } = useGridHost<WatchlistRow>(
    { ...options, rowData, rowHeight, headerHeight: rowHeight + 4 },
    WATCHLIST_MODULES,
    onApi,
  );

  useEffect(() => {
    const updates = new RowUpdates<WatchlistRow>(
      (update) => api.current?.applyTransaction({ update }),
      (row) => String(row.conId),
    );
    const stopQuotes = onQuoteBatch((quotes) => {
      const grid = api.current;
      if (!grid) return;
      const offered: { shown: WatchlistRow; next: WatchlistRow }[] = [];
      for (const quote of quotes) {
        // Quotes of instruments only the chart or the ticket hold have no row here.
        const shown = grid.getRowNode(String(quote.conId))?.data;
        if (shown) offered.push({ shown, next: { ...shown, ...quoteFields(quote) } });
      }
      updates.offer(offered);
    });
    // A pane scrolled out of the window, hidden, or a minimized window: its rows wait, latest only.
    let inView = true;
    const seen = () => updates.setVisible(inView && document.visibilityState === 'visible');
    const observer = new IntersectionObserver((entries) => {
      inView = entries.at(-1)?.isIntersecting ?? inView;
      seen();
    });
    if (host.current) observer.observe(host.current);
    document.addEventListener('visibilitychange', seen);
    return () => {
      stopQuotes();
      observer.disconnect();
      document.removeEventListener('visibilitychange', seen);
    };
  }, [api, host]);

  useEffect(() => {
    const grid = api.current;
    if (!grid || selected === null) return;
    const node = grid.getRowNode(String(selected));
    if (node && !node.isSelected()) node.setSelected(true, true);
  }, [selected, rowData, api]);

  return <div className="ag-theme-quartz-auto-dark watchlist-grid" role="region" aria-label="Watchlist" ref={host} />;
}

/** Alt+↑/↓ moves the row, Delete removes it, Enter trades it. */
function onKey(
  event: CellKeyDownEvent<WatchlistRow> | FullWidthCellKeyDownEvent<WatchlistRow>,
  { onMove, onRemove, onTrade }: WatchlistGridProps,
): void {
  const key = event.event as KeyboardEvent | null | undefined;
  const conId = event.data?.conId;
  if (!key || conId === undefined || event.rowIndex === null) return;
  if (key.altKey && (key.key === 'ArrowUp' || key.key === 'ArrowDown')) {
    key.preventDefault();
    onMove(conId, Math.max(0, event.rowIndex + (key.key === 'ArrowUp' ? -1 : 1)));
  } else if (key.key === 'Delete') {
    onRemove(conId);
  } else if (key.key === 'Enter') {
    onTrade(conId);
  }
}
