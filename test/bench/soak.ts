/**
 * `npm run soak -- --minutes N`: the app core (createApp, demo mode, in this process) against the simulator
 * at 2,000 ticks/s with a watchlist of 20 stocks, a forced reconnect every 2 minutes and an order every
 * 10 s through the orders service (preview + submit, as the confirmation dialog does). Every 30 s it samples
 * heap, quote lines held at the simulator, listeners and open handles; at the end it reports their growth
 * and writes bench/results/soak.json. DESIGN §7: heap growth < 10 % over 30 minutes, nothing leaked after
 * reconnects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OrderPreview } from '../../src/shared/orders';
import type { Listing } from '../../src/shared/market';
import { ACCOUNT_IDS, type Simulator } from '../../src/simulator';
import { startOrdersApp, touch, until } from '../integration/orders/orders-app';

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

function listingsOf(sim: Simulator): Listing[] {
  return sim.world
    .instruments()
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
}

const countBy = (items: string[]) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item]: (acc[item] ?? 0) + 1 }), {});
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

const o = await startOrdersApp(
  { tickRate: TICK_RATE, accountRefreshMs: 1000 },
  { maxOrdersPerMinute: 100, maxOrdersPerDay: 100_000 },
);
const { app, sim } = o;
const lines = () => sim.connections().reduce((sum, c) => sum + c.marketDataLines, 0);

// A renderer stand-in: takes every quote batch and acks it, so the coalescer keeps sending.
let quoteBatches = 0;
app.events.subscribe((event, payload) => {
  if (event !== 'market.quotes') return;
  quoteBatches++;
  void app.router.call('market.ack', { seq: (payload as { seq: number }).seq });
});
for (const listing of listingsOf(sim)) await o.call('market.addToWatchlist', { listing });
await until(() => lines() >= WATCHED, 10_000);

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
    const preview: OrderPreview = await o.preview({
      account: ACCOUNT_IDS.individual,
      contract: { symbol: 'AAPL', secType: 'STK' },
      action: side,
      quantity: 1,
      orderType: 'LMT',
      limitPrice: touch(sim, AAPL, side),
      tif: 'DAY',
    });
    const result = await o.submit(preview.previewId, preview.toAcknowledge);
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
const samples: Sample[] = [];
function sample(): Sample {
  gc?.();
  const memory = process.memoryUsage();
  const s: Sample = {
    atS: Math.round((Date.now() - started) / 1000),
    heapUsedMB: mb(memory.heapUsed),
    rssMB: mb(memory.rss),
    quoteLinesAtSimulator: lines(),
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
    `${String(s.atS).padStart(5)} s  heap ${s.heapUsedMB} MB  lines ${s.quoteLinesAtSimulator}  bus ${s.eventBusListeners}` +
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
    sim.faults.drop();
  }, reconnectMs),
  setInterval(sample, sampleMs),
];
sample();
await new Promise((resolve) => setTimeout(resolve, durationMs));
for (const timer of timers) clearInterval(timer);
// The last reconnect may still be settling: wait for the session and its lines before the final sample.
await until(() => app.session.current().state === 'connected' && lines() >= WATCHED, 20_000).catch(() => undefined);
const last = sample();
await o.close();

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
  goal: 'heap growth < 10 % over 30 minutes; lines, listeners and handles no higher after reconnects than before',
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
  summary.linesSteady &&
  summary.eventBusListenersSteady &&
  summary.processListenersSteady &&
  resourcesGrew.length === 0 &&
  orderFailures === 0;
process.exit(pass ? 0 : 1);
