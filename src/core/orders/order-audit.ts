import { z } from 'zod';
import { listAuditDays, readAuditDay, type AuditFile } from '../audit/audit-file';
import { TradingModeSchema } from '../../shared/session';
import type { AuditKind } from '../../shared/enums';
import { AuditRecordSchema, type AuditFilter, type AuditPage, type AuditRecord } from '../../shared/orders';

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

const OrderBookLineSchema = z.object({
  at: z.string(),
  source: z.literal('order-book'),
  mode: TradingModeSchema.nullable().optional(),
  type: z.string(),
  orderId: z.number().int().optional(),
  account: z.string().optional(),
  symbol: z.string().optional(),
  workingOrders: z.array(z.number()).optional(),
  code: z.number().int().optional(),
  text: z.string().optional(),
});

/** The open-orders grid writes its cancels to the same log in its own shape; listed here as records. */
function fromOrderBook(line: z.infer<typeof OrderBookLineSchema>): AuditRecord {
  const refused = line.type.endsWith('-refused');
  const what = line.type.startsWith('cancel-all')
    ? 'Cancel of every working order'
    : `Cancel of order ${line.orderId ?? '?'}${line.symbol ? ` (${line.symbol})` : ''}`;
  return auditRecord(
    {
      kind: refused ? 'gateway-message' : 'cancel-request',
      mode: line.mode ?? null,
      account: line.account ?? null,
      orderId: line.orderId ?? null,
      ibCode: line.code ?? null,
      message: refused ? `${what} refused: ${line.text ?? ''}` : `${what} requested.`,
    },
    new Date(line.at),
  );
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
    const book = OrderBookLineSchema.safeParse(line);
    if (book.success && !Number.isNaN(Date.parse(book.data.at))) records.push(fromOrderBook(book.data));
    else invalid++;
  }
  return { records, invalid };
}

/**
 * The order path's audit log: one fsync'd JSON line per record, one file per UTC day, in the user-data
 * folder. The file is shared with the open-orders grid, so both write through one serialised queue.
 */
export class OrderAudit {
  constructor(
    private readonly file: Pick<AuditFile, 'append'>,
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Resolves once the record is on disk. */
  async write(entry: AuditEntry): Promise<AuditRecord> {
    const record = auditRecord(entry, this.now());
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
