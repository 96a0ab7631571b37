import { chromium, type Browser, type Page } from '@playwright/test';
import { EventName, IBApi, type Contract } from '@stoqey/ib';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type GatehouseApp } from '../../src/core/app';
import { MemoryCredentialStore } from '../../src/core/credentials/memory-credential-store';
import { createDemoGateway } from '../../src/core/gateway/demo-gateway';
import { startHarness, type Harness } from '../../src/harness/server';
import type { Listing } from '../../src/shared/market';
import { startSimulator, type Simulator } from '../../src/simulator';
import { percentile, type Bench, type Figure } from './bench';

/**
 * Quotes from the simulator to a rendered watchlist cell, in Chromium through the harness, with the real
 * services in this process (as demo mode runs them):
 * - the raw @stoqey/ib receive rate: a bare IBApi subscribed to the same 200 instruments counts decoded ticks;
 * - the end-to-end rate: ticks the services take in while they coalesce and ship batches to the page's store;
 * - tick → rendered cell latency: from the simulator's creation of the tick a cell shows to the end of the main
 *   thread's rendering work for the frame that paints its new text (a MutationObserver in the page sees the
 *   text change, then a task posted from the next animation frame runs once that frame is painted). Also
 *   reported: tick → text in the DOM, and tick → applied in the store;
 * - memory: the services' and the page's heaps before and after the fast run.
 *
 * A coalesced feed shows each instrument's latest state: a cell's sample is timed from the simulator step
 * behind the quote the page applied (the latest step of that instrument up to the services' receipt of the
 * quote's last tick); earlier ticks folded into the same batch were superseded, never shown.
 *
 * Each window starts WARM_UP_MS after the rate is set: the first two seconds after a jump from idle to
 * 2,000 ticks/s carry latencies of 300–550 ms (the page and services settling), which are not the steady
 * state the goal is about. At the goal rate three windows run, and the one with the median p95 speaks for
 * it: from one 6 s window to the next the p95 varied by a factor of two on this machine.
 */

const INSTRUMENTS = 200;
const SECONDS = 6;
const WARM_UP_MS = 3000;
const GOAL_RATE = 2_000;
const RATES = [GOAL_RATE, 20_000];
const WINDOWS_AT_GOAL_RATE = 3;
const CHROMIUM = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';
const silent = { log: () => undefined };
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function listingsOf(sim: Simulator): Listing[] {
  return sim.world
    .instruments()
    .filter((instrument) => instrument.secType === 'STK')
    .slice(0, INSTRUMENTS)
    .map((instrument) => ({
      conId: instrument.conId,
      symbol: instrument.symbol,
      secType: instrument.secType,
      exchange: instrument.exchange,
      primaryExchange: instrument.primaryExchange,
      currency: instrument.currency,
      description: instrument.longName,
    }));
}

/**
 * World ticks the simulator steps (to tell a slow client from a simulator that fell behind), and when each
 * instrument was stepped: the start of the latency clock. Same process, same clock as the services and the page.
 */
interface SimulatorClock {
  stepped(): number;
  /** When the simulator created the latest tick of `conId` at or before `at` (epoch ms). */
  createdAt(conId: number, at: number): number | undefined;
  forget(): void;
}

function watchSteps(sim: Simulator): SimulatorClock {
  let stepped = 0;
  let created = new Map<number, number[]>();
  const step = sim.world.step.bind(sim.world);
  sim.world.step = (count: number) => {
    stepped += count;
    const ticks = step(count);
    const now = Date.now();
    for (const tick of ticks) {
      const times = created.get(tick.conId);
      if (times === undefined) created.set(tick.conId, [now]);
      else times.push(now);
    }
    return ticks;
  };
  return {
    stepped: () => stepped,
    createdAt(conId, at) {
      const times = created.get(conId) ?? [];
      let low = 0;
      let high = times.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((times[middle] ?? Infinity) <= at) low = middle + 1;
        else high = middle;
      }
      return low > 0 ? times[low - 1] : undefined;
    },
    forget: () => (created = new Map()),
  };
}

interface Rate {
  /** Tick events per second. */
  events: number;
  /** World ticks the simulator stepped per second meanwhile. */
  stepped: number;
}

async function rawRate(sim: Simulator, clock: SimulatorClock, listings: Listing[], rate: number): Promise<Rate> {
  const api = new IBApi({ host: '127.0.0.1', port: sim.port });
  let events = 0;
  const count = () => void events++;
  api.on(EventName.tickPrice, count);
  api.on(EventName.tickSize, count);
  // The services count every tick IBApiNext hands on, generic and string ticks (236) included.
  api.on(EventName.tickGeneric, count);
  api.on(EventName.tickString, count);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no nextValidId within 5 s')), 5000);
    api.once(EventName.nextValidId, () => {
      clearTimeout(timer);
      resolve();
    });
    api.connect(90);
  });
  listings.forEach((listing, index) =>
    api.reqMktData(index + 1, { conId: listing.conId, exchange: listing.exchange } as Contract, '236', false, false),
  );
  sim.setTickRate(rate);
  await delay(WARM_UP_MS);
  const before = events;
  const steppedBefore = clock.stepped();
  const started = performance.now();
  await delay(SECONDS * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const result = { events: (events - before) / elapsed, stepped: (clock.stepped() - steppedBefore) / elapsed };
  sim.setTickRate(0);
  api.disconnect();
  await delay(300);
  return result;
}

/**
 * In the page (as a script: this project has no DOM types): per watchlist row whose text changed, the
 * services' receipt time of the quote the store applied for it, when the text changed in the DOM, and when the
 * frame showing it had been rendered (a task posted from that frame's animation callback runs after its paint).
 */
const INSTALL_LATENCY_OBSERVER = `(() => {
  const samples = [];
  window.gatehouseLatency = samples;
  const grid = document.querySelector('.watchlist-grid');
  if (!grid) throw new Error('no watchlist grid in the page');
  const painted = new MessageChannel();
  const waiting = [];
  painted.port1.onmessage = () => {
    const now = Date.now();
    for (const sample of waiting.splice(0)) if (samples.length < 200000) samples.push([...sample, now]);
  };
  let frameRequested = false;
  new MutationObserver((mutations) => {
    const probe = window.gatehouseMarketProbe;
    if (!probe) return;
    const now = Date.now();
    const rows = new Set();
    for (const mutation of mutations) {
      const element = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
      const rowId = element && element.closest('.ag-row') && element.closest('.ag-row').getAttribute('row-id');
      if (rowId) rows.add(Number(rowId));
    }
    for (const conId of rows) {
      const at = probe.tickAt.get(conId);
      if (at !== undefined) waiting.push([conId, at, now]);
    }
    if (frameRequested || waiting.length === 0) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      painted.port2.postMessage(null);
    });
  }).observe(grid, { subtree: true, childList: true, characterData: true });
})()`;

/** One changed row: conId, services' receipt of its quote's last tick, text in the DOM, frame rendered. */
type CellSample = [conId: number, receivedAt: number, domAt: number, paintedAt: number];

interface PageSample {
  batches: number;
  quotes: number;
  cells: CellSample[];
  storeLatency: number[];
  heap: number;
}

const READ_PAGE = `(() => {
  const probe = window.gatehouseMarketProbe;
  const cells = window.gatehouseLatency.splice(0);
  const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
  const storeLatency = probe ? probe.storeLatency.splice(0) : [];
  return { batches: probe ? probe.batches : 0, quotes: probe ? probe.quotes : 0, cells, storeLatency, heap };
})()`;

const readPage = (page: Page): Promise<PageSample> => page.evaluate<PageSample>(READ_PAGE);

/**
 * Drops the warm-up's samples in the page and returns only the counters. Returning them would serialize
 * thousands of samples on the page's main thread and deserialize them in this process, which also runs the
 * services: a stall of 300–500 ms that the first samples of the measured window would carry.
 */
const startWindow = (page: Page): Promise<Pick<PageSample, 'batches' | 'quotes'>> =>
  page.evaluate(`(() => {
    const probe = window.gatehouseMarketProbe;
    window.gatehouseLatency.length = 0;
    if (probe) probe.storeLatency.length = 0;
    return { batches: probe ? probe.batches : 0, quotes: probe ? probe.quotes : 0 };
  })()`);

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = samples.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    samples: sorted.length,
  };
}

interface EndToEnd {
  core: Rate;
  storeQuotesPerSecond: number;
  batchesPerSecond: number;
  /** Simulator tick → the frame showing the cell rendered: the figure held to the goal. */
  latency: Percentiles;
  /** Simulator tick → the cell's text in the DOM. */
  domLatency: Percentiles;
  /** Simulator tick → the services received it. */
  receiveLatency: Percentiles;
  /** Services' receipt → quote applied in the store, before the grid updates: where the time goes. */
  storeLatency: Percentiles;
  /** Cell changes whose tick the simulator clock could not place (should be none). */
  unmatched: number;
  heapBefore: { core: number; page: number };
  heapAfter: { core: number; page: number };
  maxPending: number;
}

async function endToEnd(
  sim: Simulator,
  clock: SimulatorClock,
  app: GatehouseApp,
  page: Page,
  rate: number,
): Promise<EndToEnd> {
  clock.forget();
  global.gc?.();
  const heapBefore = { core: process.memoryUsage().heapUsed, page: (await readPage(page)).heap };
  sim.setTickRate(rate);
  await delay(WARM_UP_MS);
  const start = await startWindow(page);
  const coreBefore = app.market.stats().ticksReceived;
  const steppedBefore = clock.stepped();
  const started = performance.now();
  await delay(SECONDS * 1000);
  const end = await readPage(page);
  const elapsed = (performance.now() - started) / 1000;
  const core = {
    events: (app.market.stats().ticksReceived - coreBefore) / elapsed,
    stepped: (clock.stepped() - steppedBefore) / elapsed,
  };
  const painted: number[] = [];
  const dom: number[] = [];
  const receive: number[] = [];
  let unmatched = 0;
  for (const [conId, receivedAt, domAt, paintedAt] of end.cells) {
    const createdAt = clock.createdAt(conId, receivedAt);
    if (createdAt === undefined) {
      unmatched++;
      continue;
    }
    painted.push(paintedAt - createdAt);
    dom.push(domAt - createdAt);
    receive.push(receivedAt - createdAt);
  }
  clock.forget();
  sim.setTickRate(0);
  await delay(500);
  global.gc?.();
  const heapAfter = { core: process.memoryUsage().heapUsed, page: (await readPage(page)).heap };
  return {
    core,
    storeQuotesPerSecond: (end.quotes - start.quotes) / elapsed,
    batchesPerSecond: (end.batches - start.batches) / elapsed,
    latency: percentiles(painted),
    domLatency: percentiles(dom),
    receiveLatency: percentiles(receive),
    storeLatency: percentiles(end.storeLatency),
    unmatched,
    heapBefore,
    heapAfter,
    maxPending: app.market.stats().maxPending,
  };
}

function ensureRendererBuilt(): string {
  const dir = join(process.cwd(), 'out/renderer');
  if (!existsSync(join(dir, 'harness.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  return dir;
}

const spread = ({ p50, p95, p99 }: Percentiles) => `p50 ${p50} / p95 ${p95} / p99 ${p99} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function marketBench(): Promise<Bench> {
  return {
    name: 'market',
    async run(): Promise<Figure[]> {
      const rendererDir = ensureRendererBuilt();
      const sim = await startSimulator({
        port: 0,
        seed: 11,
        tickRate: 0,
        // Every step sent at once: the bench times each step to the screen and drives up to 20,000 steps/s.
        quoteCadence: 'every-step',
        syntheticStocks: INSTRUMENTS,
        marketDataLines: INSTRUMENTS * 2 + 10,
        accountRefreshMs: 60_000,
      });
      let app: GatehouseApp | null = null;
      let harness: Harness | null = null;
      let browser: Browser | null = null;
      try {
        const listings = listingsOf(sim);
        const clock = watchSteps(sim);
        const raw = new Map<number, Rate>();
        for (const rate of RATES) raw.set(rate, await rawRate(sim, clock, listings, rate));

        const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
        writeFileSync(
          join(userDataDir, 'settings.json'),
          JSON.stringify({ watchlist: listings, marketDataLines: INSTRUMENTS + 10 }),
        );
        const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
        const demo = createDemoGateway(
          async () => sim,
          () => undefined,
        );
        app = await createApp({
          shell: 'harness',
          version,
          logger: silent,
          userDataDir,
          demo,
          credentials: new MemoryCredentialStore(),
        });
        harness = await startHarness({ app, rendererDir, log: () => undefined });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(harness.url);
        await page.getByRole('region', { name: 'Watchlist' }).getByRole('row').nth(5).waitFor({ timeout: 20_000 });
        await page.evaluate(INSTALL_LATENCY_OBSERVER);

        const figures: Figure[] = [];
        for (const rate of RATES) {
          const windows: EndToEnd[] = [];
          for (let i = 0; i < (rate === GOAL_RATE ? WINDOWS_AT_GOAL_RATE : 1); i++)
            windows.push(await endToEnd(sim, clock, app, page, rate));
          const byP95 = [...windows].sort((a, b) => a.latency.p95 - b.latency.p95);
          const result = byP95[Math.floor(byP95.length / 2)] ?? byP95[0];
          if (!result) throw new Error(`no measurement at ${rate} ticks/s`);
          const windowP95s = windows.map((w) => `${w.latency.p95}`).join(', ');
          const baseline = raw.get(rate) ?? { events: Number.NaN, stepped: Number.NaN };
          const label = `${rate.toLocaleString('en-US')} ticks/s over ${listings.length} instruments`;
          const ratio = result.core.events / baseline.events;
          const n = (value: number) => Math.round(value).toLocaleString('en-US');
          const detail = `raw @stoqey/ib ${n(baseline.events)} tick events/s (simulator stepped ${n(baseline.stepped)}/s); services ${n(result.core.events)} tick events/s (stepped ${n(result.core.stepped)}/s); store ${n(result.storeQuotesPerSecond)} quotes/s in ${result.batchesPerSecond.toFixed(1)} batches/s; at most ${result.maxPending} instruments pending`;
          figures.push(
            {
              name: `raw @stoqey/ib receive rate on loopback at ${label}`,
              value: baseline.events,
              unit: 'events/s',
              goal: 'baseline',
              pass: null,
              detail: `a bare IBApi counting decoded tick events from the same simulator (stepped ${n(baseline.stepped)}/s)`,
            },
            {
              name: `end-to-end rate into the renderer store at ${label}`,
              value: result.storeQuotesPerSecond,
              unit: 'quotes/s',
              goal: 'reported',
              pass: null,
              detail: `coalesced per instrument: ${result.batchesPerSecond.toFixed(1)} batches/s carrying the latest state of each changed instrument, from ${n(result.core.events)} tick events/s into the services`,
            },
          );
          figures.push({
            name: `end-to-end ingest / raw receive rate at ${label}`,
            value: ratio * 100,
            unit: '%',
            goal: '≥ 50 %',
            pass: ratio >= 0.5,
            detail,
          });
          const { p50, p95, p99, samples } = result.latency;
          figures.push({
            name: `tick → rendered cell p95 at ${label}`,
            value: p95,
            unit: 'ms',
            goal: rate === GOAL_RATE ? '< 33 ms (two frames)' : 'bounded (< 250 ms)',
            pass: rate === GOAL_RATE ? p95 < 33 : p95 < 250,
            detail: `${windows.length > 1 ? `median of ${windows.length} windows' p95 (${windowP95s} ms); that window: ` : ''}simulator tick → frame rendered p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms over ${samples.toLocaleString('en-US')} row changes (${result.unmatched} unmatched); → text in DOM ${spread(result.domLatency)}; → services ${spread(result.receiveLatency)}; services → store ${spread(result.storeLatency)}`,
          });
          if (rate === RATES.at(-1)) {
            const growth = result.heapAfter.core - result.heapBefore.core;
            figures.push({
              name: `heap growth over ${SECONDS + WARM_UP_MS / 1000} s at ${label}`,
              value: growth / 2 ** 20,
              unit: 'MB',
              goal: 'bounded (< 50 MB)',
              pass: growth < 50 * 2 ** 20,
              detail: `services ${mb(result.heapBefore.core)} → ${mb(result.heapAfter.core)}; page ${mb(result.heapBefore.page)} → ${mb(result.heapAfter.page)}; backlog bounded by ${result.maxPending} pending quotes`,
            });
          }
        }
        return figures;
      } finally {
        await browser?.close();
        await harness?.close();
        await app?.dispose();
        await sim.close();
      }
    },
  };
}
