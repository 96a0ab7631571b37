import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { AuditFile, listAuditDays, readAuditDay } from '../../../../src/core/audit/audit-file';

const dir = () => mkdtempSync(join(tmpdir(), 'gatehouse-audit-'));
const at = (iso: string) => () => new Date(iso);

describe('AuditFile', () => {
  it('appends one JSON line per record, in order, even when appends overlap', async () => {
    const d = dir();
    const file = new AuditFile(d, at('2026-11-25T10:00:00Z'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => file.append({ n: i, text: 'x'.repeat(i * 100) })));
    await file.close();
    const { records, damagedLines } = await readAuditDay(d, '2026-11-25');
    expect(damagedLines).toBe(0);
    expect(records.map((r) => (r as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('makes appends that arrive during a flush durable with one fsync, each on disk when it resolves', async () => {
    const d = dir();
    const probe = await open(join(d, 'probe'), 'a');
    const datasync = vi.spyOn(Object.getPrototypeOf(probe) as { datasync(): Promise<void> }, 'datasync');
    await probe.close();
    try {
      const file = new AuditFile(d, at('2026-11-25T10:00:00Z'));
      const onDisk = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          file
            .append({ n: i })
            .then(() => readFileSync(join(d, 'audit-2026-11-25.jsonl'), 'utf8').includes(`{"n":${i}}`)),
        ),
      );
      await file.close();
      expect(onDisk).toEqual(Array.from({ length: 10 }, () => true));
      // The first append flushes alone; the nine that queued behind it share the next fsync.
      expect(datasync).toHaveBeenCalledTimes(2);
    } finally {
      datasync.mockRestore();
    }
  });

  it('starts a new file each UTC day', async () => {
    const d = dir();
    let now = new Date('2026-11-25T23:59:59.900Z');
    const file = new AuditFile(d, () => now);
    await file.append({ n: 1 });
    now = new Date('2026-11-26T00:00:00.100Z');
    await file.append({ n: 2 });
    await file.close();
    expect(await listAuditDays(d)).toEqual(['2026-11-26', '2026-11-25']);
    expect((await readAuditDay(d, '2026-11-25')).records).toEqual([{ n: 1 }]);
  });

  it('tolerates a line cut short by a crash, and the next record after a restart starts clean', async () => {
    const d = dir();
    const first = new AuditFile(d, at('2026-11-25T10:00:00Z'));
    await first.append({ n: 1 });
    await first.close();
    appendFileSync(join(d, 'audit-2026-11-25.jsonl'), '{"n":2,"ticket":{"sym'); // the crash
    const afterRestart = new AuditFile(d, at('2026-11-25T10:05:00Z'));
    await afterRestart.append({ n: 3 });
    await afterRestart.close();
    const { records, damagedLines } = await readAuditDay(d, '2026-11-25');
    expect(records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(damagedLines).toBe(1);
  });

  it('reads a missing day as empty', async () => {
    expect(await readAuditDay(dir(), '2020-01-01')).toEqual({ records: [], damagedLines: 0 });
  });

  it('reports a failed append to its caller and keeps appending afterwards', async () => {
    const d = dir();
    const file = new AuditFile(d, at('2026-11-25T10:00:00Z'));
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(file.append(circular)).rejects.toThrow();
    await file.append({ n: 1 });
    await file.close();
    expect(readFileSync(join(d, 'audit-2026-11-25.jsonl'), 'utf8')).toBe('{"n":1}\n');
  });
});
