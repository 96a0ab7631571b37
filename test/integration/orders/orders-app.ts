import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import type { Logger } from '../../../src/core/log';
import type { EventName } from '../../../src/shared/api';
import type { OrderPreview, SubmitResult, TrackedOrder } from '../../../src/shared/orders';
import type { OrderTicketInput } from '../../../src/shared/ticket';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';

/** The whole app (router, orders service, session) in demo mode on its own simulator, as the harness runs it. */
export interface OrdersApp {
  app: GatehouseApp;
  sim: Simulator;
  userDataDir: string;
  call<T>(method: string, input?: unknown): Promise<T>;
  preview(ticket: OrderTicketInput): Promise<OrderPreview>;
  submit(previewId: string, acknowledgements?: string[]): Promise<SubmitResult>;
  /** Resolves with the first order update that satisfies `done`, or rejects after `ms`. */
  nextUpdate(done: (order: TrackedOrder) => boolean, ms?: number): Promise<TrackedOrder>;
  close(): Promise<void>;
}

const silent: Logger = { log: () => {} };

export async function startOrdersApp(
  simOptions: SimulatorOptions = {},
  orderSettings: Record<string, unknown> = {},
  logger: Logger = silent,
): Promise<OrdersApp> {
  const sim = await startSimulator({ port: 0, seed: 42, tickRate: 20, accountRefreshMs: 200, ...simOptions });
  const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-orders-'));
  // Generous rate limits: the suite sends more orders a minute than a person would.
  writeFileSync(
    join(userDataDir, 'settings.json'),
    JSON.stringify({ orders: { maxOrdersPerMinute: 100, maxOrdersPerDay: 1000, ...orderSettings } }),
  );
  const app = await createApp({
    shell: 'harness',
    version: '0.0.0-test',
    logger,
    userDataDir,
    demo: { start: async () => ({ port: sim.port }), stop: async () => {} },
    credentials: new MemoryCredentialStore(),
  });
  await until(() => {
    const s = app.session.current();
    return s.state === 'connected' && s.accounts.length === 3;
  }, 10_000);

  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await app.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message} ${(result.error.issues ?? []).join('; ')}`);
    return result.value as T;
  };

  return {
    app,
    sim,
    userDataDir,
    call,
    preview: (ticket) => call<OrderPreview>('orders.preview', ticket),
    submit: (previewId, acknowledgements = []) => call<SubmitResult>('orders.submit', { previewId, acknowledgements }),
    nextUpdate(done, ms = 8_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no matching order update within ${ms} ms`));
        }, ms);
        const stop = app.events.subscribe((event: EventName, payload: unknown) => {
          if (event !== 'orders.update' || !done(payload as TrackedOrder)) return;
          clearTimeout(timer);
          stop();
          resolve(payload as TrackedOrder);
        });
      });
    },
    async close() {
      await app.dispose();
      await sim.close();
    },
  };
}

/** Waits until `condition` holds, running `poll` (an async read that may change it) before each look. */
export async function until(condition: () => boolean, ms: number, poll?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await poll?.();
    if (condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, poll ? 200 : 20));
  }
}

/** A limit price at the touch (ask for a buy, bid for a sell): marketable, inside every price check. */
export function touch(sim: Simulator, conId: number, side: 'BUY' | 'SELL'): number {
  const quote = sim.world.quote(conId);
  return side === 'BUY' ? quote.ask : quote.bid;
}

export const checkOf = (preview: { checks: { id: string; outcome: string; message: string }[] }, id: string) =>
  preview.checks.find((c) => c.id === id);
