/**
 * `npm run soak:cost -- --minutes 30`: the cost bench's world (simulator, harness and Chromium, each its own
 * process) with the Gatehouse page open at 100 lines × 250 ms for the whole run, as a person leaves the window
 * open through a trading session. Every minute it samples the services' and the browser's memory (PSS) and
 * the CPU each used since the sample before; at the end it reports memory in the first minute against the
 * last, and CPU over the whole run, a steadier figure than the cost bench's 15 s windows. Writes
 * bench/results/cost-soak.json. Issue 22: services ≤ 200 MB and ≤ 5 % of a core; page ≤ 15 %.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPage, setTickRate, start, TICK_RATE } from './cost-bench';
import { cpuPercent, cpuSnapshot, machineLoad, memoryBytes, treeMemoryBytes } from './proc-stat';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' } } });
const minutes = Number(values.minutes);
if (!(minutes > 0 && minutes <= 24 * 60)) throw new RangeError(`--minutes must be 1 to 1440, not ${values.minutes}`);
const SAMPLE_MS = minutes >= 5 ? 60_000 : 15_000;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  atS: number;
  servicesMB: number;
  browserMB: number;
  /** CPU since the sample before, % of a core. */
  servicesCpu: number;
  pageCpu: number;
  loadavg1: number;
}

const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-cost-soak-'));
const stopping: (() => Promise<void>)[] = [];
try {
  const world = await start(userDataDir, stopping);
  await openPage(world, 'gatehouse');
  await setTickRate(world, TICK_RATE);
  const browserPid = world.server.process().pid ?? 0;
  const started = performance.now();
  const samples: Sample[] = [];
  let servicesAt = cpuSnapshot(world.harness.pid, false);
  let pageAt = cpuSnapshot(browserPid, true);
  let sampledAt = started;
  const runStart = { services: servicesAt, page: pageAt };
  console.log(
    `cost soak: ${minutes} min at 100 lines × 250 ms (${TICK_RATE} ticks/s), a sample every ${SAMPLE_MS / 1000} s`,
  );
  while (performance.now() - started < minutes * 60_000) {
    await delay(SAMPLE_MS);
    const now = performance.now();
    const services = cpuSnapshot(world.harness.pid, false);
    const page = cpuSnapshot(browserPid, true);
    const seconds = (now - sampledAt) / 1000;
    const sample: Sample = {
      atS: Math.round((now - started) / 1000),
      servicesMB: mb(memoryBytes(world.harness.pid)),
      browserMB: mb(treeMemoryBytes(browserPid)),
      servicesCpu: Math.round(cpuPercent(servicesAt, services, seconds) * 10) / 10,
      pageCpu: Math.round(cpuPercent(pageAt, page, seconds) * 10) / 10,
      loadavg1: machineLoad().loadavg1,
    };
    samples.push(sample);
    [servicesAt, pageAt, sampledAt] = [services, page, now];
    console.log(
      `${String(sample.atS).padStart(5)} s  services ${sample.servicesMB} MB ${sample.servicesCpu} %  browser ${sample.browserMB} MB  page ${sample.pageCpu} %  loadavg ${sample.loadavg1}`,
    );
  }
  const seconds = (sampledAt - started) / 1000;
  const first = samples[0] as Sample;
  const last = samples.at(-1) as Sample;
  const summary = {
    minutes,
    servicesMB: { first: first.servicesMB, last: last.servicesMB, max: Math.max(...samples.map((s) => s.servicesMB)) },
    browserMB: { first: first.browserMB, last: last.browserMB, max: Math.max(...samples.map((s) => s.browserMB)) },
    // Over the whole run, loaded (no idle window to subtract: the idle figures are the cost bench's, under 1 %).
    servicesCpuPercent: Math.round(cpuPercent(runStart.services, servicesAt, seconds) * 10) / 10,
    pageCpuPercent: Math.round(cpuPercent(runStart.page, pageAt, seconds) * 10) / 10,
    servicesMemoryPass: Math.max(...samples.map((s) => s.servicesMB)) <= 200,
    loadavg: { first: first.loadavg1, last: last.loadavg1 },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/cost-soak.json',
    `${JSON.stringify({ at: new Date().toISOString(), summary, samples }, null, 2)}\n`,
  );
  console.log(JSON.stringify(summary, null, 2));
  console.log('written to bench/results/cost-soak.json');
} finally {
  for (const stop of stopping.reverse()) await stop().catch(() => undefined);
  rmSync(userDataDir, { recursive: true, force: true });
}
