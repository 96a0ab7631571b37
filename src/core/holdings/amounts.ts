/** What a broker writes for "no figure": an empty cell, dashes, n/a. */
const NO_FIGURE = /^(?:|--?|n\/?a)$/i;

/**
 * A figure as brokers' exports write it: "$1,234.56", "-$12.00", "($12.00)" (negative in parentheses),
 * "+5", "1,000" — thousands separators, a dollar sign and surrounding spaces allowed. Null for "no
 * figure"; NaN for anything else, so a caller refuses the row instead of reading a wrong number.
 */
export function parseAmount(text: string): number | null {
  let s = text.trim();
  if (NO_FIGURE.test(s)) return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1).trim();
  }
  if (s.startsWith('$')) s = s.slice(1).trim();
  // Thousands separators only in groups of three, so "1,2" is refused rather than read as 12.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(s)) return Number.NaN;
  const value = Number(s.replaceAll(',', ''));
  return negative ? -value : value;
}
