import { EventName, type Contract as IbContract, type Execution, type IBApiNext } from '@stoqey/ib';
import type { TrackedOrder } from '../../shared/orders';
import type { TradingMode } from '../../shared/session';
import type { AuditEntry } from './order-audit';
import { applyOrderEvent, type OrderEvent } from './order-lifecycle';
import { rawApi } from './gateway-reader';

export interface TrackerDeps {
  audit(entry: AuditEntry): Promise<unknown>;
  publish(order: TrackedOrder): void;
  mode(): TradingMode;
  now(): number;
  logError(message: string, error: unknown): void;
}

/**
 * Follows the orders this process sent: the gateway's order status, error and execution messages for
 * their ids become TrackedOrder updates (openOrder is not needed: IBKR follows each with an orderStatus
 * carrying the fill counts), each written to the audit log and published.
 * Messages for other ids (other clients' orders, what-ifs) are ignored.
 */
export class OrderTracker {
  private readonly orders = new Map<number, TrackedOrder>();
  private readonly execIds = new Set<string>();

  constructor(private readonly deps: TrackerDeps) {}

  track(order: TrackedOrder): void {
    this.orders.set(order.orderId, order);
    this.deps.publish(order);
  }

  get(orderId: number): TrackedOrder | undefined {
    return this.orders.get(orderId);
  }

  list(): TrackedOrder[] {
    return [...this.orders.values()].sort((a, b) => b.submittedAt - a.submittedAt);
  }

  /** Listens to one connection's order messages; returns the function that stops listening. */
  attach(api: IBApiNext): () => void {
    const raw = rawApi(api);
    const onStatus = (orderId: number, status: string, filled: number, remaining: number, avgFillPrice: number) =>
      this.apply(orderId, { type: 'status', status, filled, remaining, avgFillPrice });
    const onError = (error: Error, code: number, reqId: number) =>
      this.apply(reqId, { type: 'answer', code, text: error?.message ?? '' });
    const onExecution = (_reqId: number, _c: IbContract, execution: Execution) => {
      const { orderId, execId } = execution;
      if (orderId === undefined || execId === undefined || this.execIds.has(execId)) return;
      if (!this.orders.has(orderId)) return;
      this.execIds.add(execId);
      this.apply(orderId, { type: 'execution', execId, shares: execution.shares ?? 0, price: execution.price ?? 0 });
    };
    raw.on(EventName.orderStatus, onStatus);
    raw.on(EventName.error, onError);
    raw.on(EventName.execDetails, onExecution);
    return () => {
      raw.off(EventName.orderStatus, onStatus);
      raw.off(EventName.error, onError);
      raw.off(EventName.execDetails, onExecution);
    };
  }

  /** Feeds one event for one order id; exposed for reconciliation, which learns of states by asking. */
  apply(orderId: number, event: OrderEvent): void {
    const current = this.orders.get(orderId);
    if (current === undefined) return;
    const { order, audit } = applyOrderEvent(current, event, this.deps.now());
    if (order === current) return;
    this.orders.set(orderId, order);
    this.deps.publish(order);
    if (audit === null) return;
    this.deps
      .audit({
        ...audit,
        mode: this.deps.mode(),
        account: order.account,
        orderId,
        previewId: order.previewId,
        ticket: order.ticket,
      })
      .catch((error: unknown) => this.deps.logError(`audit record for order ${orderId} failed`, error));
  }
}
