import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import type { Logger } from '../../../src/core/log';
import type { PriceAlert } from '../../../src/shared/alerts';
import type { Listing } from '../../../src/shared/market';
import type { NotificationEvent } from '../../../src/shared/notifications';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { delay, until } from '../simulator/ib-client';

/** Price alerts through the app's router, on the demo simulator whose market moves only when stepped. */

const silent: Logger = { log: () => undefined };

interface Running {
  app: GatehouseApp;
  fired: PriceAlert[];
  notices: NotificationEvent[];
}

let sim: Simulator | null = null;
let running: Running | null = null;

afterEach(async () => {
  await running?.app.dispose();
  running = null;
  await sim?.close();
  sim = null;
});

async function startApp(simulator: Simulator, userDataDir: string): Promise<Running> {
  const app = await createApp({
    shell: 'harness',
    version: '0.0.0-test',
    logger: silent,
    userDataDir,
    demo: { start: async () => ({ port: simulator.port }), stop: async () => undefined },
    credentials: new MemoryCredentialStore(),
  });
  const run: Running = { app, fired: [], notices: [] };
  app.events.subscribe((event, payload) => {
    if (event === 'alerts.fired') run.fired.push(payload as PriceAlert);
    if (event === 'notifications.event') run.notices.push(payload as NotificationEvent);
  });
  await until(() => (app.session.current().state === 'connected' ? true : undefined), 10_000, 'connected');
  running = run;
  return run;
}

async function call<T>(app: GatehouseApp, method: string, input?: unknown): Promise<T> {
  const result = await app.router.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${(result.error.issues ?? []).join('; ')}`);
  return result.value as T;
}

function aapl(simulator: Simulator): Listing {
  const instrument = simulator.world.findInstruments({ symbol: 'AAPL' })[0];
  if (!instrument) throw new Error('the simulator has no AAPL');
  return {
    conId: instrument.conId,
    symbol: 'AAPL',
    secType: instrument.secType,
    exchange: instrument.exchange,
    primaryExchange: instrument.primaryExchange,
    currency: instrument.currency,
    description: instrument.longName,
  };
}

/** Steps the market until AAPL's last trade is at or over `price`; bounded. */
function stepAbove(simulator: Simulator, conId: number, price: number): number {
  for (let steps = 0; steps < 20_000; steps++) {
    const last = simulator.world.quote(conId).last;
    if (last >= price) return last;
    simulator.step(1);
  }
  throw new Error(`AAPL never reached ${price}`);
}

describe('price alerts', () => {
  it('an alert on AAPL fires once when the price crosses, and alerts survive a restart from the same folder', async () => {
    sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000 });
    const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-alerts-'));
    const listing = aapl(sim);
    let run = await startApp(sim, userDataDir);

    const start = sim.world.quote(listing.conId).last;
    const threshold = Math.round((start + 0.05) * 100) / 100;
    const [alert] = await call<PriceAlert[]>(run.app, 'alerts.add', {
      listing,
      condition: { kind: 'above', price: threshold },
    });
    // The alert's own line reaches the simulator and its first quote arrives: below the threshold, so no fire.
    await until(() => run.app.market.quote(listing.conId)?.last ?? undefined, 5000, 'a first AAPL quote');
    expect(run.fired).toEqual([]);

    const crossedAt = stepAbove(sim, listing.conId, threshold);
    await until(() => (run.fired.length > 0 ? true : undefined), 5000, 'the alert to fire');
    expect(run.fired).toHaveLength(1);
    expect(run.fired[0]).toMatchObject({ id: alert?.id, firedPrice: crossedAt });
    expect(run.notices.filter((n) => n.kind === 'alert')).toHaveLength(1);

    // Fired is final: the market keeps moving over the threshold and nothing fires again.
    for (let i = 0; i < 200; i++) sim.step(1);
    await delay(1500);
    expect(run.fired).toHaveLength(1);

    // A second alert, still waiting when the services stop.
    const later = Math.round((sim.world.quote(listing.conId).last + 0.05) * 100) / 100;
    const before = await call<PriceAlert[]>(run.app, 'alerts.add', {
      listing,
      condition: { kind: 'above', price: later },
    });
    await run.app.dispose();
    running = null;

    run = await startApp(sim, userDataDir);
    expect(await call<PriceAlert[]>(run.app, 'alerts.list')).toEqual(before);
    stepAbove(sim, listing.conId, later);
    await until(() => (run.fired.length > 0 ? true : undefined), 5000, 'the waiting alert to fire after the restart');
    for (let i = 0; i < 200; i++) sim.step(1);
    await delay(1500);
    expect(run.fired.map((a) => a.condition)).toEqual([{ kind: 'above', price: later }]);

    const list = await call<PriceAlert[]>(run.app, 'alerts.remove', { id: alert?.id });
    expect(list.map((a) => a.firedAt !== null)).toEqual([true]);
  }, 60_000);
});
