import { z } from 'zod';
import { listAuditDays, readAuditDay, type AuditFile } from '../audit/audit-file';
import type { AuditKind } from '../../shared/enums';
import { AuditRecordSchema, type AuditFilter, type AuditPage, type AuditRecord } from '../../shared/orders';
import { legacyOrderBookEntry } from './legacy-audit-lines';

/** A record as a caller writes it: the kind, and whichever fields apply. */
export type AuditEntry = Partial<Omit<AuditRecord, 'at' | 'kind'>> & { kind: AuditKind };

/** Fills the fields an entry leaves out with null, so every line has the same shape. */
export function auditRecord(entry: AuditEntry, at: Date): AuditRecord {
  return {
    at: at.toISOString(),
    kind: entry.kind,
    mode: entry.mode ?? null,
    account: entry.account ?? null,
    orderId: entry.orderId ?? null,
    previewId: entry.previewId ?? null,
    allocationId: entry.allocationId ?? null,
    groupId: entry.groupId ?? null,
    ticket: entry.ticket ?? null,
    checks: entry.checks ?? null,
    ibCode: entry.ibCode ?? null,
    ibStatus: entry.ibStatus ?? null,
    message: entry.message ?? null,
    fill: entry.fill ?? null,
  };
}

/** Newest first, then filtered by account, kind and case-insensitive text anywhere in the record. */
export function filterAudit(records: readonly AuditRecord[], filter: AuditFilter): AuditRecord[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  const out: AuditRecord[] = [];
  for (let i = records.length - 1; i >= 0 && out.length < filter.limit; i--) {
    const r = records[i];
    if (r === undefined) continue;
    if (filter.account && r.account !== filter.account) continue;
    if (filter.kind && r.kind !== filter.kind) continue;
    if (text && !JSON.stringify(r).toLowerCase().includes(text)) continue;
    out.push(r);
  }
  return out;
}

/** Parses a day's lines; a line that is JSON but no known record counts as damaged, like a cut-off one. */
export function parseAuditLines(lines: readonly unknown[]): { records: AuditRecord[]; invalid: number } {
  const records: AuditRecord[] = [];
  let invalid = 0;
  for (const line of lines) {
    const parsed = AuditRecordSchema.safeParse(line);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    const legacy = legacyOrderBookEntry(line);
    if (legacy) records.push(auditRecord(legacy.entry, legacy.at));
    else invalid++;
  }
  return { records, invalid };
}

/** What the writer accepts: exactly a record, nothing more, so every line reads back as one. */
const WrittenRecordSchema = z.strictObject(AuditRecordSchema.shape);

/**
 * The audit log's one writer: one fsync'd JSON line per record, one file per UTC day, in the user-data
 * folder. The order service and the open-orders grid are both given this one, so every line has one
 * schema and one clock, and appends go through one serialised queue.
 */
export class OrderAudit {
  constructor(
    private readonly file: Pick<AuditFile, 'append'>,
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Resolves once the record is on disk; a record outside the schema is refused before anything is written. */
  async write(entry: AuditEntry): Promise<AuditRecord> {
    const record = auditRecord(entry, this.now());
    const checked = WrittenRecordSchema.safeParse(record);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
      throw new Error(`An audit record of kind "${String(entry.kind)}" does not fit the audit schema (${where}).`);
    }
    await this.file.append(record);
    return record;
  }

  async day(day: string): Promise<{ records: AuditRecord[]; damagedLines: number }> {
    const raw = await readAuditDay(this.dir, day);
    const { records, invalid } = parseAuditLines(raw.records);
    return { records, damagedLines: raw.damagedLines + invalid };
  }

  async list(filter: AuditFilter): Promise<AuditPage> {
    const days = await listAuditDays(this.dir);
    const day = filter.day ?? days[0] ?? null;
    if (day === null) return { day: null, days, records: [], damagedLines: 0 };
    const { records, damagedLines } = await this.day(day);
    return { day, days, records: filterAudit(records, filter), damagedLines };
  }
}
