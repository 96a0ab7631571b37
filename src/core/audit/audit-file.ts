import { open, readFile, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** `audit-2026-11-25.jsonl`: one file a UTC day, so a day's records are one file to read or archive. */
export const auditFileName = (at: Date) => `audit-${at.toISOString().slice(0, 10)}.jsonl`;
const FILE_PATTERN = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * Append-only JSON lines, each flushed to disk before `append` resolves: a record the caller has
 * awaited survives a crash. Appends are serialised so lines never interleave.
 */
export class AuditFile {
  private handle: FileHandle | null = null;
  private handleName = '';
  private queue: Promise<void> = Promise.resolve();

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
    const done = this.queue.then(() => this.write(line));
    // A failed append must not poison the ones after it; the caller still sees its own failure.
    this.queue = done.catch(() => {});
    return done;
  }

  private async write(line: string): Promise<void> {
    const handle = await this.fileFor(auditFileName(this.now()));
    await handle.write(line);
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
    await this.queue;
    await this.handle?.close();
    this.handle = null;
  }
}

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
