import type { CellKeyDownEvent, ColDef, FullWidthCellKeyDownEvent, ICellRendererParams } from 'ag-grid-community';
import type { Balance } from '../../../../shared/accounts';
import { TOTAL_ROW_ID, useAccountsStore } from '../../stores/accounts-store';
import { cellButton, element } from '../cell-elements';
import { accountName } from './account-cell';
import { BALANCE_LEAD, leadFirst } from './column-order';
import { moneyColumn } from './grid-kit';

/** What the account cells can ask of the grid around them. */
export interface BalancesContext {
  edit(account: string): void;
}

function accountCell({ value, context }: ICellRendererParams<Balance, string, BalancesContext>): HTMLElement {
  if (value === TOTAL_ROW_ID) return element('strong', {}, 'Total (USD)');
  const id = value ?? '';
  // The button first, so a long name and badge never push it out of the cell.
  const edit = cellButton(
    'Edit',
    {
      class: 'edit-account',
      'aria-label': `Edit account ${id}`,
      title: "Set this account's type and label (or press Enter on the account cell)",
    },
    () => context.edit(id),
  );
  const account = useAccountsStore.getState().accounts.find((a) => a.id === id);
  return element('span', { class: 'account-cell' }, edit, accountName(id, account));
}

/** Enter on an account's name opens its editor: the keyboard's way to the Edit button inside the cell. */
export function accountToEdit(event: CellKeyDownEvent<Balance> | FullWidthCellKeyDownEvent<Balance>): string | null {
  const account = event.data?.account;
  if ((event.event as KeyboardEvent | null)?.key !== 'Enter' || !('column' in event)) return null;
  return event.column.getColId() === 'account' && account && account !== TOTAL_ROW_ID ? account : null;
}

// The leading columns (column-order.ts) all in view at 1440 px beside the watchlist. Widths fit each
// header whole (wrapped, never "Net liquida…"); the account cell ellipsises its badge instead.
export const BALANCE_COLUMNS: ColDef<Balance>[] = leadFirst(
  [
    { field: 'account', headerName: 'Account', cellRenderer: accountCell, width: 190, minWidth: 150 },
    moneyColumn<Balance>('netLiquidation', 'Net liquidation', false, 115),
    moneyColumn<Balance>('dailyPnl', 'Daily P&L', true, 110),
    moneyColumn<Balance>('settledCash', 'Settled cash', true, 115),
    moneyColumn<Balance>('buyingPower', 'Buying power', false, 115),
    moneyColumn<Balance>('excessLiquidity', 'Excess liquidity', true, 115),
    moneyColumn<Balance>('totalCashValue', 'Total cash', true),
    moneyColumn<Balance>('availableFunds', 'Available funds', true),
    moneyColumn<Balance>('initMarginReq', 'Initial margin'),
    moneyColumn<Balance>('maintMarginReq', 'Maint. margin'),
    moneyColumn<Balance>('grossPositionValue', 'Gross position value', false, 160),
    moneyColumn<Balance>('unrealizedPnl', 'Unrealized P&L', true),
    moneyColumn<Balance>('realizedPnl', 'Realized P&L', true),
  ],
  BALANCE_LEAD,
);
