import { csvRecords, type CsvRecord } from './csv-records';
import { FIDELITY, FIDELITY_HEADER } from './formats/fidelity';
import { GENERIC, GENERIC_HEADER } from './formats/generic';
import { readRobinhoodActivity, ROBINHOOD_HEADER } from './formats/robinhood';
import { SCHWAB, SCHWAB_HEADER } from './formats/schwab';
import type { HoldingsFormat, ParsedHoldings } from './holding';
import { readPositionTable, type TableRead } from './position-table';

type Reader = (header: readonly string[], rows: readonly CsvRecord[]) => TableRead;

/** Each format by the header names that identify it; the first format whose names are all present wins. */
const FORMATS: { format: HoldingsFormat; names: readonly string[]; read: Reader }[] = [
  { format: 'fidelity', names: FIDELITY_HEADER, read: (h, r) => readPositionTable(h, r, FIDELITY) },
  { format: 'schwab', names: SCHWAB_HEADER, read: (h, r) => readPositionTable(h, r, SCHWAB) },
  { format: 'robinhood', names: ROBINHOOD_HEADER, read: readRobinhoodActivity },
  { format: 'generic', names: GENERIC_HEADER, read: (h, r) => readPositionTable(h, r, GENERIC) },
];

/** Title lines above the header (Schwab writes two): the header is looked for this far down. */
const HEADER_SEARCH_LINES = 10;

/** Thrown for a file that is not one of the formats; the message says which formats are read. */
export class HoldingsFormatError extends Error {}

export function detectFormat(
  records: readonly CsvRecord[],
): { format: HoldingsFormat; headerAt: number; read: Reader } | null {
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_LINES); i++) {
    const header = new Set(records[i]?.cells.map((cell) => cell.trim().toLowerCase()));
    const found = FORMATS.find((f) => f.names.every((name) => header.has(name.toLowerCase())));
    if (found) return { format: found.format, headerAt: i, read: found.read };
  }
  return null;
}

/**
 * Another broker's export → its positions, and every line that looked like a position but could not be
 * read, with its line number and why. Pure: the same text always gives the same answer.
 */
export function parseHoldings(text: string): ParsedHoldings {
  let records: CsvRecord[];
  try {
    records = csvRecords(text);
  } catch (error) {
    throw new HoldingsFormatError(`The file is not readable CSV: ${(error as Error).message}`);
  }
  const detected = detectFormat(records);
  if (detected === null) {
    throw new HoldingsFormatError(
      'The file is not a positions export Gatehouse reads: Fidelity (Portfolio_Positions), Schwab (Positions), Robinhood (account activity report), or a CSV with the header symbol,quantity,cost_basis.',
    );
  }
  const header = records[detected.headerAt]?.cells ?? [];
  const { holdings, refused } = detected.read(header, records.slice(detected.headerAt + 1));
  return { format: detected.format, holdings, refused };
}
