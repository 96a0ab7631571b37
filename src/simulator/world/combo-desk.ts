import { type Fill } from './account-book';
import { commissionFor } from './commission';
import { comboExecutablePrice, legAction, legTouch, type PricedLeg } from './combo-pricing';
import { type ExecutionRecord } from './executions';
import { type PendingOrder } from './order-rules';
import {
  type ComboLegFill,
  type Execution,
  type Instrument,
  type OrderStatusName,
  type Quote,
  type SimOrder,
  type SimOrderRequest,
  type WorldEvent,
} from './types';

/**
 * The conId IBKR reports for a SMART combo (BAG) contract in openOrder and execDetails, whatever its legs: seen in
 * openOrder messages recorded from TWS (ib-ruby's specs) and in the Client Portal's spread template "28812380;;;…".
 */
export const COMBO_CONID = 28812380;

export interface ComboDeskDeps {
  instrument(conId: number): Instrument | undefined;
  quote(conId: number): Readonly<Quote>;
  /** Books one leg's execution on the order's account; returns it, logged, with its commission. */
  executeLeg(order: Readonly<SimOrder>, fill: Fill): ExecutionRecord;
  nextExecId(): string;
  nextPermId(): number;
  emit(event: WorldEvent): void;
  now(): number;
}

const snapshot = (order: SimOrder): SimOrder => ({ ...order });

/**
 * Combo (BAG) orders: accepted after the world has judged them (combo-rules.ts), then worked on every quote of any
 * leg. A combo fills whole, every leg at once at its touch, when the net market reaches its limit; never one leg
 * alone. Events go out synchronously, after the books show them, as the single-contract engine's do.
 */
export class ComboDesk {
  private readonly orders = new Map<number, SimOrder>();

  constructor(private readonly deps: ComboDeskDeps) {}

  state(orderId: number): 'open' | 'finished' | undefined {
    const order = this.orders.get(orderId);
    if (!order) return undefined;
    return order.status === 'Submitted' ? 'open' : 'finished';
  }

  order(orderId: number): SimOrder | undefined {
    const order = this.orders.get(orderId);
    return order && snapshot(order);
  }

  list(which: 'open' | 'finished'): SimOrder[] {
    return [...this.orders.values()].filter((order) => this.state(order.request.orderId) === which).map(snapshot);
  }

  /**
   * The legs of an account's open combos, as the checks count open orders: each leg at its own touch. Until the
   * combo fills, a closing leg frees nothing and an opening leg already pledges, so the count errs on the safe side.
   */
  pendingLegs(account: string, exceptOrderId: number): PendingOrder[] {
    const pending: PendingOrder[] = [];
    for (const order of this.list('open')) {
      if (order.request.account !== account || order.request.orderId === exceptOrderId) continue;
      for (const priced of this.pricedLegs(order) ?? []) {
        pending.push({
          instrument: priced.instrument,
          action: legAction(priced.leg, order.request.action),
          remaining: priced.leg.ratio * order.remaining,
          price: legTouch(priced, order.request.action),
        });
      }
    }
    return pending;
  }

  highestOrderId(): number {
    return Math.max(0, ...this.orders.keys());
  }

  /** A judged combo: shown as Submitted, then filled at once if the market already reaches its limit. */
  submit(request: SimOrderRequest, underlying: Instrument): SimOrder {
    const order: SimOrder = {
      request: { ...request, contract: { ...request.contract } },
      instrument: underlying,
      permId: this.deps.nextPermId(),
      status: 'Submitted',
      filled: 0,
      remaining: request.totalQuantity,
      avgFillPrice: 0,
      lastFillPrice: 0,
    };
    this.orders.set(request.orderId, order);
    this.emitStatus(order);
    this.work(order);
    return snapshot(order);
  }

  /** A new net limit or size for an open combo; its legs, side and account stay as placed. */
  amend(request: SimOrderRequest): SimOrder {
    const order = this.openOrder(request.orderId);
    order.request = {
      ...order.request,
      lmtPrice: request.lmtPrice,
      totalQuantity: request.totalQuantity,
      tif: request.tif,
    };
    order.remaining = request.totalQuantity;
    this.emitStatus(order);
    this.work(order);
    return snapshot(order);
  }

  cancel(orderId: number): boolean {
    if (this.state(orderId) !== 'open') return false;
    this.setStatus(this.openOrder(orderId), 'Cancelled');
    return true;
  }

  cancelAll(): void {
    for (const order of this.orders.values()) {
      if (order.status === 'Submitted') this.setStatus(order, 'Cancelled');
    }
  }

  /** A leg's quote moved: every open combo with that leg is worked again. */
  onQuote(conId: number): void {
    for (const order of [...this.orders.values()]) {
      if (order.status !== 'Submitted') continue;
      if (order.request.comboLegs?.some((leg) => leg.conId === conId)) this.work(order);
    }
  }

  private openOrder(orderId: number): SimOrder {
    const order = this.orders.get(orderId);
    if (!order || order.status !== 'Submitted') throw new Error(`Combo order ${orderId} is not open`);
    return order;
  }

  private pricedLegs(order: SimOrder): PricedLeg[] | undefined {
    const legs: PricedLeg[] = [];
    for (const leg of order.request.comboLegs ?? []) {
      const instrument = this.deps.instrument(leg.conId);
      if (!instrument) return undefined;
      legs.push({ leg, instrument, quote: this.deps.quote(leg.conId) });
    }
    return legs;
  }

  private work(order: SimOrder): void {
    const legs = this.pricedLegs(order);
    if (!legs) return;
    const net = comboExecutablePrice(order.request, legs);
    if (net === null) return;
    this.fill(order, legs, net);
  }

  /** Every leg at its touch, for the whole remaining size; then the combo's own execution at the net price. */
  private fill(order: SimOrder, legs: readonly PricedLeg[], net: number): void {
    const quantity = order.remaining;
    order.filled += quantity;
    order.remaining = 0;
    order.avgFillPrice = net;
    order.lastFillPrice = net;
    order.status = 'Filled';
    const fills: ComboLegFill[] = legs.map((priced) => {
      const action = legAction(priced.leg, order.request.action);
      const price = legTouch(priced, order.request.action);
      const shares = priced.leg.ratio * quantity;
      const record = this.deps.executeLeg(order, {
        instrument: priced.instrument,
        action,
        quantity: shares,
        price,
        commission: commissionFor(priced.instrument, shares, price),
      });
      return { instrument: priced.instrument, ...record };
    });
    const combo: Execution = {
      execId: this.deps.nextExecId(),
      orderId: order.request.orderId,
      clientId: order.request.clientId,
      permId: order.permId,
      account: order.request.account,
      conId: COMBO_CONID,
      side: order.request.action === 'BUY' ? 'BOT' : 'SLD',
      shares: quantity,
      price: net,
      cumQty: order.filled,
      avgPrice: net,
      time: this.deps.now(),
      exchange: 'SMART',
      orderRef: order.request.orderRef ?? '',
    };
    this.deps.emit({ type: 'comboExecution', order: snapshot(order), legs: fills, combo });
    this.emitStatus(order);
  }

  private setStatus(order: SimOrder, status: OrderStatusName): void {
    order.status = status;
    this.emitStatus(order);
  }

  private emitStatus(order: SimOrder): void {
    this.deps.emit({ type: 'orderStatus', order: snapshot(order) });
  }
}
