import { EventName, IBApi, type Contract } from '@stoqey/ib';
import { startSimulator } from '../../src/simulator';
import { twsStartup } from '../integration/simulator/tws-startup';
import { median, percentile, type Bench, type Figure } from './bench';

/**
 * The simulator's sustained tick rate to one @stoqey/ib client on loopback: the market is driven at a
 * requested rate, a bare IBApi subscribes to every instrument and counts the tick events it decodes.
 * "Delivered" is world ticks stepped per second while the client still decodes them as fast as they come.
 */

const SECONDS = 5;
const RATES = [50_000, 100_000];

async function measure(rate: number): Promise<{ stepped: number; events: number; eventsPerTick: number }> {
  const sim = await startSimulator({
    port: 0,
    tickRate: rate,
    seed: 7,
    accountRefreshMs: 60_000,
    quoteCadence: 'every-step',
  });
  let stepped = 0;
  const step = sim.world.step.bind(sim.world);
  sim.world.step = (count: number) => {
    stepped += count;
    return step(count);
  };
  const api = new IBApi({ host: '127.0.0.1', port: sim.port });
  let events = 0;
  const count = () => void events++;
  api.on(EventName.tickPrice, count);
  api.on(EventName.tickSize, count);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no nextValidId within 5 s')), 5000);
    api.once(EventName.nextValidId, () => {
      clearTimeout(timer);
      resolve();
    });
    api.connect(1);
  });
  const instruments = sim.world.instruments();
  instruments.forEach((instrument, index) =>
    api.reqMktData(index + 1, { conId: instrument.conId, exchange: instrument.exchange } as Contract, '', false, false),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const steppedBefore = stepped;
  const eventsBefore = events;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const elapsed = (performance.now() - started) / 1000;
  // Events still in flight are counted by letting the client drain briefly after the window closes.
  sim.setTickRate(0);
  const steppedInWindow = stepped - steppedBefore;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const eventsInWindow = events - eventsBefore;
  api.disconnect();
  await sim.close();
  return {
    stepped: steppedInWindow / elapsed,
    events: eventsInWindow / elapsed,
    eventsPerTick: eventsInWindow / Math.max(1, steppedInWindow),
  };
}

export async function simulatorBench(): Promise<Bench> {
  return {
    name: 'simulator',
    async run(): Promise<Figure[]> {
      const figures: Figure[] = [];
      for (const rate of RATES) {
        const result = await measure(rate);
        const keptUp = result.stepped >= rate * 0.95;
        figures.push({
          name: `simulator ticks/s to one @stoqey/ib client (asked ${rate.toLocaleString('en-US')})`,
          value: result.stepped,
          unit: 'ticks/s',
          goal: rate === 50_000 ? '≥ 95 % of 50,000 asked' : 'baseline',
          pass: rate === 50_000 ? keptUp : null,
          detail: `${Math.round(result.events).toLocaleString('en-US')} decoded tick events/s, ${result.eventsPerTick.toFixed(2)} per tick`,
        });
      }
      return figures;
    },
  };
}

const STARTUP_RUNS = 20;
const STARTUP_GOAL_MS = 1000;

/**
 * A TWS client's full start-up against the simulator with its three accounts (DESIGN.md §7): connect, then
 * positions, open and completed orders, executions, reqAccountUpdates for each account in turn and
 * reqAccountUpdatesMulti for every account, until every end marker has arrived. Each run is a fresh connection
 * to one simulator with the market moving at its default rate; the first run is also reported on its own (cold).
 * @stoqey/ib paces its requests at 40 a second (IBKR allows 50), so its dozen start-up requests alone take about
 * 300 ms of the figure.
 */
export async function simulatorStartupBench(): Promise<Bench> {
  return {
    name: 'simulator start-up',
    async run(): Promise<Figure[]> {
      const sim = await startSimulator({ port: 0, seed: 7 });
      const times: number[] = [];
      try {
        for (let run = 0; run < STARTUP_RUNS; run += 1) {
          const result = await twsStartup(sim.port, run + 1, { timeoutMs: 10_000 });
          result.api.disconnect();
          times.push(result.elapsedMs);
        }
      } finally {
        await sim.close();
      }
      const sorted = [...times].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      return [
        {
          name: "TWS client's full start-up, three accounts (p95)",
          value: p95,
          unit: 'ms',
          goal: `< ${STARTUP_GOAL_MS} ms`,
          pass: p95 < STARTUP_GOAL_MS,
          detail: `${STARTUP_RUNS} runs: median ${median(times).toFixed(1)} ms, first (cold) ${times[0]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; the client paces its requests at 40/s`,
        },
      ];
    },
  };
}
