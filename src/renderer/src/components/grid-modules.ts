import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ExternalFilterModule,
  HighlightChangesModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  RowSelectionModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './grids.css';

// Only the features the grids use: every module is code the window parses before the first position can
// be painted, and AllCommunityModule is most of the bundle. A grid option whose module is missing fails
// loudly in development (ValidationModule) and with an "AG Grid: error #200" in the console otherwise.
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
  HighlightChangesModule,
  TooltipModule,
  RowSelectionModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);
