import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * CPU time and memory of processes from Linux's /proc, for the cost rows: a browser is a tree of processes
 * (browser, GPU, renderers, utility), and its cost is their sum. CPU is read as clock ticks (utime + stime,
 * fields 14 and 15 of /proc/<pid>/stat), 100 a second on Linux (`getconf CLK_TCK`).
 */
export const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  /** User + system CPU time so far, in clock ticks. */
  cpuTicks: number;
}

/**
 * Parses one /proc/<pid>/stat line. The command name (field 2) is in parentheses and may hold spaces and
 * parentheses itself, so the fields after it are counted from the last ')'.
 */
export function parseProcStat(line: string): ProcStat | null {
  const close = line.lastIndexOf(')');
  const pid = Number.parseInt(line, 10);
  if (close < 0 || !Number.isInteger(pid)) return null;
  // After the name: state (field 3), ppid (4) … utime (14), stime (15).
  const rest = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(rest[1]);
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (![ppid, utime, stime].every(Number.isFinite)) return null;
  return { pid, ppid, cpuTicks: utime + stime };
}

function readStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // exited between the listing and the read
  }
}

/** The process and all its descendants alive now. */
export function processTree(root: number): ProcStat[] {
  const all: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) all.push(stat);
  }
  const inTree = new Set([root]);
  // Parents before children is not guaranteed by pid order: repeat until no process joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of all)
      if (!inTree.has(stat.pid) && inTree.has(stat.ppid)) {
        inTree.add(stat.pid);
        grew = true;
      }
  }
  return all.filter((stat) => inTree.has(stat.pid));
}

/** CPU ticks so far per pid: of the process alone, or of its whole tree. */
export function cpuSnapshot(root: number, tree: boolean): Map<number, number> {
  const stats = tree ? processTree(root) : [readStat(root)].filter((s): s is ProcStat => s !== null);
  return new Map(stats.map((s) => [s.pid, s.cpuTicks]));
}

/**
 * Percent of one core used between two snapshots over `seconds`. A process that started in between counts
 * from zero; one that exited in between is lost (its last ticks were not seen), which only understates.
 */
export function cpuPercent(before: Map<number, number>, after: Map<number, number>, seconds: number): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
  return (ticks / CLOCK_TICKS_PER_SECOND / seconds) * 100;
}

/**
 * Memory of a process in bytes: its proportional set size (shared pages split among the processes sharing
 * them, so a tree's sum does not count the browser's shared libraries once per process), else its RSS.
 */
export function memoryBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    if (pss !== undefined) return Number(pss) * 1024;
  } catch {
    // no smaps_rollup (older kernels, or the process exited): RSS below
  }
  try {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return rss === undefined ? 0 : Number(rss) * 1024;
  } catch {
    return 0;
  }
}

export const treeMemoryBytes = (root: number): number =>
  processTree(root).reduce((sum, stat) => sum + memoryBytes(stat.pid), 0);

/** The machine's 1-minute load average and cores, to read CPU figures taken on a shared machine by. */
export const machineLoad = () => ({ loadavg1: Math.round((loadavg()[0] ?? 0) * 100) / 100 });
