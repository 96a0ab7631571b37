import type { GridApi, ProcessCellForExportParams } from 'ag-grid-community';
import type { RefObject } from 'react';
import { csvFileName } from './download';
import { exportCellText } from './formula-escape';

/** Columns that hold buttons, not data. */
const ACTION_COLUMNS = new Set(['actions']);

// Figures as plain numbers a spreadsheet can add up ("1234.5", not "1,234.50"); everything else as shown.
const cellText = (params: ProcessCellForExportParams): string =>
  exportCellText(params.value, (value) => params.formatValue(value));

/** Saves what the grid shows (filters, sort and column order applied, pinned total included) as CSV. */
export function exportGrid<Row>(api: GridApi<Row>, what: string): void {
  const columnKeys = api
    .getAllDisplayedColumns()
    .filter((column) => !ACTION_COLUMNS.has(column.getColId()))
    .map((column) => column.getColId());
  api.exportDataAsCsv({ fileName: csvFileName(what.replaceAll(' ', '-')), columnKeys, processCellCallback: cellText });
}

/** "Export positions to CSV": the grid behind `api` as a download. */
export function GridExportButton<Row>({ api, what }: { api: RefObject<GridApi<Row> | null>; what: string }) {
  return (
    <button
      type="button"
      className="export-button"
      aria-label={`Export ${what} to CSV`}
      title={`Save the ${what} as shown to a CSV file`}
      onClick={() => {
        const grid = api.current;
        if (grid && !grid.isDestroyed()) exportGrid(grid, what);
      }}
    >
      CSV
    </button>
  );
}
