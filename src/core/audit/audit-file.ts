import { open, readFile, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** `audit-2026-11-25.jsonl`: one file a UTC day, so a day's records are one file to read or archive. */
export const auditFileName = (at: Date) => `audit-${at.toISOString().slice(0, 10)}.jsonl`;
const FILE_PATTERN = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * Append-only JSON lines, each flushed to disk before `append` resolves: a record the caller has
 * awaited survives a crash. Lines are written in the order appended and never interleave. Appends that
 * arrive while a flush is under way are written together and made durable by one fsync (a group commit):
 * the same guarantee for each, one disk round trip instead of one each.
 */
export class AuditFile {
  private handle: FileHandle | null = null;
  private handleName = '';
  private waiting: { line: string; settle: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  append(record: object): Promise<void> {
    let line: string;
    try {
      line = `${JSON.stringify(record)}\n`;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ line, settle: (error) => (error === null ? resolve() : reject(toError(error))) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      // A failed write fails its own batch; the appends after it are still tried.
      const error = await this.write(batch.map((b) => b.line).join('')).then(
        () => null,
        (e: unknown) => e,
      );
      for (const { settle } of batch) settle(error);
    }
    this.flushing = null;
  }

  private async write(lines: string): Promise<void> {
    const handle = await this.fileFor(auditFileName(this.now()));
    await handle.write(lines);
    await handle.datasync();
  }

  private async fileFor(name: string): Promise<FileHandle> {
    if (this.handle && this.handleName === name) return this.handle;
    await this.handle?.close();
    const handle = await open(join(this.dir, name), 'a+', 0o600);
    // A crash mid-write leaves a line without its newline; end it so the next record starts clean.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    this.handle = handle;
    this.handleName = name;
    return handle;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
    this.handle = null;
  }
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export interface AuditDay {
  records: unknown[];
  /** Lines that were not JSON: a record cut short by a crash. Reported, never fatal. */
  damagedLines: number;
}

export async function readAuditDay(dir: string, day: string): Promise<AuditDay> {
  let text: string;
  try {
    text = await readFile(join(dir, `audit-${day}.jsonl`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damagedLines: 0 };
    throw error;
  }
  const records: unknown[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      damagedLines++;
    }
  }
  return { records, damagedLines };
}

/** The days that have an audit file, newest first. */
export async function listAuditDays(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort()
    .reverse();
}
