import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../../src/core/holdings/amounts';
import { csvRecords } from '../../../../src/core/holdings/csv-records';
import { HoldingsFormatError, parseHoldings } from '../../../../src/core/holdings/parse-holdings';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/holdings', name), 'utf8');
const brief = (text: string) =>
  parseHoldings(text).holdings.map((h) => [h.symbol, h.quantity, h.costBasis, h.kind] as const);

describe('parseAmount', () => {
  it('reads dollars, thousands separators, signs and parentheses', () => {
    expect(parseAmount('$1,234.56')).toBe(1234.56);
    expect(parseAmount('"1,000"'.slice(1, -1))).toBe(1000);
    expect(parseAmount('($12.50)')).toBe(-12.5);
    expect(parseAmount('-$3.00')).toBe(-3);
    expect(parseAmount('+$4,740.00')).toBe(4740);
    expect(parseAmount(' 35.5 ')).toBe(35.5);
  });

  it('says "no figure" for blanks and dashes, and NaN for anything it cannot read', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('--')).toBeNull();
    expect(parseAmount('n/a')).toBeNull();
    expect(parseAmount('twelve')).toBeNaN();
    expect(parseAmount('1,2')).toBeNaN();
    expect(parseAmount('12%')).toBeNaN();
  });
});

describe('csvRecords', () => {
  it('keeps quoted commas, doubled quotes and line breaks, numbering records by the line they start on', () => {
    const records = csvRecords('\uFEFFa,"b,c"\r\n"multi\nline","say ""x"""\nlast');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b,c'] },
      { line: 2, cells: ['multi\nline', 'say "x"'] },
      { line: 4, cells: ['last'] },
    ]);
  });

  it('refuses an unterminated quote, naming its line', () => {
    expect(() => csvRecords('a\n"open,b\nc')).toThrow('Line 2');
  });
});

describe('parseHoldings: format detection', () => {
  it('detects each format from its header', () => {
    expect(parseHoldings(fixture('fidelity-positions.csv')).format).toBe('fidelity');
    expect(parseHoldings(fixture('schwab-positions.csv')).format).toBe('schwab');
    expect(parseHoldings(fixture('robinhood-activity.csv')).format).toBe('robinhood');
    expect(parseHoldings(fixture('generic-holdings.csv')).format).toBe('generic');
    expect(parseHoldings('Symbol,Quantity,Cost_Basis\nAAPL,1,100').format).toBe('generic');
  });

  it('refuses a file of no known format, saying which formats it reads', () => {
    expect(() => parseHoldings('date,amount\n2026-01-01,5')).toThrow(HoldingsFormatError);
    expect(() => parseHoldings('date,amount\n2026-01-01,5')).toThrow(/symbol,quantity,cost_basis/);
    expect(() => parseHoldings('symbol,quantity,cost_basis\n"AAPL,1,2')).toThrow(/not readable CSV: Line 2/);
  });
});

describe('parseHoldings: Fidelity', () => {
  const parsed = parseHoldings(fixture('fidelity-positions.csv'));

  it('reads positions and the money-market core as cash, skipping pending activity and the notes under the table', () => {
    expect(brief(fixture('fidelity-positions.csv'))).toEqual([
      ['CASH', 2315.4, 2315.4, 'cash'],
      ['AAPL', 120, 18000, 'security'],
      ['MSFT', 35.5, 11000, 'security'],
      ['FXAIX', 100.25, 14000, 'security'],
    ]);
  });

  it('refuses the option line with its line number', () => {
    expect(parsed.refused).toEqual([{ line: 5, reason: expect.stringContaining('"-AAPL261218C200" is not a stock') }]);
  });
});

describe('parseHoldings: Schwab', () => {
  it('finds the header under the title lines, reads cash, skips the account total and refuses the option', () => {
    const parsed = parseHoldings(fixture('schwab-positions.csv'));
    expect(brief(fixture('schwab-positions.csv'))).toEqual([
      ['SCHB', 1250, 25000, 'security'],
      ['KO', 200, 13100, 'security'],
      ['CASH', 8240.17, 8240.17, 'cash'],
    ]);
    expect(parsed.refused.map((r) => r.line)).toEqual([6]);
  });
});

describe('parseHoldings: Robinhood activity', () => {
  it('nets buys and sells at average cost, oldest first, and passes over cash-only lines', () => {
    expect(brief(fixture('robinhood-activity.csv'))).toEqual([
      ['AAPL', 10, 1700, 'security'],
      ['MSFT', 10, 4000, 'security'],
      ['TSLA', 3, 720, 'security'],
    ]);
  });

  it('shows the first line of a description, without the CUSIP line Robinhood adds', () => {
    expect(parseHoldings(fixture('robinhood-activity.csv')).holdings[0]?.description).toBe('Apple');
  });

  it('refuses a split line with its trans code and line number', () => {
    expect(parseHoldings(fixture('robinhood-activity.csv')).refused).toEqual([
      { line: 12, reason: expect.stringContaining('"SPL"') },
    ]);
  });

  it('replays the lines of one day in reverse too, as the report lists them newest first', () => {
    const text =
      '"Activity Date","Instrument","Trans Code","Quantity","Amount"\n' +
      '"01/02/2026","KO","Sell","5","$300.00"\n"01/02/2026","KO","Buy","8","($480.00)"\n';
    expect(parseHoldings(text)).toMatchObject({
      refused: [],
      holdings: [{ symbol: 'KO', quantity: 3, costBasis: 180 }],
    });
  });

  it('refuses a sell of more than was bought', () => {
    const text =
      '"Activity Date","Instrument","Trans Code","Quantity","Amount"\n"01/02/2026","KO","Sell","5","$300.00"\n';
    expect(parseHoldings(text).refused).toEqual([{ line: 2, reason: expect.stringContaining('bought only 0') }]);
  });
});

describe('parseHoldings: generic', () => {
  it('reads symbol, quantity and cost basis, cash by its symbol, and refuses an unreadable quantity', () => {
    const parsed = parseHoldings(fixture('generic-holdings.csv'));
    expect(brief(fixture('generic-holdings.csv'))).toEqual([
      ['VTI', 40, 9200, 'security'],
      ['BND', 25, null, 'security'],
      ['CASH', 1500, 1500, 'cash'],
    ]);
    expect(parsed.refused).toEqual([{ line: 5, reason: 'quantity "twelve" for AMZN is not a number' }]);
  });

  it('refuses missing symbols, zero quantities and bad cost basis', () => {
    const parsed = parseHoldings('symbol,quantity,cost_basis\n,5,1\nKO,0,1\nKO,1,abc\n\n');
    expect(parsed.refused).toEqual([
      { line: 2, reason: 'no symbol' },
      { line: 3, reason: 'quantity for KO is zero' },
      { line: 4, reason: 'cost basis "abc" for KO is not a number' },
    ]);
    expect(parsed.holdings).toEqual([]);
  });
});
