/** One CSV record with the line of the file it starts on (1-based), as people count lines in an editor. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
 * Tolerates what brokers' exports carry: a byte-order mark, CRLF or LF line ends, a last line without an
 * end. An unterminated quote is not guessed at: it throws, naming the line the field began on.
 */
export function csvRecords(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw new Error(`Line ${quoteLine}: a quoted field is never closed.`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** A record with nothing in any cell: exports put these between sections and at the end. */
export const isBlank = (record: CsvRecord): boolean => record.cells.every((cell) => cell.trim() === '');
