/**
 * `npm run soak -- --minutes N`: the app core (createApp, in this process, paper mode) against the simulator
 * in its own process (`src/simulator/cli.ts`, as IB Gateway is another process: its order book and
 * executions are not the app's heap) at 2,000 ticks/s with a watchlist of 20 stocks, a forced reconnect
 * every 2 minutes and an order every 10 s through the orders service (preview + submit, as the
 * confirmation dialog does), priced at the app's own quote. Every 30 s it samples heap, quote lines held at
 * the simulator, listeners and open handles; at the end it reports their growth and writes
 * bench/results/soak.json. DESIGN §7: heap growth < 10 % over 30 minutes, nothing leaked after reconnects,
 * services RSS ≤ 200 MB; the services' CPU over the run (this process, in % of a core) is reported beside it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../src/core/app';
import { MemoryCredentialStore } from '../../src/core/credentials/memory-credential-store';
import type { Listing } from '../../src/shared/market';
import type { OrderPreview, SubmitResult } from '../../src/shared/orders';
import { ACCOUNT_IDS } from '../../src/simulator';
import { buildCatalog } from '../../src/simulator/world/instruments';
import { until } from '../integration/orders/orders-app';

const WATCHED = 20;
const TICK_RATE = 2000;
const AAPL = 265598;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'reconnect-every': { type: 'string', default: '120' },
    'order-every': { type: 'string', default: '10' },
    'sample-every': { type: 'string', default: '30' },
  },
  strict: true,
});
const seconds = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number, not ${value}`);
    process.exit(2);
  }
  return n;
};
const durationMs = seconds('minutes', values.minutes) * 60_000;
const reconnectMs = seconds('reconnect-every', values['reconnect-every']) * 1000;
const orderMs = seconds('order-every', values['order-every']) * 1000;
const sampleMs = seconds('sample-every', values['sample-every']) * 1000;

interface Sample {
  atS: number;
  heapUsedMB: number;
  rssMB: number;
  quoteLinesAtSimulator: number;
  eventBusListeners: number;
  processListeners: number;
  activeResources: Record<string, number>;
  reconnects: number;
  ordersSent: number;
  orderFailures: number;
  quoteBatches: number;
  sessionState: string;
}

const gc = globalThis.gc;
if (!gc) console.warn('run with node --expose-gc (npm run soak does) for heap figures without garbage noise');

const watchlist: Listing[] = buildCatalog(Date.now())
  .map((listing) => listing.instrument)
  .filter((i) => i.secType === 'STK' && i.currency === 'USD')
  .slice(0, WATCHED)
  .map((i) => ({
    conId: i.conId,
    symbol: i.symbol,
    secType: i.secType,
    exchange: i.exchange,
    primaryExchange: i.primaryExchange,
    currency: i.currency,
    description: i.longName.slice(0, 120),
  }));
if (!watchlist.some((listing) => listing.conId === AAPL))
  throw new Error('the watchlist must hold AAPL, which the orders trade');

const countBy = (items: string[]) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item]: (acc[item] ?? 0) + 1 }), {});
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** The simulator CLI in a child process; resolves with its API and control ports once it says them. */
async function startSimulatorProcess() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/simulator/cli.ts',
      '--port',
      '0',
      '--control-port',
      '0',
      '--seed',
      '42',
      '--tick-rate',
      String(TICK_RATE),
      '--quote-cadence',
      'every-step',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ports = await new Promise<{ api: number; control: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the simulator did not start within 20 s: ${out}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const api = /API on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const control = /Simulator control: http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (api && control) {
        clearTimeout(timer);
        resolve({ api: Number(api), control: Number(control) });
      }
    });
  });
  const control = `http://127.0.0.1:${ports.control}`;
  return {
    port: ports.api,
    async lines(): Promise<number> {
      const status = (await (await fetch(`${control}/status`)).json()) as {
        connections: { marketDataLines: number }[];
      };
      return status.connections.reduce((sum, c) => sum + c.marketDataLines, 0);
    },
    async drop(): Promise<void> {
      await fetch(`${control}/faults/drop`, { method: 'POST' });
    },
    stop(): Promise<void> {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const sim = await startSimulatorProcess();
const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-soak-'));
writeFileSync(
  join(userDataDir, 'settings.json'),
  JSON.stringify({
    mode: 'paper',
    gateway: { paper: { host: '127.0.0.1', port: sim.port, clientId: 1 } },
    orders: { maxOrdersPerMinute: 100, maxOrdersPerDay: 100_000 },
  }),
);
const app = await createApp({
  shell: 'harness',
  version: '0.0.0-soak',
  logger: { log: () => undefined },
  userDataDir,
  demo: {
    start: () => Promise.reject(new Error('the soak runs in paper mode against its own simulator process')),
    stop: async () => undefined,
  },
  credentials: new MemoryCredentialStore(),
});
const call = async <T>(method: string, input?: unknown): Promise<T> => {
  const result = await app.router.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
};
await until(() => app.session.current().state === 'connected' && app.session.current().accounts.length === 3, 20_000);

// A renderer stand-in: takes every quote batch and acks it, so the coalescer keeps sending.
let quoteBatches = 0;
app.events.subscribe((event, payload) => {
  if (event !== 'market.quotes') return;
  quoteBatches++;
  app.router.signal('market.ack', { seq: (payload as { seq: number }).seq });
});
for (const listing of watchlist) await call('market.addToWatchlist', { listing });
const deadline = Date.now() + 10_000;
let heldLines = await sim.lines();
while (heldLines < WATCHED && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  heldLines = await sim.lines();
}
if (heldLines < WATCHED) throw new Error(`only ${heldLines} of ${WATCHED} quote lines at the simulator`);

let reconnects = 0;
let ordersSent = 0;
let orderFailures = 0;
let buy = true;

async function placeOrder(): Promise<void> {
  if (app.session.current().state !== 'connected') return;
  const side = buy ? 'BUY' : 'SELL';
  buy = !buy;
  try {
    // Marketable at the touch, alternating sides, so positions stay flat and the order book does not grow.
    const quote = app.market.quote(AAPL);
    const limitPrice = side === 'BUY' ? quote?.ask : quote?.bid;
    if (limitPrice === undefined || limitPrice === null) throw new Error('no AAPL quote to price the order at');
    const preview = await call<OrderPreview>('orders.preview', {
      account: ACCOUNT_IDS.individual,
      contract: { symbol: 'AAPL', secType: 'STK' },
      action: side,
      quantity: 1,
      orderType: 'LMT',
      limitPrice,
      tif: 'DAY',
    });
    const result = await call<SubmitResult>('orders.submit', {
      previewId: preview.previewId,
      acknowledgements: preview.toAcknowledge,
    });
    if (result.outcome === 'sent') ordersSent++;
    else {
      orderFailures++;
      console.warn(`order refused: ${result.reason}`);
    }
  } catch (error) {
    orderFailures++;
    console.warn(`order failed: ${(error as Error).message}`);
  }
}

const started = Date.now();
const cpuAtStart = process.cpuUsage();
const samples: Sample[] = [];
async function sample(): Promise<Sample> {
  const quoteLinesAtSimulator = await sim.lines();
  gc?.();
  const memory = process.memoryUsage();
  const s: Sample = {
    atS: Math.round((Date.now() - started) / 1000),
    heapUsedMB: mb(memory.heapUsed),
    rssMB: mb(memory.rss),
    quoteLinesAtSimulator,
    eventBusListeners: app.events.size,
    processListeners: process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
    activeResources: countBy(process.getActiveResourcesInfo()),
    reconnects,
    ordersSent,
    orderFailures,
    quoteBatches,
    sessionState: app.session.current().state,
  };
  samples.push(s);
  const handles = Object.entries(s.activeResources)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `${String(s.atS).padStart(5)} s  heap ${s.heapUsedMB} MB  rss ${s.rssMB} MB  lines ${s.quoteLinesAtSimulator}  bus ${s.eventBusListeners}` +
      `  process ${s.processListeners}  handles {${handles}}  reconnects ${reconnects}  orders ${ordersSent}/${ordersSent + orderFailures}  batches ${quoteBatches}  ${s.sessionState}`,
  );
  return s;
}

console.log(
  `soak: ${values.minutes} min, ${TICK_RATE} ticks/s, ${WATCHED} watched, reconnect every ${reconnectMs / 1000} s, order every ${orderMs / 1000} s`,
);
const timers = [
  setInterval(() => void placeOrder(), orderMs),
  setInterval(() => {
    reconnects++;
    void sim.drop();
  }, reconnectMs),
  setInterval(() => void sample(), sampleMs),
];
await sample();
await new Promise((resolve) => setTimeout(resolve, durationMs));
for (const timer of timers) clearInterval(timer);
// The last reconnect may still be settling: wait for the session and its lines before the final sample.
await until(() => app.session.current().state === 'connected', 20_000).catch(() => undefined);
for (let i = 0; i < 100 && (await sim.lines()) < WATCHED; i++) await new Promise((r) => setTimeout(r, 100));
const last = await sample();
const cpu = process.cpuUsage(cpuAtStart);
const cpuSeconds = (Date.now() - started) / 1000;
await app.dispose();
await sim.stop();

const first = samples[0] as Sample;
// The first minute warms caches and JIT: on a long run growth is measured from the first sample after it.
const baseline = (durationMs >= 5 * 60_000 ? samples.find((s) => s.atS >= 60) : undefined) ?? first;
const heapGrowth = ((last.heapUsedMB - baseline.heapUsedMB) / baseline.heapUsedMB) * 100;
const steady = (pick: (s: Sample) => number) => samples.every((s) => pick(s) <= pick(first));
// Sockets, servers and pipes must match exactly; timers come and go with in-flight requests, so a little slack.
const SLACK: Record<string, number> = { Timeout: 2, Immediate: 2 };
const resourcesGrew = Object.entries(last.activeResources).filter(
  ([k, v]) => v > (first.activeResources[k] ?? 0) + (SLACK[k] ?? 0),
);
const summary = {
  heapGrowthPercent: Math.round(heapGrowth * 10) / 10,
  heapBaselineMB: baseline.heapUsedMB,
  heapLastMB: last.heapUsedMB,
  heapMaxMB: Math.max(...samples.map((s) => s.heapUsedMB)),
  // DESIGN §7: services ≤ 200 MB RSS; the simulator is its own process and not counted.
  rssLastMB: last.rssMB,
  rssMaxMB: Math.max(...samples.map((s) => s.rssMB)),
  rssPass: Math.max(...samples.map((s) => s.rssMB)) <= 200,
  servicesCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / cpuSeconds) * 1000) / 10,
  goal: 'heap growth < 10 % over 30 minutes; RSS ≤ 200 MB; lines, listeners and handles no higher after reconnects than before',
  heapPass: heapGrowth < 10,
  linesSteady: samples.every((s) => s.quoteLinesAtSimulator <= WATCHED || s.sessionState !== 'connected'),
  linesAfterLastReconnect: last.quoteLinesAtSimulator,
  eventBusListenersSteady: steady((s) => s.eventBusListeners),
  processListenersSteady: steady((s) => s.processListeners),
  activeResourcesGrew: Object.fromEntries(resourcesGrew),
  reconnects,
  ordersSent,
  orderFailures,
  minutes: Number(values.minutes),
  fullLength: Number(values.minutes) >= 30,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/soak.json',
  `${JSON.stringify({ at: new Date().toISOString(), summary, samples }, null, 2)}\n`,
);
console.log(JSON.stringify(summary, null, 2));
console.log('written to bench/results/soak.json');
const pass =
  summary.heapPass &&
  summary.rssPass &&
  summary.linesSteady &&
  summary.eventBusListenersSteady &&
  summary.processListenersSteady &&
  resourcesGrew.length === 0 &&
  orderFailures === 0;
process.exit(pass ? 0 : 1);
