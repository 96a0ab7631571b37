import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CsvExportModule,
  ExternalFilterModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  TextFilterModule,
  ValidationModule,
} from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './grids.css';

// Only the features every grid uses: every module is code the window parses before the first position can
// be painted, and AllCommunityModule is most of the bundle. A feature only one grid has is that grid's own
// module (the balances grid's pinned total, the watchlist's flashes, tooltips and selection), loaded with it.
// A grid option whose module is missing fails loudly in development (ValidationModule) and with an
// "AG Grid: error #200" in the console otherwise.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  // applyTransaction / applyTransactionAsync: row-id updates, never a full re-render per tick.
  ClientSideRowModelApiModule,
  RowApiModule,
  ColumnApiModule,
  TextFilterModule,
  NumberFilterModule,
  // The positions grid's account chips.
  ExternalFilterModule,
  CellStyleModule,
  // Every grid exports what it shows (the header's CSV button).
  CsvExportModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);
