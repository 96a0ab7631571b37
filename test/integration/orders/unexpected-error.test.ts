import { afterAll, describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '../../../src/core/log';
import type * as RuleContextBuilder from '../../../src/core/orders/rule-context-builder';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { touch } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/** A bug in building the rules' context, switched on by the test: the rest of the path stays real. */
const fault = vi.hoisted(() => ({ armed: false }));
vi.mock('../../../src/core/orders/rule-context-builder', async (importOriginal) => {
  const real = await importOriginal<typeof RuleContextBuilder>();
  return {
    ...real,
    buildRuleContext: (...args: Parameters<typeof real.buildRuleContext>) => {
      if (fault.armed) throw new TypeError("Cannot read properties of undefined (reading 'settledCash')");
      return real.buildRuleContext(...args);
    },
  };
});

const AAPL = 265598;
const logged: { level: LogLevel; message: string; error: unknown }[] = [];
const o = ordersAppForSuite({}, {}, { log: (level, message, error) => void logged.push({ level, message, error }) });

// Registered after the fixture, so it runs before the app closes.
afterAll(() => {
  fault.armed = false;
});

describe('an unexpected exception while an order is checked', () => {
  it('is logged with its stack and reaches the person as an internal error at preview and at submit', async () => {
    const ticket = {
      account: ACCOUNT_IDS.individual,
      contract: { symbol: 'AAPL', secType: 'STK' as const },
      action: 'BUY' as const,
      quantity: 1,
      orderType: 'LMT' as const,
      limitPrice: touch(o.sim, AAPL, 'BUY'),
      tif: 'DAY' as const,
    };
    const preview = await o.preview(ticket);
    fault.armed = true;
    const previewed = await o.app.router.call('orders.preview', ticket);
    const submitted = await o.app.router.call('orders.submit', {
      previewId: preview.previewId,
      acknowledgements: preview.toAcknowledge,
    });
    fault.armed = false;
    for (const result of [previewed, submitted]) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Gatehouse could not check this order (internal error, logged).' },
      });
    }
    // The logger sees the error after redaction, with its stack: it names the bug and where it was thrown.
    const errors = logged.filter(
      (l) => l.level === 'error' && String((l.error as Error)?.stack).includes('settledCash'),
    );
    expect(errors).toHaveLength(2);
    expect((errors[0]?.error as Error).stack).toContain('TypeError');
    expect(o.sim.world.openOrders().filter((x) => x.request.orderRef === preview.previewId)).toHaveLength(0);
  });
});
