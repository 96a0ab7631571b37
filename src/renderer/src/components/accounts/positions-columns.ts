import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { Account, ConsolidatedPosition, PositionRow } from '../../../../shared/accounts';
import { NOT_TRADABLE } from '../../../../shared/holdings-words';
import { formatPercent } from '../../format';
import { openTicket } from '../../stores/ticket-store';
import { cellButton, element } from '../cell-elements';
import { stableCell } from '../stable-cell';
import { closePrefill } from '../orders/ticket-prefill';
import { CONSOLIDATED_LEAD, leadFirst, POSITION_LEAD } from './column-order';
import { expiryColumn } from './expiry-column';
import { moneyColumn, quantityColumn, SIGN_CLASSES } from './grid-kit';
import { greekColumns } from '../options/greeks-columns';
import { sellCoveredCall } from '../options/income-actions';
import { isShortOption, startRoll } from '../../stores/roll-store';

/** The positions grids' columns: the leading ones are column-order.ts's, then the buttons and the details. */

/** Fits "100.00 %": figures are not clipped (grids.css). */
const PERCENT_MIN_WIDTH = 80;

type Instrument = Pick<PositionRow, 'symbol' | 'description' | 'secType' | 'currency'>;

/** What the description adds to the symbol: an option's or future's contract; nothing for a stock. */
export const contractOf = (row: Instrument): string => (row.description === row.symbol ? '' : row.description);

/** The symbol, with the full contract, type and currency on hover: one name, never "AAPL AAPL". */
function symbolCell({ data, value }: ICellRendererParams<Instrument, string>): HTMLElement | string {
  if (!data) return value ?? '';
  const title = [contractOf(data) || data.symbol, data.secType, data.currency].join(' · ');
  return element('span', { title }, value ?? '');
}

const symbolColumn = <Row>(): ColDef<Row> =>
  ({
    field: 'symbol',
    headerName: 'Symbol',
    width: 95,
    filter: 'agTextColumnFilter',
    cellRenderer: symbolCell,
  }) as ColDef<Row>;

const percentColumn = <Row>(field: string, headerName: string, signed: boolean, width = 90): ColDef<Row> =>
  ({
    field: field as ColDef<Row>['field'],
    headerName,
    type: 'rightAligned',
    width,
    minWidth: PERCENT_MIN_WIDTH,
    filter: 'agNumberColumnFilter',
    valueFormatter: (p: { value: number | null | undefined }) => formatPercent(p.value),
    ...(signed ? { cellClassRules: SIGN_CLASSES } : {}),
  }) as ColDef<Row>;

/** Value and P&L, after the quantity. Unrealized and daily P&L are in USD; value in the instrument's currency. */
const pnlColumns = <Row>(): ColDef<Row>[] => [
  moneyColumn<Row>('marketValue', 'Market value', true, 115),
  moneyColumn<Row>('unrealizedPnl', 'Unrealized P&L (USD)', true, 120),
  moneyColumn<Row>('dailyPnl', 'Daily P&L (USD)', true, 115),
  percentColumn<Row>('dailyPnlPct', 'Daily %', true, 85),
];

const detailColumns = <Row>(): ColDef<Row>[] => [
  moneyColumn<Row>('avgCost', 'Avg cost', false, 110),
  moneyColumn<Row>('marketPrice', 'Market price', false, 120),
];

const instrumentDetailColumns = <Row extends Instrument>(): ColDef<Row>[] => [
  {
    colId: 'contract',
    headerName: 'Contract',
    width: 170,
    filter: 'agTextColumnFilter',
    valueGetter: (p) => (p.data ? contractOf(p.data) : ''),
  },
  { field: 'secType' as ColDef<Row>['field'], headerName: 'Type', width: 80 },
  { field: 'currency' as ColDef<Row>['field'], headerName: 'Currency', width: 95 },
];

/** An external account's row: no order buttons, and why its price may be missing. */
function externalNote(row: Pick<PositionRow, 'priceNote'>): HTMLElement {
  const text = row.priceNote ? `${NOT_TRADABLE} · ${row.priceNote}` : NOT_TRADABLE;
  return element('span', { class: 'external-note', role: 'note', title: text }, text);
}

/**
 * Close (all) or Trim (half) the position, or sell covered calls on a stock: each opens the ticket. A short
 * option rolls: its dialog picks the new expiry and strike.
 */
function positionActions({ data }: ICellRendererParams<PositionRow>): HTMLElement | string {
  if (!data) return '';
  if (data.external) return externalNote(data);
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
  const actions = [button('close', 'Close'), button('trim', 'Trim')];
  // Calls are written against shares held long; the services say when none are left to cover one.
  if (data.secType === 'STK' && data.quantity > 0) {
    actions.push(
      cellButton('Call', { 'aria-label': `Sell covered call ${data.symbol} ${data.account}` }, () => {
        void sellCoveredCall({ account: data.account, conId: data.conId });
      }),
    );
  }
  if (isShortOption(data)) {
    const option = data;
    actions.push(
      cellButton('Roll', { 'aria-label': `Roll ${data.description} in ${data.account}` }, () => {
        void startRoll(option);
      }),
    );
  }
  return element('span', { class: 'position-actions' }, ...actions);
}

export const PER_ACCOUNT_COLUMNS: ColDef<PositionRow>[] = leadFirst(
  [
    symbolColumn<PositionRow>(),
    { field: 'account', headerName: 'Account', width: 115 },
    // 100: its header on one line beside the filter icon ("Quantit y" at 90).
    quantityColumn<PositionRow>('quantity', 'Quantity', 100),
    ...pnlColumns<PositionRow>(),
    // Compact, after the figures: in reach without leading the row.
    {
      colId: 'actions',
      headerName: '',
      cellRenderer: stableCell(positionActions),
      width: 170,
      sortable: false,
      filter: false,
    },
    expiryColumn<PositionRow>(),
    // Option rows only: after what every row has, so the actions stay in view at 1440 px.
    ...greekColumns<PositionRow>(),
    ...detailColumns<PositionRow>(),
    percentColumn<PositionRow>('pctOfAccount', '% of account', false, 115),
    ...instrumentDetailColumns<PositionRow>(),
  ],
  POSITION_LEAD,
);

export function consolidatedColumns(accounts: Account[]): ColDef<ConsolidatedPosition>[] {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return leadFirst(
    [
      symbolColumn<ConsolidatedPosition>(),
      quantityColumn<ConsolidatedPosition>('quantity', 'Total quantity', 120),
      ...pnlColumns<ConsolidatedPosition>(),
      {
        colId: 'split',
        headerName: 'Split by account',
        width: 300,
        filter: 'agTextColumnFilter',
        // An external account has no IBKR label: its name is its id, said once.
        valueGetter: (p) =>
          p.data?.split
            .map((s) => {
              const name = label(s.account);
              return `${s.account}${name === s.account ? '' : ` (${name})`} ${s.quantity}`;
            })
            .join(' · '),
      },
      expiryColumn<ConsolidatedPosition>(),
      ...greekColumns<ConsolidatedPosition>(),
      ...detailColumns<ConsolidatedPosition>(),
      percentColumn<ConsolidatedPosition>('pctOfTotal', '% of all accounts', false, 135),
      ...instrumentDetailColumns<ConsolidatedPosition>(),
    ],
    CONSOLIDATED_LEAD,
  );
}
