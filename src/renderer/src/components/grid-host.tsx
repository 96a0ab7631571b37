import { createGrid, type GridApi, type GridOptions, type Module } from 'ag-grid-community';
import './grid-modules';
import { useEffect, useRef } from 'react';

/**
 * ag-grid's own DOM grid, owned by a React component. Not ag-grid-react: that wrapper renders every row and
 * cell as React components, so each transaction becomes a React render a scheduler task later. On this
 * window's accounts updates that was a 100–135 ms task, during which no quote reached the screen. Here a
 * transaction changes the DOM directly, and cell renderers are plain functions that return elements.
 *
 * The grid is created once with the first options; later renders pass only the options that changed
 * (by identity) to `updateGridOptions`. Callers keep column definitions and handlers stable where they can.
 * `onCreated` runs in the task that creates the grid: rows and column state it loads are in the grid's first
 * paint. (ag-grid calls onGridReady a task later, after whatever else is queued.)
 */
export function useGridHost<Row>(
  options: GridOptions<Row>,
  modules?: Module[],
  onCreated?: (api: GridApi<Row>) => void,
) {
  const host = useRef<HTMLDivElement | null>(null);
  const api = useRef<GridApi<Row> | null>(null);
  const applied = useRef(options);
  const initial = useRef({ modules, onCreated });

  useEffect(() => {
    if (!host.current) return;
    const grid = createGrid<Row>(host.current, applied.current, { modules: initial.current.modules });
    api.current = grid;
    initial.current.onCreated?.(grid);
    return () => {
      api.current = null;
      grid.destroy();
    };
  }, []);

  useEffect(() => {
    const grid = api.current;
    const previous = applied.current;
    applied.current = options;
    if (!grid || previous === options) return;
    const changed: Record<string, unknown> = {};
    for (const key of Object.keys(options) as (keyof GridOptions<Row>)[])
      if (options[key] !== previous[key]) changed[key] = options[key];
    if (Object.keys(changed).length > 0) grid.updateGridOptions(changed as GridOptions<Row>);
  });

  return { host, api };
}

/** A grid filling its host element, for components that need no handle on the grid. */
export function GridHost<Row>({
  modules,
  onCreated,
  ...options
}: GridOptions<Row> & { modules?: Module[]; onCreated?: (api: GridApi<Row>) => void }) {
  const { host } = useGridHost<Row>(options, modules, onCreated);
  return <div className="grid-mount" ref={host} />;
}
