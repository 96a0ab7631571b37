import { EventName, IBApi, type Contract } from '@stoqey/ib';
import { createInterface } from 'node:readline';
import { createIbConnection } from '../../src/core/gateway/ib-connection';
import { QuoteFeed } from '../../src/core/market/quote-feed';
import { TickCoalescer } from '../../src/core/market/tick-coalescer';
import { DEFAULT_FLUSH_MS } from '../../src/core/market/market-service';
import type { Listing, Quote, QuoteBatch } from '../../src/shared/market';
import { percentile, type Bench, type BenchOptions, type Figure } from './bench';
import { spawnNode, type Child } from './child-process';
import { machineLoad } from './proc-stat';
import { EVENTS_PER_FRAME } from './tws-frames';

/**
 * Saturation ingest (DESIGN.md §7, issue 22): offered tick rates stepped up from a purpose-built TWS server
 * (tws-blaster.ts, its own process) until a client falls behind, for two clients in turn, interleaved:
 * - raw: a bare @stoqey/ib IBApi counting decoded tickPrice/tickSize events — the floor for this library;
 * - services: socket → core → coalesced store, through the services' own code: the gateway connection
 *   (IBApiNext), the quote feed, the tick coalescer at its 16 ms window, and a store that takes each batch as
 *   the page does (serialized as the transport sends it, merged into a new map, acknowledged at once).
 * A client keeps up at a rate when it decodes ≥ 90 % of the tick events the rate offers over the window
 * (timed in this process; the blaster's own counters, read over its stdin, drift by the machine's scheduling)
 * and the blaster never had to skip frames because the client's socket was full (its backlog growing).
 * The figure is the highest rate the services sustain ÷ the highest the raw client sustains in the same run.
 */

// IBKR-scale steps; 400k is past where both clients kept up at 200k in the first runs, so the ratio is not capped at 1.
const RATES = [20_000, 50_000, 100_000, 200_000, 400_000];
const INSTRUMENTS = 200;
const KEEPS_UP = 0.9;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timing {
  warmUpMs: number;
  windowS: number;
}
const FULL: Timing = { warmUpMs: 1000, windowS: 4 };
const QUICK: Timing = { warmUpMs: 500, windowS: 1.5 };

interface BlasterCounters {
  offered: number;
  written: number;
  skipped: number;
}

interface Blaster {
  port: number;
  rate(framesPerSecond: number): void;
  counters(): Promise<BlasterCounters>;
  stop(): Promise<void>;
}

async function startBlaster(): Promise<Blaster> {
  const { child, match } = await spawnNode(['--import', 'tsx', 'test/bench/tws-blaster.ts'], /^blaster (\d+)$/m);
  const waiting: ((counters: BlasterCounters) => void)[] = [];
  const { stdout, stdin } = child.process;
  if (!stdout || !stdin) throw new Error('the blaster has no stdio');
  createInterface({ input: stdout }).on('line', (line) => {
    if (line.startsWith('{')) waiting.shift()?.(JSON.parse(line) as BlasterCounters);
  });
  return {
    port: Number(match[1]),
    rate: (framesPerSecond) => void stdin.write(`rate ${framesPerSecond}\n`),
    counters: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        stdin.write('stats\n');
      }),
    stop: () => stopChild(child),
  };
}

const stopChild = async (child: Child) => {
  child.process.stdin?.end();
  await child.stop();
};

const listings: Listing[] = Array.from({ length: INSTRUMENTS }, (_, i) => ({
  conId: 1000 + i,
  symbol: `B${i}`,
  secType: 'STK',
  exchange: 'SMART',
  primaryExchange: 'NYSE',
  currency: 'USD',
  description: `Blaster ${i}`,
}));

/** A client under test: connected, subscribed to every instrument, counting what it took in. */
interface Client {
  events(): number;
  /** Services only: quotes the store applied, batches, windows missed, store lag samples. */
  store?: { quotes: number; batches: number; dropped: number; lagMs: number[] };
  close(): void;
}

async function rawClient(port: number): Promise<Client> {
  const api = new IBApi({ host: '127.0.0.1', port });
  let events = 0;
  const count = () => void events++;
  api.on(EventName.tickPrice, count);
  api.on(EventName.tickSize, count);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('raw client: no nextValidId within 5 s')), 5000);
    api.once(EventName.nextValidId, () => {
      clearTimeout(timer);
      resolve();
    });
    api.connect(11);
  });
  listings.forEach((listing, i) =>
    api.reqMktData(i + 1, { conId: listing.conId, exchange: listing.exchange } as Contract, '', false, false),
  );
  return { events: () => events, close: () => api.disconnect() };
}

const ignore = () => undefined;

async function servicesClient(port: number): Promise<Client> {
  const connection = createIbConnection('127.0.0.1', port, {
    onSocket: ignore,
    onNotice: ignore,
    onError: ignore,
    onStaleRequest: ignore,
  });
  const store = { quotes: 0, batches: 0, dropped: 0, lagMs: [] as number[] };
  let applied = new Map<number, Quote>();
  const coalescer: TickCoalescer = new TickCoalescer({
    flushEveryMs: DEFAULT_FLUSH_MS,
    onBatch: (batch: QuoteBatch) => {
      // What reaches the page: the batch as the transport serializes it, merged into a new map as the
      // renderer's store does; acknowledged at once, so the coalescer is never held back by this stand-in.
      const received = JSON.parse(JSON.stringify(batch)) as QuoteBatch;
      const now = Date.now();
      applied = new Map(applied);
      for (const quote of received.quotes) {
        applied.set(quote.conId, quote);
        if (store.lagMs.length < 100_000) store.lagMs.push(now - quote.updatedAt);
      }
      store.quotes += received.quotes.length;
      store.batches++;
      store.dropped += received.dropped ?? 0;
      setImmediate(() => coalescer.ready());
    },
  });
  const feed = new QuoteFeed(
    {
      tick: (conId, tickType, value) => coalescer.push(conId, tickType, value),
      marketDataType: ignore,
      problem: ignore,
    },
    { log: ignore },
  );
  for (const listing of listings) coalescer.track(listing.conId, listing.symbol);
  feed.attach(connection);
  connection.connect(12);
  await connection.managedAccounts();
  for (const listing of listings) feed.start(listing);
  return {
    events: () => coalescer.stats().ticksReceived,
    store,
    close() {
      feed.dispose();
      coalescer.dispose();
      connection.dispose();
    },
  };
}

interface Step {
  rate: number;
  offeredEvents: number;
  receivedEvents: number;
  skipped: number;
  keptUp: boolean;
  store?: { quotesPerSecond: number; batchesPerSecond: number; dropped: number; lagP95: number };
}

async function step(blaster: Blaster, client: Client, rate: number, timing: Timing): Promise<Step> {
  // Let the subscriptions reach the blaster before it streams.
  await delay(300);
  blaster.rate(rate);
  await delay(timing.warmUpMs);
  const before = await blaster.counters();
  const eventsBefore = client.events();
  const storeBefore = client.store ? { ...client.store, lagMs: [] } : undefined;
  if (client.store) client.store.lagMs.length = 0;
  const started = performance.now();
  await delay(timing.windowS * 1000);
  const after = await blaster.counters();
  const elapsed = (performance.now() - started) / 1000;
  const receivedEvents = (client.events() - eventsBefore) / elapsed;
  blaster.rate(0);
  const offeredEvents = rate * EVENTS_PER_FRAME;
  const skipped = after.skipped - before.skipped;
  const result: Step = {
    rate,
    offeredEvents,
    receivedEvents,
    skipped,
    keptUp: skipped === 0 && receivedEvents >= KEEPS_UP * offeredEvents,
  };
  if (client.store && storeBefore) {
    const lag = [...client.store.lagMs].sort((a, b) => a - b);
    result.store = {
      quotesPerSecond: (client.store.quotes - storeBefore.quotes) / elapsed,
      batchesPerSecond: (client.store.batches - storeBefore.batches) / elapsed,
      dropped: client.store.dropped - storeBefore.dropped,
      lagP95: percentile(lag, 95),
    };
  }
  return result;
}

const highestKeptUp = (steps: Step[]) => steps.reduce((best, s) => (s.keptUp && s.rate > best ? s.rate : best), 0);
const k = (n: number) => `${Math.round(n / 1000)}k`;
const describe = (s: Step) =>
  `${k(s.rate)}: ${k(s.receivedEvents)}/${k(s.offeredEvents)} events/s${s.skipped > 0 ? `, ${k(s.skipped)} frames skipped` : ''}${s.store ? `, store ${k(s.store.quotesPerSecond)} quotes/s in ${Math.round(s.store.batchesPerSecond)} batches/s, ${s.store.dropped} windows missed, lag p95 ${s.store.lagP95} ms` : ''}${s.keptUp ? '' : ' (behind)'}`;

export async function saturationBench(options: BenchOptions): Promise<Bench> {
  return {
    name: 'saturation',
    async run(): Promise<Figure[]> {
      const timing = options.quick ? QUICK : FULL;
      const blaster = await startBlaster();
      const raw: Step[] = [];
      const services: Step[] = [];
      const load = { before: machineLoad().loadavg1, after: 0 };
      try {
        for (const [index, rate] of RATES.entries()) {
          // Alternate which client goes first at each rate, so neither always runs on the warmer machine.
          const order = index % 2 === 0 ? (['raw', 'services'] as const) : (['services', 'raw'] as const);
          for (const kind of order) {
            const client = kind === 'raw' ? await rawClient(blaster.port) : await servicesClient(blaster.port);
            try {
              (kind === 'raw' ? raw : services).push(await step(blaster, client, rate, timing));
            } finally {
              client.close();
              // The socket's backlog drains (or is dropped with it) before the next client connects.
              await delay(300);
            }
          }
        }
      } finally {
        await blaster.stop();
      }
      load.after = machineLoad().loadavg1;
      const rawBest = highestKeptUp(raw);
      const servicesBest = highestKeptUp(services);
      const ratio = servicesBest / rawBest;
      const top = (steps: Step[]) => steps.at(-1)?.receivedEvents ?? Number.NaN;
      const loadNote = `loadavg ${load.before} → ${load.after}`;
      return [
        {
          name: 'saturation: raw @stoqey/ib highest sustained rate',
          value: rawBest,
          unit: 'ticks/s',
          goal: 'baseline',
          pass: null,
          detail: `offered ${RATES.map(k).join(', ')} frames/s over ${INSTRUMENTS} instruments: ${raw.map(describe).join('; ')}; ${loadNote}`,
        },
        {
          name: 'saturation: services (socket → core → coalesced store) highest sustained rate',
          value: servicesBest,
          unit: 'ticks/s',
          goal: 'reported',
          pass: null,
          detail: `${services.map(describe).join('; ')}; ${loadNote}`,
        },
        {
          name: 'saturation ingest: services ÷ raw @stoqey/ib, highest sustained rates',
          value: ratio,
          unit: '×',
          goal: '≥ 0.5',
          pass: ratio >= 0.5,
          detail: `${k(servicesBest)} ÷ ${k(rawBest)} ticks/s; at the top rate the services decoded ${Math.round((top(services) / top(raw)) * 100)} % of the raw client's events; ${loadNote}`,
        },
      ];
    },
  };
}
