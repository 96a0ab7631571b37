import type { ComboDesk } from './combo-desk';
import type { OrderEngine } from './order-engine';
import { MISSING_PARENT, ocaRevision } from './order-groups';
import { orderRejected, type PendingOrder } from './order-rules';
import { evaluateComboOrder, evaluateOrder, pendingSingles, type Evaluation, type Market } from './order-evaluation';
import { whatIfResult } from './what-if';
import type { PlaceResult, SimOrder, SimOrderRequest, SimRejection, WhatIfResult, WorldEvent } from './types';

const DUPLICATE_ORDER_ID: SimRejection = { code: 103, message: 'Duplicate order id' };
const orderNotFound = (orderId: number): SimRejection => ({
  code: 135,
  message: `Can't find order with ID = ${orderId}`,
});

/**
 * The order window of the world: takes placeOrder, what-if, modify and cancel requests, judges them against
 * the books (order-evaluation.ts) and hands the accepted ones to the single-order engine or the combo desk.
 * Rejections are returned and also emitted as orderRejected, so a listener alone sees every order's fate.
 */
export class OrderDesk {
  constructor(
    private readonly market: Market,
    private readonly engine: OrderEngine,
    private readonly combos: ComboDesk,
    private readonly emit: (event: WorldEvent) => void,
  ) {}

  /** placeOrder. An open order's id amends it; a finished order's id is a duplicate. */
  place(request: SimOrderRequest): PlaceResult {
    if (request.whatIf) throw new Error('What-if orders go to World.whatIf, which changes nothing');
    if (request.comboLegs || this.combos.state(request.orderId)) return this.placeCombo(request);
    const state = this.engine.state(request.orderId);
    if (state === 'open') return this.modify(request);
    if (state === 'finished') return this.reject(request.orderId, DUPLICATE_ORDER_ID);
    if (request.parentId && !this.parentOf(request)) return this.reject(request.orderId, MISSING_PARENT);
    const evaluation = this.evaluate(request, 0);
    if (!evaluation.ok) return this.reject(request.orderId, evaluation.rejection);
    if (evaluation.shortfall) return this.reject(request.orderId, evaluation.shortfall);
    return { ok: true, order: this.engine.submit(request, evaluation.instrument) };
  }

  /**
   * The margin and commission impact of an order, with no state change and no events. Orders the account may
   * not place at all are rejected; a cash or margin shortfall comes back as warningText, with the figures.
   */
  whatIf(request: SimOrderRequest): { ok: true; result: WhatIfResult } | { ok: false; rejection: SimRejection } {
    const evaluation = request.comboLegs
      ? evaluateComboOrder(this.market, request, this.pendingOrders(request))
      : this.evaluate(request, 0);
    if (!evaluation.ok) return evaluation;
    const { before, after, commission, instrument, shortfall } = evaluation;
    return {
      ok: true,
      result: whatIfResult(
        before,
        after,
        { amount: commission, currency: instrument.currency },
        shortfall?.message ?? '',
      ),
    };
  }

  /** Amends an open order's price, quantity or time in force; contract, account, side and type are fixed. */
  modify(request: SimOrderRequest): PlaceResult {
    const current = this.engine.order(request.orderId);
    if (!current) return this.reject(request.orderId, orderNotFound(request.orderId));
    if (this.engine.state(request.orderId) === 'finished') return this.reject(request.orderId, DUPLICATE_ORDER_ID);
    // A child re-sent with parentId once its parent has filled names an order IBKR no longer has open: 135
    // for the parent (ib_insync issue 647). Re-sent with parentId 0 it is amended, and stays in its bracket.
    if (request.parentId && this.engine.state(request.parentId) !== 'open') {
      return this.reject(request.orderId, orderNotFound(request.parentId));
    }
    const fixed = current.request;
    if (
      this.market.resolve(request.contract)?.conId !== current.instrument.conId ||
      request.account !== fixed.account ||
      request.action !== fixed.action ||
      request.orderType !== fixed.orderType
    ) {
      return this.reject(
        request.orderId,
        orderRejected('Only the price, quantity and time in force of a working order can be changed.'),
      );
    }
    const revision = ocaRevision(fixed, request);
    if (revision) return this.reject(request.orderId, revision);
    if (request.totalQuantity <= current.filled) {
      return this.reject(
        request.orderId,
        orderRejected(`The quantity must stay above the ${current.filled} already filled.`),
      );
    }
    const evaluation = this.evaluate(request, current.filled);
    if (!evaluation.ok) return this.reject(request.orderId, evaluation.rejection);
    if (evaluation.shortfall) return this.reject(request.orderId, evaluation.shortfall);
    return { ok: true, order: this.engine.amend(request) };
  }

  cancel(orderId: number): { ok: true } | { ok: false; rejection: SimRejection } {
    if (this.engine.cancel(orderId) || this.combos.cancel(orderId)) return { ok: true };
    return {
      ok: false,
      rejection: { code: 10147, message: `OrderId ${orderId} that needs to be cancelled is not found.` },
    };
  }

  cancelAll(): void {
    this.engine.cancelAll();
    this.combos.cancelAll();
  }

  list(which: 'open' | 'finished'): SimOrder[] {
    return [...this.engine.list(which), ...this.combos.list(which)];
  }

  /** The lowest order id no order has used: what nextValidId should announce. */
  nextOrderId(): number {
    return Math.max(this.engine.highestOrderId(), this.combos.highestOrderId()) + 1;
  }

  /** Works the open orders on an instrument whose quote has just moved. */
  onQuote(conId: number): void {
    this.engine.onQuote(conId);
    this.combos.onQuote(conId);
  }

  /** A combo order, or an amendment of an open one: judged as a whole, then worked by the combo desk. */
  private placeCombo(request: SimOrderRequest): PlaceResult {
    const state = this.combos.state(request.orderId) ?? this.engine.state(request.orderId);
    if (state === 'finished') return this.reject(request.orderId, DUPLICATE_ORDER_ID);
    if (state === 'open' && !this.combos.state(request.orderId)) {
      return this.reject(request.orderId, orderRejected('An order cannot be changed into a combination order.'));
    }
    if (request.parentId || !request.transmit) {
      return this.reject(
        request.orderId,
        orderRejected('The simulator does not attach combination orders to brackets.'),
      );
    }
    const placed = this.combos.order(request.orderId);
    const judged = placed ? { ...request, comboLegs: placed.request.comboLegs } : request;
    const evaluation = evaluateComboOrder(this.market, judged, this.pendingOrders(judged));
    if (!evaluation.ok) return this.reject(request.orderId, evaluation.rejection);
    if (evaluation.shortfall) return this.reject(request.orderId, evaluation.shortfall);
    if (placed) return { ok: true, order: this.combos.amend(request) };
    return { ok: true, order: this.combos.submit(request, evaluation.instrument) };
  }

  private evaluate(request: SimOrderRequest, alreadyFilled: number): Evaluation {
    return evaluateOrder(this.market, request, alreadyFilled, {
      parent: this.parentOf(request),
      pending: this.pendingOrders(request),
    });
  }

  /** The open or filled order a child names as its parent, if it is the same client's. */
  private parentOf(request: SimOrderRequest): SimOrder | undefined {
    const parent = request.parentId ? this.engine.order(request.parentId) : undefined;
    if (!parent || parent.request.clientId !== request.clientId) return undefined;
    return this.engine.state(parent.request.orderId) === 'open' || parent.status === 'Filled' ? parent : undefined;
  }

  private pendingOrders(order: SimOrderRequest): PendingOrder[] {
    return [
      ...pendingSingles(this.market, order, this.engine.list('open')),
      ...this.combos.pendingLegs(order.account, order.orderId),
    ];
  }

  private reject(orderId: number, rejection: SimRejection): PlaceResult {
    this.emit({ type: 'orderRejected', orderId, rejection });
    return { ok: false, rejection };
  }
}
