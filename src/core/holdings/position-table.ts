import { parseAmount } from './amounts';
import { isBlank, type CsvRecord } from './csv-records';
import { descriptionOf, TICKER, type ImportedHolding, type RefusedRow } from './holding';

/**
 * How one broker's positions table reads: which header names hold what (the first name present wins,
 * so a renamed column can be listed by both names), which rows are totals to skip, and which are cash.
 */
export interface PositionTableSpec {
  symbol: readonly string[];
  description: readonly string[];
  quantity: readonly string[];
  costBasis: readonly string[];
  /** The market value column, read only for cash lines (their quantity is their value). */
  value: readonly string[];
  /** Totals and pending-activity lines: not positions, skipped. */
  isTotal(symbol: string, description: string): boolean;
  /** Cash and money-market sweep lines, kept as cash. */
  isCash(symbol: string, description: string): boolean;
}

export interface TableRead {
  holdings: ImportedHolding[];
  refused: RefusedRow[];
}

const column = (header: readonly string[], names: readonly string[]): number => {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const index = lower.indexOf(name.toLowerCase());
    if (index >= 0) return index;
  }
  return -1;
};

/** A note line under the table (a disclaimer, "Date downloaded …"): text in the first cell only. */
const isNote = (record: CsvRecord): boolean => record.cells.slice(1).every((cell) => cell.trim() === '');

/** Reads the rows under a header row by the spec; every row is a holding, a skipped total or note, or refused. */
export function readPositionTable(
  header: readonly string[],
  rows: readonly CsvRecord[],
  spec: PositionTableSpec,
): TableRead {
  const at = {
    symbol: column(header, spec.symbol),
    description: column(header, spec.description),
    quantity: column(header, spec.quantity),
    costBasis: column(header, spec.costBasis),
    value: column(header, spec.value),
  };
  const cell = (record: CsvRecord, index: number) => (index < 0 ? '' : (record.cells[index] ?? '').trim());
  const holdings: ImportedHolding[] = [];
  const refused: RefusedRow[] = [];
  for (const record of rows) {
    if (isBlank(record) || isNote(record)) continue;
    const { line } = record;
    const symbol = cell(record, at.symbol).toUpperCase();
    const description = cell(record, at.description);
    if (spec.isTotal(symbol, description)) continue;
    if (spec.isCash(symbol, description)) {
      const value = parseAmount(cell(record, at.value));
      if (value === null || Number.isNaN(value)) {
        refused.push({ line, reason: `cash line without a readable value ("${cell(record, at.value)}")` });
      } else
        holdings.push({
          line,
          symbol: 'CASH',
          description: descriptionOf(description, symbol),
          quantity: value,
          costBasis: value,
          kind: 'cash',
        });
      continue;
    }
    const problem = rowProblem(symbol, cell(record, at.quantity), cell(record, at.costBasis));
    if (problem !== null) {
      refused.push({ line, reason: problem });
      continue;
    }
    holdings.push({
      line,
      symbol,
      description: descriptionOf(description, symbol),
      quantity: parseAmount(cell(record, at.quantity)) as number,
      costBasis: parseAmount(cell(record, at.costBasis)),
      kind: 'security',
    });
  }
  return { holdings, refused };
}

/** Why a position line cannot be read, or null when it can. */
export function rowProblem(symbol: string, quantityText: string, costText: string): string | null {
  if (symbol === '') return 'no symbol';
  if (!TICKER.test(symbol)) return `"${symbol}" is not a stock or fund ticker (options and bonds are not imported)`;
  const quantity = parseAmount(quantityText);
  if (quantity === null) return `no quantity for ${symbol}`;
  if (Number.isNaN(quantity)) return `quantity "${quantityText}" for ${symbol} is not a number`;
  if (quantity === 0) return `quantity for ${symbol} is zero`;
  const cost = parseAmount(costText);
  if (Number.isNaN(cost)) return `cost basis "${costText}" for ${symbol} is not a number`;
  return null;
}
