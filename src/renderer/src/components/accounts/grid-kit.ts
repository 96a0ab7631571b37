import { type ColDef, type GridApi, type ValueFormatterParams } from 'ag-grid-community';
import '../grid-modules';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { forget, keep, readKept } from '../../stores/kept-layout';
import { useRowHeight } from '../layout/density';
import type { RowFeed } from '../../stores/row-feed';
import { formatMoney, formatQuantity } from '../../format';

// The legacy (CSS file) theme, not the Theming API: the API injects <style> elements at run time, which
// the renderer's CSP (style-src 'self') rightly refuses. The wrapper class follows the OS's dark mode.

type NumberParams = ValueFormatterParams<unknown, number | null>;

// Figures are not clipped (grids.css): a column is never narrower than "-12,345,678.90" or "-1,234,567".
const MONEY_MIN_WIDTH = 110;
const QUANTITY_MIN_WIDTH = 85;

/** Right-aligned figure with two decimals and thousands separators; gains green, losses red when `signed`. */
export function moneyColumn<Row>(field: string, headerName: string, signed = false, width = 130): ColDef<Row> {
  return {
    field: field as ColDef<Row>['field'],
    headerName,
    type: 'rightAligned',
    width,
    minWidth: MONEY_MIN_WIDTH,
    filter: 'agNumberColumnFilter',
    valueFormatter: (p: NumberParams) => formatMoney(p.value),
    ...(signed ? { cellClassRules: SIGN_CLASSES } : {}),
  } as ColDef<Row>;
}

export function quantityColumn<Row>(field: string, headerName: string, width = 100): ColDef<Row> {
  return {
    field: field as ColDef<Row>['field'],
    headerName,
    type: 'rightAligned',
    width,
    minWidth: QUANTITY_MIN_WIDTH,
    filter: 'agNumberColumnFilter',
    valueFormatter: (p: NumberParams) => formatQuantity(p.value),
    cellClassRules: SIGN_CLASSES,
  } as ColDef<Row>;
}

export const SIGN_CLASSES = {
  'num-positive': (p: { value: unknown }) => typeof p.value === 'number' && p.value > 0,
  'num-negative': (p: { value: unknown }) => typeof p.value === 'number' && p.value < 0,
};

// No column is pinned. ag-grid pins with position: sticky inside a scroller, so every row of a grid with a
// pinned column becomes a composited layer of its own, and Chromium assumes overlap for everything painted
// after it: 76 layers in the window instead of 31, re-layerized on every frame that paints a quote (tick →
// cell p95 45–61 ms pinned, 41–47 ms not, at 2,000 ticks/s). The account and the instrument come first.
// A long header wraps onto a second line rather than being cut ("Net liquida…"): the columns a trader reads
// first stay narrow enough to share a 1440 px window with the watchlist.
export const DEFAULT_COL_DEF: ColDef = {
  sortable: true,
  filter: true,
  resizable: true,
  minWidth: 70,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** Overlay text as HTML (ag-grid's template props); the strings here are our own constants. */
export const overlay = (text: string) => `<span class="grid-overlay" role="status">${text}</span>`;

const STATE_PREFIX = 'grid.';

/** The quartz theme's own row height: the accounts grids' in comfortable density. */
export const QUARTZ_ROW_HEIGHT = 42;

/**
 * Feeds a grid from a RowFeed: every row once when the grid is created, then only transactions (applied
 * at once with the pinned rows when an update carries them); and keeps the grid's column state (order,
 * widths, sort, hidden) between runs under `stateKey`. `onApi` hears of the grid once it exists: a pane
 * header's export button reaches whichever grid the pane shows through it.
 */
export function useFeedGrid<Row, Id>(feed: RowFeed<Row, Id>, stateKey: string, onApi?: (api: GridApi<Row>) => void) {
  const apiRef = useRef<GridApi<Row> | null>(null);
  const stopRef = useRef<(() => void) | null>(null);
  useEffect(() => () => stopRef.current?.(), []);

  const onCreated = useCallback(
    (api: GridApi<Row>) => {
      apiRef.current = api;
      onApi?.(api);
      const saved = readKept(STATE_PREFIX + stateKey);
      if (Array.isArray(saved)) {
        try {
          api.applyColumnState({ state: saved, applyOrder: true });
        } catch {
          forget(STATE_PREFIX + stateKey);
        }
      }
      api.setGridOption('rowData', feed.all());
      // Only the balances grid pins a row and registers PinnedRowModule (see there).
      if (feed.pinnedBottom().length > 0) api.setGridOption('pinnedBottomRowData', feed.pinnedBottom());
      stopRef.current?.();
      stopRef.current = feed.subscribe(({ pinnedBottom, fillsEmpty, ...tx }) => {
        // Ticks are batched (asyncTransactionWaitMillis). Two kinds of update are applied at once:
        // - the first rows, which a person is waiting for, not a change to coalesce with others;
        // - rows with the total they add up to: a batch would paint the new total beside the old rows.
        // Earlier batches go first, to keep the order.
        if (!pinnedBottom && !fillsEmpty) {
          api.applyTransactionAsync(tx);
          return;
        }
        api.flushAsyncTransactions();
        api.applyTransaction(tx);
        if (pinnedBottom) api.setGridOption('pinnedBottomRowData', pinnedBottom);
      });
    },
    [feed, stateKey, onApi],
  );

  const rowHeight = useRowHeight(QUARTZ_ROW_HEIGHT);
  const saveColumnState = useCallback(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) keep(STATE_PREFIX + stateKey, api.getColumnState());
  }, [stateKey]);

  // Stable across renders: the grid is given only options whose identity changed, and a new getRowId
  // makes it rebuild its row model.
  const gridProps = useMemo(
    () => ({
      onCreated,
      onSortChanged: saveColumnState,
      onColumnMoved: saveColumnState,
      onColumnResized: saveColumnState,
      onColumnVisible: saveColumnState,
      onColumnPinned: saveColumnState,
      getRowId: (params: { data: Row }) => String(feed.idOf(params.data)),
      defaultColDef: DEFAULT_COL_DEF,
      asyncTransactionWaitMillis: 50,
      animateRows: false,
      rowHeight,
    }),
    [onCreated, saveColumnState, feed, rowHeight],
  );
  return { apiRef, gridProps };
}
