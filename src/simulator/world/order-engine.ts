import { commissionFor, roundCents } from './commission';
import { executablePrice, FILL_CLIP, isStop, stopTriggered } from './order-matching';
import {
  type CommissionReport,
  type Execution,
  type Instrument,
  type OrderStatusName,
  type Quote,
  type SimOrder,
  type SimOrderRequest,
  type WorldEvent,
} from './types';

export interface EngineDeps {
  quote(conId: number): Readonly<Quote>;
  /** Books a fill the engine has already recorded on the order; returns what the client is told. */
  execute(
    order: Readonly<SimOrder>,
    quantity: number,
    price: number,
    commission: number,
  ): { execution: Execution; commission: CommissionReport };
  emit(event: WorldEvent): void;
}

interface Working {
  order: SimOrder;
  /** False while a stop waits for its trigger; IBKR shows such orders as PreSubmitted. */
  armed: boolean;
  /** Commission charged so far, so each partial fill pays only its increment of the per-order figure. */
  charged: number;
}

const FINISHED: ReadonlySet<OrderStatusName> = new Set(['Filled', 'Cancelled', 'ApiCancelled', 'Inactive']);

const copyRequest = (request: SimOrderRequest): SimOrderRequest => ({ ...request, contract: { ...request.contract } });
const snapshot = (order: SimOrder): SimOrder => ({ ...order });

/**
 * Order lifecycle and matching, with validation left to the caller. Orders are worked when placed or
 * amended and on every quote update of their instrument; events go out synchronously, in the order they
 * happen, after the books reflect them.
 */
export class OrderEngine {
  private readonly orders = new Map<number, Working>();
  /** Open orders by conId: a quote update looks only at its own instrument's. */
  private readonly working = new Map<number, Working[]>();
  private lastPermId: number;
  private highestId = 0;

  constructor(
    private readonly deps: EngineDeps,
    firstPermId: number,
  ) {
    this.lastPermId = firstPermId - 1;
  }

  state(orderId: number): 'open' | 'finished' | undefined {
    const found = this.orders.get(orderId);
    if (!found) return undefined;
    return FINISHED.has(found.order.status) ? 'finished' : 'open';
  }

  order(orderId: number): SimOrder | undefined {
    const found = this.orders.get(orderId);
    return found && snapshot(found.order);
  }

  list(which: 'open' | 'finished'): SimOrder[] {
    return [...this.orders.values()]
      .filter(({ order }) => FINISHED.has(order.status) === (which === 'finished'))
      .map(({ order }) => snapshot(order));
  }

  highestOrderId(): number {
    return this.highestId;
  }

  submit(request: SimOrderRequest, instrument: Instrument): SimOrder {
    const work: Working = {
      order: {
        request: copyRequest(request),
        instrument,
        permId: ++this.lastPermId,
        status: 'PreSubmitted',
        filled: 0,
        remaining: request.totalQuantity,
        avgFillPrice: 0,
        lastFillPrice: 0,
      },
      armed: !isStop(request.orderType),
      charged: 0,
    };
    this.orders.set(request.orderId, work);
    this.highestId = Math.max(this.highestId, request.orderId);
    this.working.set(instrument.conId, [...(this.working.get(instrument.conId) ?? []), work]);
    this.emitStatus(work);
    if (work.armed) this.setStatus(work, 'Submitted');
    this.work(work);
    return snapshot(work.order);
  }

  /** New price, size or time in force for an open order; the caller has checked it may change. */
  amend(request: SimOrderRequest): SimOrder {
    const work = this.openWork(request.orderId);
    work.order.request = copyRequest(request);
    work.order.remaining = request.totalQuantity - work.order.filled;
    this.emitStatus(work);
    this.work(work);
    return snapshot(work.order);
  }

  cancel(orderId: number): boolean {
    if (this.state(orderId) !== 'open') return false;
    const work = this.openWork(orderId);
    this.retire(work);
    this.setStatus(work, 'Cancelled');
    return true;
  }

  cancelAll(): void {
    for (const order of this.list('open')) this.cancel(order.request.orderId);
  }

  onQuote(conId: number): void {
    const open = this.working.get(conId);
    if (!open) return;
    // A copy: a fill that finishes an order takes it off the live list mid-loop.
    for (const work of [...open]) this.work(work);
  }

  private openWork(orderId: number): Working {
    const work = this.orders.get(orderId);
    if (!work || FINISHED.has(work.order.status)) throw new Error(`Order ${orderId} is not open`);
    return work;
  }

  private work(work: Working): void {
    const { request, instrument } = work.order;
    const quote = this.deps.quote(instrument.conId);
    if (!work.armed) {
      if (!stopTriggered(request, quote)) return;
      work.armed = true;
      this.setStatus(work, 'Submitted');
    }
    const price = executablePrice(request, quote);
    if (price === null) return;
    this.fill(work, Math.min(work.order.remaining, FILL_CLIP[instrument.secType]), price);
  }

  private fill(work: Working, quantity: number, price: number): void {
    const order = work.order;
    const filled = order.filled + quantity;
    // The running mean, written so a fill at the average leaves it exactly unchanged (and a first fill sets it).
    order.avgFillPrice += (price - order.avgFillPrice) * (quantity / filled);
    order.filled = filled;
    order.remaining -= quantity;
    order.lastFillPrice = price;
    order.status = order.remaining === 0 ? 'Filled' : 'Submitted';
    const commission = roundCents(
      Math.max(0, commissionFor(order.instrument, filled, order.avgFillPrice) - work.charged),
    );
    work.charged += commission;
    if (order.remaining === 0) this.retire(work);
    const executed = this.deps.execute(order, quantity, price, commission);
    this.deps.emit({ type: 'execution', ...executed, order: snapshot(order) });
    this.emitStatus(work);
  }

  private retire(work: Working): void {
    const conId = work.order.instrument.conId;
    const rest = (this.working.get(conId) ?? []).filter((other) => other !== work);
    if (rest.length > 0) this.working.set(conId, rest);
    else this.working.delete(conId);
  }

  private setStatus(work: Working, status: OrderStatusName): void {
    work.order.status = status;
    this.emitStatus(work);
  }

  private emitStatus(work: Working): void {
    this.deps.emit({ type: 'orderStatus', order: snapshot(work.order) });
  }
}
