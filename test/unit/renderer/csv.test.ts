import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../src/renderer/src/export/audit-csv';
import { toCsv } from '../../../src/renderer/src/export/csv';
import { escapeFormula, exportCellText } from '../../../src/renderer/src/export/formula-escape';
import type { AuditRecord } from '../../../src/shared/orders';

describe('toCsv', () => {
  it('writes a header row and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['Symbol', 'Quantity'],
        [
          ['AAPL', 200],
          ['KO', -50.5],
        ],
      ),
    ).toBe('Symbol,Quantity\r\nAAPL,200\r\nKO,-50.5\r\n');
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling the quotes', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['1,5', 'say "hi"', 'two\nlines', ' padded']])).toBe(
      'a,b,c,d\r\n"1,5","say ""hi""","two\nlines"," padded"\r\n',
    );
    expect(toCsv(['cr'], [['a\rb']])).toBe('cr\r\n"a\rb"\r\n');
  });

  it('leaves missing values empty and keeps every row as wide as the header', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          [null, undefined],
          [Number.NaN, false, 0],
        ],
      ),
    ).toBe('a,b,c\r\n,,\r\n,false,0\r\n');
  });

  it('quotes a header that needs it', () => {
    expect(toCsv(['P&L, USD'], [])).toBe('"P&L, USD"\r\n');
  });
});

describe('auditCsv', () => {
  const record = (overrides: Partial<AuditRecord>): AuditRecord => ({
    at: '2026-12-04T14:30:00.123Z',
    kind: 'fill',
    mode: 'paper',
    account: 'DU1000001',
    orderId: 42,
    previewId: null,
    allocationId: null,
    groupId: null,
    ticket: null,
    checks: null,
    ibCode: null,
    ibStatus: 'Filled',
    message: null,
    fill: { execId: '0001f4e8.01', quantity: 100, price: 189.5 },
    ...overrides,
  });

  it('lists each record with its full timestamp and fill, quoting messages that need it', () => {
    const csv = auditCsv([
      record({}),
      record({
        kind: 'rejected',
        fill: null,
        ibCode: 201,
        ibStatus: null,
        message: 'Order rejected - reason: "IRA", no shorts',
      }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Time,Kind,Mode,Account,Order,Allocation,IB status,IB code,Message,Fill quantity,Fill price,Execution id',
      '2026-12-04T14:30:00.123Z,fill,paper,DU1000001,42,,Filled,,,100,189.5,0001f4e8.01',
      '2026-12-04T14:30:00.123Z,rejected,paper,DU1000001,42,,,201,"Order rejected - reason: ""IRA"", no shorts",,,',
      '',
    ]);
  });
});

describe('CSV formula injection', () => {
  it('prefixes text cells that a spreadsheet would run as a formula with a single quote', () => {
    const cells = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'AAPL', 'a=b'];
    expect(cells.map(escapeFormula)).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTAB",
      "'\rCR",
      'AAPL',
      'a=b',
    ]);
  });

  it('escapes text in toCsv but keeps negative numbers as numbers', () => {
    expect(toCsv(['Symbol', 'P&L'], [['=cmd|calc', -12.5]])).toBe("Symbol,P&L\r\n'=cmd|calc,-12.5\r\n");
    expect(toCsv(['Note'], [['-5 shares']])).toBe("Note\r\n'-5 shares\r\n");
  });

  it('escapes formula-like messages in the audit log export', () => {
    const csv = auditCsv([
      {
        at: '2026-12-04T14:30:00.123Z',
        kind: 'rejected',
        mode: 'paper',
        account: 'DU1000001',
        orderId: 7,
        previewId: null,
        allocationId: null,
        groupId: null,
        ticket: null,
        checks: null,
        ibCode: 201,
        ibStatus: null,
        message: '=1+1',
        fill: null,
      },
    ]);
    expect(csv).toContain(",201,'=1+1,");
  });

  it('exports grid numbers as plain figures and escapes the shown text of other cells', () => {
    const shown = (value: unknown) => `shown:${String(value)}`;
    expect(exportCellText(-1234.5, shown)).toBe('-1234.5');
    expect(exportCellText('x', (v) => `-${String(v)}`)).toBe("'-x");
    expect(exportCellText('AAPL', shown)).toBe('shown:AAPL');
    expect(exportCellText(null, shown)).toBe('');
  });
});
