import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditFile } from '../../../../src/core/audit/audit-file';
import { OrderAudit, type AuditEntry } from '../../../../src/core/orders/order-audit';
import { AuditRecordSchema } from '../../../../src/shared/orders';

const DAY = '2026-11-25';
const clock = () => new Date(`${DAY}T10:00:00.000Z`);

function writer() {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-order-audit-'));
  const file = new AuditFile(dir, clock);
  return {
    dir,
    file,
    audit: new OrderAudit(file, dir, clock),
    text: () => readFileSync(join(dir, `audit-${DAY}.jsonl`), 'utf8'),
  };
}

describe('OrderAudit, the one writer', () => {
  it('writes every record in the one schema, dated by the injected clock', async () => {
    const { audit, file, text } = writer();
    await audit.write({
      kind: 'cancel-request',
      mode: 'paper',
      account: 'DU1000002',
      orderId: 12,
      message: 'Cancel of order 12 (AAPL) requested.',
    });
    await audit.write({ kind: 'kill-switch', mode: 'paper', message: 'Kill switch engaged.' });
    await file.close();
    const lines = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(AuditRecordSchema.strict().parse(line)).toMatchObject({ at: `${DAY}T10:00:00.000Z` });
    expect(lines[0]).toMatchObject({ kind: 'cancel-request', orderId: 12, previewId: null, ibCode: null });
  });

  it('refuses a record outside the schema and writes nothing of it', async () => {
    const { audit, file, text } = writer();
    await audit.write({ kind: 'rearm', mode: 'paper', message: 'Re-armed.' });
    const before = text();
    const bad: AuditEntry[] = [
      { kind: 'no-such-kind' as AuditEntry['kind'] },
      { kind: 'sent', orderId: 1.5 },
      { kind: 'preview', checks: [{ id: 'x', rule: '', outcome: 'block', message: 'm' }] },
    ];
    for (const entry of bad) await expect(audit.write(entry)).rejects.toThrow('does not fit the audit schema');
    await file.close();
    expect(text()).toBe(before);
  });

  it('reads lines the open-orders grid of older versions wrote, as the records the one writer writes', async () => {
    const { dir, audit } = writer();
    // Verbatim shapes of the grid's lines before there was one writer (source 'order-book').
    const legacy = [
      {
        at: `${DAY}T09:00:00.000Z`,
        source: 'order-book',
        mode: 'paper',
        clientId: 0,
        type: 'cancel',
        orderId: 31,
        account: 'DU1000002',
        symbol: 'SAP',
      },
      {
        at: `${DAY}T09:00:01.000Z`,
        source: 'order-book',
        mode: 'paper',
        clientId: 0,
        type: 'cancel-refused',
        orderId: 31,
        code: 10147,
        text: 'OrderId 31 that needs to be cancelled is not found.',
      },
      {
        at: `${DAY}T09:00:02.000Z`,
        source: 'order-book',
        mode: 'paper',
        clientId: 0,
        type: 'cancel-all',
        workingOrders: ['perm:7', '91:12'],
      },
      {
        at: `${DAY}T09:00:03.000Z`,
        source: 'order-book',
        mode: 'paper',
        clientId: 0,
        type: 'cancel-all-refused',
        code: 321,
        text: "Error validating request.-'bN' : cause - The API interface is currently in Read-Only mode.",
      },
    ];
    writeFileSync(join(dir, `audit-${DAY}.jsonl`), legacy.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const { records, damagedLines } = await audit.day(DAY);
    expect(damagedLines).toBe(0);
    expect(records.map((r) => [r.at, r.kind, r.orderId, r.ibCode, r.message])).toEqual([
      [`${DAY}T09:00:00.000Z`, 'cancel-request', 31, null, 'Cancel of order 31 (SAP) requested.'],
      [
        `${DAY}T09:00:01.000Z`,
        'gateway-message',
        31,
        10147,
        'Cancel of order 31 refused: OrderId 31 that needs to be cancelled is not found.',
      ],
      [
        `${DAY}T09:00:02.000Z`,
        'cancel-request',
        null,
        null,
        'Cancel of every working order requested (working: perm:7, 91:12).',
      ],
      [
        `${DAY}T09:00:03.000Z`,
        'gateway-message',
        null,
        321,
        expect.stringContaining('Cancel of every working order refused: Error validating'),
      ],
    ]);
    expect(records[0]?.account).toBe('DU1000002');
  });
});
