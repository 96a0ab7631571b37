import { chromium, type Browser, type BrowserServer, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Listing } from '../../src/shared/market';
import { BARE_TABLE_HTML, BARE_TABLE_PATH } from './bare-table-page';
import { FRAME_FLOOR_HTML } from './frame-floor-page';
import { median, type Bench, type BenchOptions, type Figure } from './bench';
import { spawnNode, type Child } from './child-process';
import { cpuPercent, cpuSnapshot, machineLoad, memoryBytes, treeMemoryBytes } from './proc-stat';

/**
 * The cost of a trading day (DESIGN.md §7, issue 22): what 100 watchlist lines at IBKR's cadence (a snapshot
 * per stock every 250 ms) cost in CPU and memory, as a person running the window pays for it.
 * - Three processes, as on a desktop: the simulator (its own process, so IB Gateway's work is not counted),
 *   the harness (the services: `out/harness/cli.js`, connected in paper mode) and Chromium (a process tree).
 * - Page CPU is the whole browser tree's, from /proc; services CPU is the harness process's alone.
 * - Each is taken loaded and idle (the same page, quotes stopped) and reported loaded − idle.
 * - The same batches go to a bare DOM table (bare-table-page.ts) in the same browser, one page open at a
 *   time, in interleaved rounds (A B B A …): this machine is shared, so absolute CPU drifts with other
 *   people's work and only the ratio measured side by side is comparable run to run.
 */

const LINES = 100;
/** Ticks per second across the 100 stocks: enough that every line changes within each 250 ms snapshot. */
export const TICK_RATE = 400;
const CHROMIUM = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';
const HARNESS = 'out/harness/cli.js';
const VIEWPORT = { width: 1400, height: 900 };
const READY = /^Gatehouse harness: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)$/m;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timing {
  rounds: number;
  settleMs: number;
  idleS: number;
  loadedS: number;
}
const FULL: Timing = { rounds: 3, settleMs: 3000, idleS: 5, loadedS: 15 };
const QUICK: Timing = { rounds: 1, settleMs: 1500, idleS: 2, loadedS: 3 };

/** gatehouse-still: the Gatehouse page with reduced motion asked for, so no cell flashes: what flashes cost. */
export type Kind = 'gatehouse' | 'gatehouse-still' | 'bare';

interface Window {
  pageCpu: number;
  servicesCpu: number;
  quotesPerSecond: number;
  /** Each batch is a frame's worth of work: the same quotes in fewer batches cost the page less. */
  batchesPerSecond: number;
}

interface Round {
  kind: Kind;
  idle: Window;
  loaded: Window;
  servicesBytes: number;
  browserBytes: number;
}

export interface World {
  sim: Child;
  harness: Child;
  controlUrl: string;
  url: string;
  server: BrowserServer;
  browser: Browser;
}

/** What the page has applied so far: quotes, and the batches they came in (the frames they ask for). */
const PROBE: Record<Kind, string> = {
  gatehouse: 'window.gatehouseMarketProbe',
  'gatehouse-still': 'window.gatehouseMarketProbe',
  bare: 'window.bareTableProbe',
};
const readApplied = (page: Page, kind: Kind) =>
  page.evaluate<{ quotes: number; batches: number }>(
    `(() => { const p = ${PROBE[kind]}; return { quotes: p ? p.quotes : 0, batches: p ? p.batches : 0 }; })()`,
  );

export async function setTickRate(world: World, rate: number): Promise<void> {
  const response = await fetch(`${world.controlUrl}/market/tick-rate?value=${rate}`, { method: 'POST' });
  if (!response.ok) throw new Error(`the simulator refused tick rate ${rate}: ${response.status}`);
}

async function measure(world: World, page: Page, kind: Kind, seconds: number): Promise<Window> {
  const browserPid = world.server.process().pid ?? 0;
  const appliedBefore = await readApplied(page, kind);
  const pageBefore = cpuSnapshot(browserPid, true);
  const servicesBefore = cpuSnapshot(world.harness.pid, false);
  const started = performance.now();
  await delay(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const pageCpu = cpuPercent(pageBefore, cpuSnapshot(browserPid, true), elapsed);
  const servicesCpu = cpuPercent(servicesBefore, cpuSnapshot(world.harness.pid, false), elapsed);
  const applied = await readApplied(page, kind);
  return {
    pageCpu,
    servicesCpu,
    quotesPerSecond: (applied.quotes - appliedBefore.quotes) / elapsed,
    batchesPerSecond: (applied.batches - appliedBefore.batches) / elapsed,
  };
}

export async function openPage(world: World, kind: Kind): Promise<Page> {
  const context = await world.browser.newContext({
    viewport: VIEWPORT,
    reducedMotion: kind === 'gatehouse-still' ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  if (kind !== 'bare') {
    await page.goto(world.url);
    await page.getByRole('region', { name: 'Watchlist' }).getByRole('row').nth(5).waitFor({ timeout: 30_000 });
    return page;
  }
  const { origin, hash } = new URL(world.url);
  await page.route(`${origin}${BARE_TABLE_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: BARE_TABLE_HTML }),
  );
  await page.goto(`${origin}${BARE_TABLE_PATH}${hash}`);
  await page.waitForFunction('window.bareTableProbe && window.bareTableProbe.ready', undefined, { timeout: 30_000 });
  return page;
}

/** The browser's CPU for a page that changes one cell per frame, and its frames/s: loaded − idle, as the pages. */
async function frameFloor(world: World, timing: Timing): Promise<{ cpu: number; framesPerSecond: number }> {
  const context = await world.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(FRAME_FLOOR_HTML);
    const browserPid = world.server.process().pid ?? 0;
    const window = async (seconds: number) => {
      const framesBefore = await page.evaluate<number>('window.frameFloor.frames');
      const before = cpuSnapshot(browserPid, true);
      const started = performance.now();
      await delay(seconds * 1000);
      const elapsed = (performance.now() - started) / 1000;
      const cpu = cpuPercent(before, cpuSnapshot(browserPid, true), elapsed);
      const frames = (await page.evaluate<number>('window.frameFloor.frames')) - framesBefore;
      return { cpu, framesPerSecond: frames / elapsed };
    };
    await delay(timing.settleMs);
    const idle = await window(timing.idleS);
    await page.evaluate('window.frameFloor.run(true)');
    await delay(timing.settleMs);
    const loaded = await window(timing.loadedS);
    return { cpu: loaded.cpu - idle.cpu, framesPerSecond: loaded.framesPerSecond };
  } finally {
    await context.close();
  }
}

async function round(world: World, kind: Kind, timing: Timing): Promise<Round> {
  const page = await openPage(world, kind);
  try {
    await setTickRate(world, 0);
    await delay(timing.settleMs);
    const idle = await measure(world, page, kind, timing.idleS);
    await setTickRate(world, TICK_RATE);
    await delay(timing.settleMs);
    const loaded = await measure(world, page, kind, timing.loadedS);
    const servicesBytes = memoryBytes(world.harness.pid);
    const browserBytes = treeMemoryBytes(world.server.process().pid ?? 0);
    return { kind, idle, loaded, servicesBytes, browserBytes };
  } finally {
    await setTickRate(world, 0);
    await page.context().close();
  }
}

export async function start(userDataDir: string, stopping: (() => Promise<void>)[]): Promise<World> {
  const { child: sim, match: simReady } = await spawnNode(
    ['--import', 'tsx', 'test/bench/sim-process.ts', '--stocks', String(LINES)],
    /^(\{.*\})$/m,
  );
  stopping.push(() => sim.stop());
  const simInfo = JSON.parse(simReady[1] ?? '{}') as { port: number; controlPort: number; listings: Listing[] };
  writeFileSync(
    join(userDataDir, 'settings.json'),
    JSON.stringify({
      mode: 'paper',
      gateway: { paper: { host: '127.0.0.1', port: simInfo.port, clientId: 1 } },
      watchlist: simInfo.listings,
      watchlistSeeded: true,
      marketDataLines: LINES + 20,
    }),
  );
  const { child: harness, match } = await spawnNode(['--enable-source-maps', HARNESS, '--port', '0'], READY, {
    ...process.env,
    GATEHOUSE_USER_DATA: userDataDir,
  });
  stopping.push(() => harness.stop());
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    // The bare table is served by the bench (page.route), which Chromium does not count as the loopback
    // address its WebSocket goes to, and would block; the Gatehouse page is unaffected either way.
    args: ['--no-sandbox', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks'],
  });
  stopping.push(() => server.close());
  const browser = await chromium.connect(server.wsEndpoint());
  stopping.push(() => browser.close());
  return {
    sim,
    harness,
    controlUrl: `http://127.0.0.1:${simInfo.controlPort}`,
    url: match[1] ?? '',
    server,
    browser,
  };
}

const pct = (value: number) => `${value.toFixed(1)} %`;
const mb = (bytes: number) => bytes / 2 ** 20;
const net = (r: Round, pick: (w: Window) => number) => pick(r.loaded) - pick(r.idle);

function figures(
  rounds: Round[],
  floor: { cpu: number; framesPerSecond: number },
  load: { before: number; after: number },
  timing: Timing,
): Figure[] {
  const of = (kind: Kind) => rounds.filter((r) => r.kind === kind);
  const gatehouse = of('gatehouse');
  const bare = of('bare');
  const pageNet = median(gatehouse.map((r) => net(r, (w) => w.pageCpu)));
  const bareNet = median(bare.map((r) => net(r, (w) => w.pageCpu)));
  const still = of('gatehouse-still');
  const stillNet = median(still.map((r) => net(r, (w) => w.pageCpu)));
  const servicesNet = median(rounds.map((r) => net(r, (w) => w.servicesCpu)));
  const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
  const loadNote = `loadavg ${load.before} → ${load.after} on this machine`;
  const setup = `${LINES} lines at IBKR's 250 ms cadence, ${timing.rounds} interleaved round(s) of ${timing.idleS} s idle + ${timing.loadedS} s loaded per page; ${loadNote}`;
  const quotes = (rs: Round[]) =>
    `${Math.round(median(rs.map((r) => r.loaded.quotesPerSecond)))} quotes/s in ${list(rs.map((r) => r.loaded.batchesPerSecond))} batches/s`;
  const servicesMB = Math.max(...gatehouse.map((r) => mb(r.servicesBytes)));
  const batchRates = rounds.map((r) => r.loaded.batchesPerSecond);
  const evenness = Math.min(...batchRates) / Math.max(...batchRates);
  return [
    {
      name: `page CPU at ${LINES} lines × 250 ms, loaded − idle (all browser processes)`,
      value: pageNet,
      unit: '% core',
      goal: '≤ 15 %',
      pass: pageNet <= 15,
      detail: `${setup}; per round loaded ${list(gatehouse.map((r) => r.loaded.pageCpu))} %, idle ${list(gatehouse.map((r) => r.idle.pageCpu))} %; the page applied ${quotes(gatehouse)}`,
    },
    {
      name: `  bare DOM table fed the same batches, loaded − idle`,
      value: bareNet,
      unit: '% core',
      goal: 'baseline',
      pass: null,
      detail: `per round loaded ${list(bare.map((r) => r.loaded.pageCpu))} %, idle ${list(bare.map((r) => r.idle.pageCpu))} %; applied ${quotes(bare)}`,
    },
    {
      name: `  the same load on every page: batches/s, fewest ÷ most`,
      value: evenness,
      unit: '×',
      goal: '≥ 0.8×',
      pass: evenness >= 0.8,
      detail: `loaded windows' batches/s: ${list(rounds.map((r) => r.loaded.batchesPerSecond))}; a page fed the same quotes in fewer batches paints fewer frames, and its CPU is not comparable`,
    },
    {
      name: `page CPU ÷ bare DOM table at ${LINES} lines × 250 ms`,
      value: pageNet / bareNet,
      unit: '×',
      goal: '≤ 2×',
      pass: pageNet / bareNet <= 2,
      detail: `${pct(pageNet)} ÷ ${pct(bareNet)}, medians of interleaved rounds; ${loadNote}`,
    },
    {
      name: `  the browser's frames alone: one cell changed per frame, no data, loaded − idle`,
      value: floor.cpu,
      unit: '% core',
      goal: 'reported',
      pass: null,
      detail: `${floor.framesPerSecond.toFixed(0)} frames/s; a 15 × 10 table whose only change is one cell's text each animation frame. What any page that shows a change in nearly every frame pays in this browser before it does any work of its own`,
    },
    {
      name: `  Gatehouse page without cell flashes (reduced motion), loaded − idle`,
      value: stillNet,
      unit: '% core',
      goal: 'reported',
      pass: null,
      detail: `what the flashes cost: ${pct(pageNet - stillNet)} of a core; ÷ bare table ${(stillNet / bareNet).toFixed(2)}×; per round loaded ${list(still.map((r) => r.loaded.pageCpu))} %, idle ${list(still.map((r) => r.idle.pageCpu))} %; applied ${quotes(still)}`,
    },
    {
      name: `services CPU at ${LINES} lines × 250 ms, loaded − idle (harness process; simulator excluded)`,
      value: servicesNet,
      unit: '% core',
      goal: '≤ 5 %',
      pass: servicesNet <= 5,
      detail: `per round loaded ${list(rounds.map((r) => r.loaded.servicesCpu))} %, idle ${list(rounds.map((r) => r.idle.servicesCpu))} %; ${loadNote}`,
    },
    {
      name: `services memory at ${LINES} lines × 250 ms (harness PSS)`,
      value: servicesMB,
      unit: 'MB',
      goal: '≤ 200 MB',
      pass: servicesMB <= 200,
      detail: `the most after any loaded window; the soak (npm run soak) reports it after 30 minutes`,
    },
    {
      name: `browser memory with the Gatehouse page at ${LINES} lines × 250 ms (PSS, all processes)`,
      value: Math.max(...gatehouse.map((r) => mb(r.browserBytes))),
      unit: 'MB',
      goal: 'reported',
      pass: null,
      detail: `the bare table's: ${Math.max(...bare.map((r) => mb(r.browserBytes))).toFixed(0)} MB`,
    },
  ];
}

export async function costBench(options: BenchOptions): Promise<Bench> {
  return {
    name: 'cost',
    async run(): Promise<Figure[]> {
      if (!existsSync('out/renderer/harness.html') || !existsSync(HARNESS))
        throw new Error(
          'the renderer or the harness is not built: run npm run build:renderer && npm run build:harness',
        );
      const timing = options.quick ? QUICK : FULL;
      const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-cost-'));
      const stopping: (() => Promise<void>)[] = [];
      try {
        const world = await start(userDataDir, stopping);
        const before = machineLoad().loadavg1;
        const rounds: Round[] = [];
        // A B C C B A …: neither page always runs first, after the other, or in the same drift of the machine's load.
        for (let i = 0; i < timing.rounds; i++) {
          const kinds: Kind[] = ['gatehouse', 'bare', 'gatehouse-still'];
          const order = i % 2 === 0 ? kinds : [...kinds].reverse();
          for (const kind of order) rounds.push(await round(world, kind, timing));
        }
        const floor = await frameFloor(world, timing);
        return figures(rounds, floor, { before, after: machineLoad().loadavg1 }, timing);
      } finally {
        for (const stop of stopping.reverse()) await stop().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
