import { afterAll, beforeAll } from 'vitest';
import type { Logger } from '../../../src/core/log';
import type { SimulatorOptions } from '../../../src/simulator';
import { startOrdersApp, type OrdersApp } from './orders-app';

/**
 * One orders app shared by every test of the suite this is called in (the file, or a describe block):
 * started before its first test, closed after its last. Kept apart from orders-app.ts so the bench, which
 * starts its apps outside vitest, does not load vitest.
 *
 * The object returned is filled in by the beforeAll, so use it inside tests and hooks, not while collecting.
 * The suite's own afterAll, registered after this call, runs before the close: vitest runs after-hooks as a stack.
 */
export function ordersAppForSuite(
  simOptions?: SimulatorOptions,
  orderSettings?: Record<string, unknown>,
  logger?: Logger,
): OrdersApp {
  const o = {} as OrdersApp;
  beforeAll(async () => {
    Object.assign(o, await startOrdersApp(simOptions, orderSettings, logger));
  }, 20_000);
  afterAll(async () => {
    await o.close();
  });
  return o;
}
