/**
 * CSV formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula, so a symbol, label or IBKR message that starts
 * that way could run code on the machine of whoever opens the export. OWASP's remedy: prefix such a
 * cell with a single quote, which spreadsheets show as text. Only text is escaped: a number column
 * keeps "-12.5" as a number a spreadsheet can add up, since a number cannot carry a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A grid cell as exported: a number as a plain figure ("1234.5"), any other value as shown, escaped. */
export function exportCellText(value: unknown, shown: (value: unknown) => string): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : escapeFormula(shown(value));
}
