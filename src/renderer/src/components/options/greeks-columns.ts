import type { ColDef, GridApi, IRowNode } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import type { OptionFigures } from '../../../../shared/market';
import { figuresOf } from '../../stores/held-greeks-store';
import { onQuoteBatch } from '../../stores/market-store';

/** What a positions row needs for its greeks: options only, looked up by conId. */
interface Held {
  conId: number;
  secType: string;
}

const GREEKS: [keyof OptionFigures, string, number][] = [
  ['delta', 'Delta', 3],
  ['gamma', 'Gamma', 4],
  ['theta', 'Theta', 3],
  ['vega', 'Vega', 3],
];
const GREEK_COL_IDS = GREEKS.map(([field]) => `greek.${field}`);

/** An option row's model greeks per share of one contract, as IBKR computes them; blank for other rows. */
export function greekColumns<Row extends Held>(): ColDef<Row>[] {
  return GREEKS.map(([field, headerName, digits]) => ({
    colId: `greek.${field}`,
    headerName,
    headerTooltip: `${headerName} per share of one contract (IBKR's model), for option rows`,
    type: 'rightAligned',
    width: 80,
    sortable: false,
    valueGetter: (p) => (p.data?.secType === 'OPT' ? (figuresOf(p.data.conId)?.[field] ?? null) : null),
    valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(digits) : ''),
  }));
}

/** Greeks are not row data: the cells of held options are refreshed as their quotes arrive, at most 4 times a second. */
export function useGreekRefresh<Row extends Held>(api: RefObject<GridApi<Row> | null>): void {
  useEffect(() => {
    const changed = new Set<number>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer = undefined;
      const grid = api.current;
      const rowNodes: IRowNode<Row>[] = [];
      grid?.forEachNode((node) => {
        if (node.data && changed.has(node.data.conId)) rowNodes.push(node);
      });
      changed.clear();
      if (rowNodes.length > 0) grid?.refreshCells({ rowNodes, columns: GREEK_COL_IDS });
    };
    const stop = onQuoteBatch((quotes) => {
      for (const quote of quotes) if (quote.option) changed.add(quote.conId);
      if (changed.size > 0) timer ??= setTimeout(refresh, 250);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [api]);
}
