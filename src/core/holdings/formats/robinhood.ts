import { parseAmount } from '../amounts';
import { isBlank, type CsvRecord } from '../csv-records';
import { descriptionOf, type ImportedHolding, type RefusedRow } from '../holding';
import { rowProblem } from '../position-table';

/**
 * Robinhood offers no positions download; its one CSV is the account activity report (Account → Reports
 * and statements → Reports → Generate report), with the header Activity Date, Process Date, Settle Date,
 * Instrument, Description, Trans Code, Quantity, Price, Amount — the layout every public Robinhood CSV
 * importer reads. Amounts are written "$1,505.00" and "($1,505.00)" (money out), and the last line is a
 * quoted disclaimer. The holdings are what the report's Buy and Sell lines leave, at average cost.
 * Read here: Activity Date (to replay oldest first: the report lists newest first), Instrument,
 * Description, Trans Code, Quantity, Amount. Lines without a quantity (deposits, dividends, interest)
 * move cash only and are passed over; any other line with a quantity (splits, transfers, options) changes
 * holdings in a way this import does not follow, and is refused with its code.
 */
export const ROBINHOOD_HEADER = ['Activity Date', 'Instrument', 'Trans Code', 'Quantity', 'Amount'];

interface Lot {
  quantity: number;
  cost: number;
  description: string;
  line: number;
}

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function readRobinhoodActivity(header: readonly string[], rows: readonly CsvRecord[]) {
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const index = {
    date: at('Activity Date'),
    instrument: at('Instrument'),
    description: at('Description'),
    code: at('Trans Code'),
    quantity: at('Quantity'),
    amount: at('Amount'),
  };
  const cell = (record: CsvRecord, i: number) => (i < 0 ? '' : (record.cells[i] ?? '').trim());
  const refused: RefusedRow[] = [];
  const trades: { record: CsvRecord; day: string }[] = [];
  for (const record of rows) {
    if (isBlank(record) || record.cells.slice(1).every((c) => c.trim() === '')) continue;
    if (cell(record, index.quantity) === '') continue;
    const code = cell(record, index.code).toUpperCase();
    if (code !== 'BUY' && code !== 'SELL') {
      refused.push({
        line: record.line,
        reason: `trans code "${code}" changes holdings in a way this import does not follow`,
      });
      continue;
    }
    const date = DATE.exec(cell(record, index.date));
    if (date === null) {
      refused.push({ line: record.line, reason: `activity date "${cell(record, index.date)}" is not MM/DD/YYYY` });
      continue;
    }
    trades.push({ record, day: `${date[3]}-${date[1]?.padStart(2, '0')}-${date[2]?.padStart(2, '0')}` });
  }
  // Oldest first; lines of one day in the file's order reversed, as the report lists them newest first.
  const ordered = trades.map((t, i) => ({ ...t, i })).sort((a, b) => a.day.localeCompare(b.day) || b.i - a.i);
  const lots = new Map<string, Lot>();
  for (const { record } of ordered) {
    const symbol = cell(record, index.instrument).toUpperCase();
    const problem = rowProblem(symbol, cell(record, index.quantity), cell(record, index.amount));
    if (problem !== null) {
      refused.push({ line: record.line, reason: problem });
      continue;
    }
    const quantity = Math.abs(parseAmount(cell(record, index.quantity)) as number);
    const amount = Math.abs(parseAmount(cell(record, index.amount)) ?? Number.NaN);
    const lot = lots.get(symbol) ?? {
      quantity: 0,
      cost: 0,
      description: cell(record, index.description),
      line: record.line,
    };
    if (cell(record, index.code).toUpperCase() === 'BUY') {
      if (Number.isNaN(amount)) {
        refused.push({ line: record.line, reason: `buy of ${symbol} without an amount` });
        continue;
      }
      lots.set(symbol, { ...lot, quantity: lot.quantity + quantity, cost: lot.cost + amount, line: record.line });
    } else if (quantity > lot.quantity + 1e-9) {
      refused.push({
        line: record.line,
        reason: `sells ${quantity} ${symbol} but the report bought only ${lot.quantity} before`,
      });
    } else {
      const left = lot.quantity - quantity;
      lots.set(symbol, {
        ...lot,
        quantity: left,
        cost: left === 0 ? 0 : lot.cost * (left / lot.quantity),
        line: record.line,
      });
    }
  }
  const holdings: ImportedHolding[] = [...lots.entries()]
    .filter(([, lot]) => lot.quantity > 1e-9)
    .map(([symbol, lot]) => ({
      line: lot.line,
      symbol,
      description: descriptionOf(lot.description, symbol),
      quantity: lot.quantity,
      costBasis: Math.round(lot.cost * 100) / 100,
      kind: 'security',
    }));
  return { holdings, refused: refused.sort((a, b) => a.line - b.line) };
}
