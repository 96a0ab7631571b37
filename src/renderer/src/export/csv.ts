import { escapeFormula } from './formula-escape';

/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

// RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : escapeFormula(String(value));
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as RFC 4180 CSV with a header row: comma-separated, CRLF line ends (what spreadsheets expect,
 * like ag-grid's own export), every row as wide as the header.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => header.map((_, index) => field(cells[index])).join(',');
  return [header.map(field).join(','), ...rows.map(line)].join('\r\n') + '\r\n';
}
