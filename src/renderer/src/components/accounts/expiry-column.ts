import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { expiryFlag } from '../../../../shared/expiry-days';
import { element } from '../cell-elements';

/** The positions grids' expiry column: an option's or future's last trading day, flagged within five days of it. */

interface Dated {
  expiry?: string;
}

/** "2026-12-18", readable at a glance and sortable as text. */
const dated = (expiry: string) => `${expiry.slice(0, 4)}-${expiry.slice(4, 6)}-${expiry.slice(6, 8)}`;

function expiryCell({ data }: ICellRendererParams<Dated>): HTMLElement | string {
  if (!data?.expiry) return '';
  const flag = expiryFlag(data.expiry, Date.now());
  if (flag === null) return dated(data.expiry);
  // The flag is words, not only a colour or a mark, so a screen reader and a glance agree.
  return element('span', { class: 'expiry-flag', title: flag }, `⚑ ${dated(data.expiry)} · ${flag}`);
}

export const expiryColumn = <Row extends Dated>(): ColDef<Row> =>
  ({
    field: 'expiry',
    headerName: 'Expiry',
    width: 210,
    filter: 'agTextColumnFilter',
    cellRenderer: expiryCell,
  }) as ColDef<Row>;
