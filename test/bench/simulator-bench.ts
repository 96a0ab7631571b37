import { EventName, IBApi, type Contract } from '@stoqey/ib';
import { startSimulator } from '../../src/simulator';
import type { Bench, Figure } from './bench';

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
