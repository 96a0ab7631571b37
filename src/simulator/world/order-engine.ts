import { afterFill, amendedRequest, commissionIncrement, executionPrice, placedOrder } from './order-figures';
import { bracketOf, inBracket, reactionTo } from './order-groups';
import { FILL_CLIP, isStop, stopTriggered } from './order-matching';
import { amendedStop, followStop, isTrail, trailTriggered } from './trailing';
import {
  type CommissionReport,
  type Execution,
  type Instrument,
  type OrderStatusName,
  type Quote,
  type SimOrder,
  type SimOrderRequest,
  type SimRejection,
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
  /** Epoch milliseconds, for pacing trailing-stop reports. */
  now(): number;
}

interface Working {
  order: SimOrder;
  /** Placed with transmit=false and not yet sent on by its bracket (see order-groups.ts); shown as Inactive. */
  held: boolean;
  /** A bracket child whose parent has not filled yet; shown as PreSubmitted. */
  awaitingParent: boolean;
  /** False while a stop or trailing stop waits for its trigger; IBKR shows such orders as PreSubmitted. */
  armed: boolean;
  /** Commission charged so far, so each partial fill pays only its increment of the per-order figure. */
  charged: number;
  /** When the client last heard of this trailing order's stop. */
  trailReportedAt: number;
}

/**
 * openOrder carries a trailing order's stop as it stands now (a fresh connection to TWS shows the moved stop:
 * ib_async issue 102). Whether TWS also pushes each move unasked is not documented; the simulator does, so a
 * client can follow the stop, but at most this often, so a fast walk cannot flood the socket.
 */
export const TRAIL_REPORT_MS = 500;

const FINISHED: ReadonlySet<OrderStatusName> = new Set(['Filled', 'Cancelled', 'ApiCancelled', 'Inactive']);
/** Error 202 as IBKR sends it for an order cancelled on the client's behalf (a parent's child, an OCA sibling). */
const CANCELLED_NOTICE: SimRejection = { code: 202, message: 'Order Canceled - reason:' };

const snapshot = (order: SimOrder): SimOrder => ({ ...order });
const isOpen = (work: Working): boolean => work.held || !FINISHED.has(work.order.status);

/**
 * Order lifecycle and matching, with validation left to the caller. Orders are worked when placed or
 * amended and on every quote update of their instrument; events go out synchronously, in the order they
 * happen, after the books reflect them. Brackets and OCA groups follow order-groups.ts.
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
    return isOpen(found) ? 'open' : 'finished';
  }

  order(orderId: number): SimOrder | undefined {
    const found = this.orders.get(orderId);
    return found && snapshot(found.order);
  }

  list(which: 'open' | 'finished'): SimOrder[] {
    return [...this.orders.values()]
      .filter((work) => isOpen(work) === (which === 'open'))
      .map(({ order }) => snapshot(order));
  }

  highestOrderId(): number {
    return this.highestId;
  }

  /** The next permId, shared with the combo desk so no two orders of the session ever carry the same one. */
  nextPermId(): number {
    return ++this.lastPermId;
  }

  submit(request: SimOrderRequest, instrument: Instrument): SimOrder {
    const trailing = isTrail(request.orderType);
    const work: Working = {
      order: placedOrder(request, instrument, this.nextPermId(), this.deps.quote(instrument.conId)),
      held: !request.transmit,
      awaitingParent: false,
      armed: !isStop(request.orderType) && !trailing,
      charged: 0,
      trailReportedAt: this.deps.now(),
    };
    this.orders.set(request.orderId, work);
    this.highestId = Math.max(this.highestId, request.orderId);
    this.working.set(instrument.conId, [...(this.working.get(instrument.conId) ?? []), work]);
    if (work.held) this.emitStatus(work);
    else this.transmitBracket(work);
    return snapshot(work.order);
  }

  /**
   * New price, size, trail or time in force for an open order; the caller has checked it may change. The
   * order keeps its bracket and OCA group (amendedRequest). A held order amended with transmit=true is sent
   * with its bracket.
   */
  amend(request: SimOrderRequest): SimOrder {
    const work = this.openWork(request.orderId);
    const before = work.order.request;
    work.order.request = amendedRequest(before, request);
    work.order.remaining = request.totalQuantity - work.order.filled;
    if (isTrail(request.orderType) && !work.armed) {
      const { instrument, trailStopPrice } = work.order;
      const quote = this.deps.quote(instrument.conId);
      work.order.trailStopPrice = amendedStop(before, request, trailStopPrice ?? NaN, quote, instrument.minTick);
    }
    if (work.held && request.transmit) {
      this.transmitBracket(work);
      return snapshot(work.order);
    }
    this.emitStatus(work);
    this.work(work);
    return snapshot(work.order);
  }

  /** Cancels an open order and, as IBKR does, its open children (each with error 202). */
  cancel(orderId: number): boolean {
    if (this.state(orderId) !== 'open') return false;
    const work = this.openWork(orderId);
    this.close(work);
    for (const child of this.openChildren(orderId)) this.close(child, CANCELLED_NOTICE);
    return true;
  }

  cancelAll(): void {
    for (const work of this.openWorks()) this.close(work);
  }

  onQuote(conId: number): void {
    const open = this.working.get(conId);
    if (!open) return;
    // A copy: a fill that finishes an order (or cancels a sibling) takes it off the live list mid-loop.
    for (const work of [...open]) this.work(work);
  }

  private openWork(orderId: number): Working {
    const work = this.orders.get(orderId);
    if (!work || !isOpen(work)) throw new Error(`Order ${orderId} is not open`);
    return work;
  }

  /**
   * Every open order, held ones included, from the live lists rather than the whole history, so linking
   * stays cheap however many orders a long session has finished.
   */
  private openWorks(): Working[] {
    return [...this.working.values()].flat();
  }

  private openChildren(parentId: number): Working[] {
    return this.openWorks().filter((work) => work.order.request.parentId === parentId);
  }

  /** Sends `work` and every held order of its bracket on, parent first. */
  private transmitBracket(work: Working): void {
    const { clientId } = work.order.request;
    const root = bracketOf(work.order.request);
    const bracket = this.openWorks()
      .filter((other) => other === work || (other.held && other.order.request.clientId === clientId))
      .filter((other) => inBracket(root, other.order.request))
      .sort((a, b) => a.order.request.orderId - b.order.request.orderId);
    for (const member of bracket) {
      member.held = false;
      this.setStatus(member, 'PreSubmitted');
      const parent = this.orders.get(member.order.request.parentId ?? 0);
      member.awaitingParent = parent !== undefined && parent.order.status !== 'Filled';
    }
    // Decided before any works: a parent that fills at once starts its children itself.
    const ready = bracket.filter((member) => !member.awaitingParent);
    for (const member of ready) this.activate(member);
  }

  private activate(work: Working): void {
    work.awaitingParent = false;
    if (!isOpen(work)) return;
    if (work.armed) this.setStatus(work, 'Submitted');
    this.work(work);
  }

  private work(work: Working): void {
    if (work.held || work.awaitingParent || !isOpen(work)) return;
    const { instrument } = work.order;
    const quote = this.deps.quote(instrument.conId);
    if (!work.armed) {
      if (!this.triggered(work, quote)) return;
      work.armed = true;
      this.setStatus(work, 'Submitted');
    }
    const price = executionPrice(work.order, quote);
    if (price === null) return;
    this.fill(work, Math.min(work.order.remaining, FILL_CLIP[instrument.secType]), price);
  }

  private triggered(work: Working, quote: Readonly<Quote>): boolean {
    const { request, instrument } = work.order;
    if (!isTrail(request.orderType)) return stopTriggered(request, quote);
    const stop = work.order.trailStopPrice ?? NaN;
    const moved = followStop(request, stop, quote, instrument.minTick);
    if (moved !== stop) {
      work.order.trailStopPrice = moved;
      const now = this.deps.now();
      if (now - work.trailReportedAt >= TRAIL_REPORT_MS) {
        work.trailReportedAt = now;
        this.emitStatus(work);
      }
    }
    return trailTriggered(request, moved, quote);
  }

  private fill(work: Working, quantity: number, price: number): void {
    const order = Object.assign(work.order, afterFill(work.order, quantity, price));
    const commission = commissionIncrement(order, work.charged);
    work.charged += commission;
    if (order.remaining === 0) this.retire(work);
    const executed = this.deps.execute(order, quantity, price, commission);
    this.deps.emit({ type: 'execution', ...executed, order: snapshot(order) });
    this.emitStatus(work);
    this.reactToFill(work, quantity);
  }

  /** A fill's effect on linked orders: OCA siblings are cancelled or reduced; a filled parent starts its children. */
  private reactToFill(work: Working, quantity: number): void {
    for (const other of this.openWorks()) {
      if (!isOpen(other)) continue;
      const reaction = reactionTo(work.order.request, other.order.request);
      if (reaction === 'cancel') this.close(other, CANCELLED_NOTICE);
      if (reaction === 'reduce') this.reduce(other, quantity);
    }
    if (work.order.status !== 'Filled') return;
    for (const child of this.openChildren(work.order.request.orderId)) {
      if (child.awaitingParent) this.activate(child);
    }
  }

  private reduce(work: Working, quantity: number): void {
    const order = work.order;
    const remaining = Math.max(0, order.remaining - quantity);
    if (remaining === 0) {
      this.close(work, CANCELLED_NOTICE);
      return;
    }
    order.request = { ...order.request, totalQuantity: order.filled + remaining };
    order.remaining = remaining;
    this.emitStatus(work);
  }

  private close(work: Working, notice?: SimRejection): void {
    work.held = false;
    this.retire(work);
    this.setStatus(work, 'Cancelled');
    if (notice) this.deps.emit({ type: 'orderNotice', order: snapshot(work.order), notice });
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
