import type { IBApiNext } from '@stoqey/ib';
import type { TradingMode } from '../../shared/session';
import { GatewayReader, type ReadTimeouts } from './gateway-reader';
import type { OrderAudit } from './order-audit';
import type { OrderTracker } from './order-tracker';
import { reconcileIntents, unresolvedIntents } from './reconcile';

export interface ReconcileOptions {
  tracker: OrderTracker;
  audit: OrderAudit;
  mode(): TradingMode;
  now(): number;
  timeouts: ReadTimeouts;
  logError(message: string, error: unknown): void;
}

/**
 * After each (re)connect: what became of the orders we know of, and of the intents a crash left
 * unanswered (today's and yesterday's audit log), each answer written to the audit log.
 */
export async function reconcileOnConnect(api: IBApiNext, options: ReconcileOptions): Promise<void> {
  const { tracker, audit } = options;
  try {
    const reader = new GatewayReader(api, options.timeouts);
    const [open, executions] = await Promise.all([reader.openOrders(), api.getExecutionDetails({})]);
    for (const o of open) {
      const status = o.orderStatus?.status ?? o.orderState.status;
      const known = tracker.get(o.orderId);
      if (known && status) {
        tracker.apply(o.orderId, {
          type: 'status',
          status,
          filled: o.order.filledQuantity ?? known.filled,
          remaining: o.orderStatus?.remaining ?? known.remaining,
          avgFillPrice: o.orderStatus?.avgFillPrice ?? 0,
        });
      }
    }
    const days = [0, 1].map((back) => new Date(options.now() - back * 86_400_000).toISOString().slice(0, 10));
    const records = (await Promise.all(days.map((day) => audit.day(day)))).flatMap((d) => d.records);
    const entries = reconcileIntents(
      unresolvedIntents(records, (orderId) => tracker.get(orderId) !== undefined),
      open,
      executions,
    );
    for (const entry of entries) await audit.write({ ...entry, mode: options.mode() });
  } catch (error) {
    options.logError('reconciling open orders failed', error);
  }
}
