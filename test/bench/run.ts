/**
 * `npm run bench`: runs every benchmark in turn on this machine, writes bench/results/latest.json and
 * prints a table. Benchmarks measure; tests assert behaviour. Pass names to run a subset:
 * `npm run bench -- simulator` (or `-- startup` for the TWS client start-up alone); `--quick` bounds each row
 * to a few seconds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Bench, BenchOptions, Figure } from './bench';
import { costBench } from './cost-bench';
import { machineLoad } from './proc-stat';
import { saturationBench } from './saturation-bench';
import { marketBench } from './market-bench';
import { simulatorBench, simulatorStartupBench } from './simulator-bench';
import { accountsBench } from './accounts-bench';
import { ordersBench } from './orders-bench';

const BENCHES: Record<string, (options: BenchOptions) => Promise<Bench>> = {
  simulator: simulatorBench,
  startup: simulatorStartupBench,
  market: marketBench,
  accounts: accountsBench,
  orders: ordersBench,
  cost: costBench,
  saturation: saturationBench,
};

const args = process.argv.slice(2);
const options: BenchOptions = { quick: args.includes('--quick') };
const selected = args.filter((arg) => arg !== '--quick');
const names = selected.length > 0 ? selected : Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const figures: Figure[] = [];
const runStarted = Date.now();
const heapBefore = settledHeapMB();
const loadBefore = machineLoad().loadavg1;
for (const name of names) {
  const load = BENCHES[name];
  if (!load) continue;
  const bench = await load(options);
  console.log(`== ${bench.name}`);
  const started = Date.now();
  try {
    figures.push(...(await bench.run()));
  } catch (error) {
    figures.push({ name: bench.name, value: Number.NaN, unit: '', goal: 'runs', pass: false, detail: String(error) });
  }
  console.log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// Every bench closes what it started: the process's own heap should end where it began.
const heapAfter = settledHeapMB();
figures.push({
  name: 'bench process heap before → after',
  value: heapAfter - heapBefore,
  unit: 'MB',
  goal: 'bounded (< 50 MB)',
  pass: heapAfter - heapBefore < 50,
  detail: `${heapBefore.toFixed(1)} MB → ${heapAfter.toFixed(1)} MB${globalThis.gc ? '' : ' (without --expose-gc)'}`,
});
const seconds = Math.round((Date.now() - runStarted) / 1000);

const result = {
  at: new Date().toISOString(),
  seconds,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // CPU figures taken while others use the machine are inflated: read them by this.
    loadavg1: { before: loadBefore, after: machineLoad().loadavg1 },
  },
  quick: options.quick,
  figures,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);

const rows = figures.map((f) => [
  f.name,
  Number.isFinite(f.value) ? `${round(f.value)} ${f.unit}` : 'failed',
  f.goal,
  f.pass === null ? '—' : f.pass ? 'pass' : 'FAIL',
]);
const header = ['figure', 'value', 'goal', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\n${seconds} s in all${options.quick ? ' (--quick)' : ''}; loadavg ${result.machine.loadavg1.before} → ${result.machine.loadavg1.after}; written to bench/results/latest.json`,
);
process.exit(figures.some((f) => f.pass === false) ? 1 : 0);

function settledHeapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
