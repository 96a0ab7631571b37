import { randomUUID } from 'node:crypto';
import type { OpenOrder, Order } from '@stoqey/ib';
import type { OrderBookSnapshot } from '../../shared/order-book';
import { AppError } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import { diffRows, isEmptyDiff } from '../row-diff';
import type { GatewaySession } from '../gateway/gateway-session';
import type { IbConnection } from '../gateway/ib-connection';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import type { Logger } from '../log';
import { cancelRefused, cancelRequested, EVERY_ORDER, oneOrder } from './cancel-words';
import type { AuditEntry, OrderAudit } from './order-audit';
import { CANCELLED, everyAnswer, firstAnswer, READ_ONLY, refusal } from './gateway-refusals';
import { executionRows, openOrderRows } from './order-book-rows';
import { linkedOrder, ocaLinkPlan } from './oca-link';
import type { SentOrders } from './working-orders';

export interface OrderBookServiceOptions {
  session: Pick<GatewaySession, 'onConnection' | 'subscribe' | 'current'>;
  events: Pick<EventBus, 'publish'>;
  /** The app's one audit writer, shared with the order service. */
  audit: Pick<OrderAudit, 'write'>;
  /** What this process sent, shared with the order service: a link re-sends orders under their ids. */
  sent: Pick<SentOrders, 'amend'>;
  logger: Logger;
  /** How often working orders and executions are re-read while connected. */
  refreshMs?: number;
  /** How long to wait for the gateway to refuse a cancel before taking silence as accepted. */
  cancelAnswerMs?: number;
}

/** Who asked for every order to be cancelled; the record says so. */
export type CancelAllAsker = 'open-orders grid' | 'kill switch';

/**
 * A cancel-all either was not sent (no connection) or was sent; then `refusal` settles once the gateway
 * refused it (a sentence for the person) or stayed silent for the answer window (null).
 */
export type CancelAllOutcome = { sent: false } | { sent: true; refusal: Promise<string | null> };

const isUp = (state: SessionState) => state.state === 'connected' || state.state === 'degraded';

/**
 * Working orders of every client (reqAllOpenOrders: other clients' order updates are not streamed to
 * this one, so the book is re-read on a short interval) and today's executions with commissions, published
 * as grid transactions when they change; cancel one order or all of them, each recorded in the audit log
 * before it is sent.
 */
export class OrderBookService {
  private connection: IbConnection | null = null;
  private up = false;
  private book: OrderBookSnapshot = { status: 'waiting', openOrders: [], executions: [] };
  /** The gateway's open orders as last read on this connection; null before the first read. */
  private held: { orders: readonly OpenOrder[]; readAt: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly options: OrderBookServiceOptions) {
    this.stops.push(
      options.session.onConnection((connection) => {
        this.connection = connection;
        this.held = null;
        this.publish({ status: 'waiting', openOrders: [], executions: [] });
      }),
      options.session.subscribe((state) => this.onSession(state)),
    );
    this.onSession(options.session.current());
  }

  handlers(): RoomHandlers<'orders.cancel' | 'orders.cancelAll' | 'orders.open' | 'orders.linkOca'> {
    return {
      'orders.open': () => this.book,
      'orders.linkOca': ({ orderIds }) => this.linkOca(orderIds),
      'orders.cancel': ({ orderId }) => this.cancel(orderId),
      'orders.cancelAll': () => this.cancelAllFromGrid(),
    };
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.stopRefreshing();
  }

  /**
   * Every client's open orders as the book last read them (at most refreshMs old), for the order rules'
   * pending buys and sells; null while the book has not been read on the current connection.
   */
  heldOpenOrders(): { orders: readonly OpenOrder[]; readAt: number } | null {
    return this.held;
  }

  /** Reads the book now (also after each cancel), sharing a read already under way. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private onSession(state: SessionState): void {
    const up = isUp(state) && this.connection !== null;
    if (up === this.up) return;
    this.up = up;
    if (!up) {
      this.held = null;
      this.stopRefreshing();
      this.publish({ ...this.book, status: 'waiting' });
      return;
    }
    this.publish({ ...this.book, status: 'loading' });
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs ?? 2_000);
  }

  private stopRefreshing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async read(): Promise<void> {
    const connection = this.connection;
    if (!connection || !this.up) return;
    try {
      const [orders, details, reports] = await Promise.all([
        connection.api.getAllOpenOrders(),
        connection.api.getExecutionDetails({}),
        connection.api.getCommissionReport({}),
      ]);
      if (connection !== this.connection || !this.up) return;
      this.held = { orders, readAt: Date.now() };
      this.publish({ status: 'ready', openOrders: openOrderRows(orders), executions: executionRows(details, reports) });
    } catch (error) {
      this.options.logger.log('warn', 'order book: reading open orders or executions failed', error);
    }
  }

  private publish(next: OrderBookSnapshot): void {
    const previous = this.book;
    this.book = next;
    const openOrders = diffRows(previous.openOrders, next.openOrders, (row) => row.id);
    const executions = diffRows(previous.executions, next.executions, (row) => row.execId);
    if (previous.status === next.status && isEmptyDiff(openOrders) && isEmptyDiff(executions)) return;
    this.options.events.publish('orders.bookUpdate', { status: next.status, openOrders, executions });
  }

  private requireConnection(): IbConnection {
    if (!this.connection || !this.up) throw notConnected();
    return this.connection;
  }

  /**
   * IBKR lets a client cancel only its own orders by id: an order id from another client could name one of
   * ours, so another client's order is refused here and left to "Cancel all orders".
   */
  private async cancel(orderId: number): Promise<{ message: string }> {
    const connection = this.requireConnection();
    const ownClientId = this.options.session.current().clientId;
    const order = this.book.openOrders.find((row) => row.orderId === orderId && row.clientId === ownClientId);
    if (!order) {
      const other = this.book.openOrders.find((row) => row.orderId === orderId);
      throw new AppError(
        'refused',
        other
          ? `Order ${orderId} was placed by API client ${other.clientId ?? 'unknown'}; only that program can cancel it on its own. Use "Cancel all orders" to cancel it from here.`
          : `There is no working order ${orderId} from Gatehouse to cancel.`,
      );
    }
    const what = oneOrder(orderId, order.symbol);
    const about = { account: order.account, orderId };
    await this.audit({ kind: 'cancel-request', ...about, message: cancelRequested(what) });
    const answer = firstAnswer(connection.api.error, this.answerMs(), (error) => error.reqId === orderId);
    connection.api.cancelOrder(orderId);
    const refused = await answer;
    void this.refresh();
    if (refused && refused.code !== CANCELLED) {
      await this.audit({
        kind: 'gateway-message',
        ...about,
        ibCode: refused.code,
        message: cancelRefused(what, refused.text),
      });
      throw new AppError('refused', refusal(refused.code, refused.text, `Order ${orderId} could not be cancelled`));
    }
    return { message: refused ? `Order ${orderId} cancelled.` : `Cancel requested for order ${orderId}.` };
  }

  /**
   * Links working orders of one account into one one-cancels-all group (ocaType 1): each is re-sent under
   * its id with the group and nothing else changed. One audit record for the intent, before anything leaves.
   * The app's own records (the book and what this process sent) take the group as the orders leave, so a
   * modify right after re-sends them in it; an order the gateway refuses to link gets its old record back.
   */
  private async linkOca(orderIds: readonly number[]): Promise<{ message: string }> {
    const connection = this.requireConnection();
    await this.refresh();
    const plan = ocaLinkPlan(this.held?.orders ?? [], orderIds, this.options.session.current().clientId);
    if (typeof plan === 'string') throw new AppError('refused', plan);
    const group = `gatehouse-oca-${randomUUID().slice(0, 8)}`;
    const ids = plan.map((o) => o.orderId);
    await this.audit({
      kind: 'modify-intent',
      account: plan[0]?.order.account ?? null,
      groupId: group,
      message: `Link orders ${ids.join(', ')} as one-cancels-all (group ${group}, ocaType 1); quantities and prices unchanged.`,
    });
    const answers = everyAnswer(
      connection.api.error,
      this.answerMs(),
      (error) => ids.includes(error.reqId) && error.code < 2000,
    );
    const undo = new Map<number, () => void>();
    for (const open of plan) {
      const linked = linkedOrder(open.order, group);
      undo.set(open.orderId, this.recordLink(open, linked));
      connection.api.placeOrder(open.orderId, open.contract, linked);
    }
    const refusals = await answers;
    for (const refused of refusals) undo.get(refused.reqId)?.();
    void this.refresh();
    const [first] = refusals;
    if (first) {
      for (const refused of refusals) {
        await this.audit({
          kind: 'gateway-message',
          orderId: refused.reqId,
          groupId: group,
          ibCode: refused.code,
          message: refused.text,
        });
      }
      throw new AppError('refused', refusal(first.code, first.text, `Orders ${ids.join(', ')} could not be linked`));
    }
    return { message: `Orders ${ids.join(', ')} linked: when one fills, IBKR cancels the others.` };
  }

  /** The order as re-sent, in the held book and in what this process sent; returns how to take it back. */
  private recordLink(open: OpenOrder, linked: Order): () => void {
    const unsend = this.options.sent.amend(open.orderId, { ocaGroup: linked.ocaGroup, ocaType: linked.ocaType });
    const held = this.held;
    const patched: OpenOrder = { ...open, order: linked };
    if (held) this.held = { ...held, orders: held.orders.map((o) => (o === open ? patched : o)) };
    return () => {
      unsend();
      // Only while no read has replaced the book since: a fresh read is the gateway's word.
      const now = this.held;
      if (now?.orders.includes(patched)) {
        this.held = { ...now, orders: now.orders.map((o) => (o === patched ? open : o)) };
      }
    };
  }

  private async cancelAllFromGrid(): Promise<{ message: string }> {
    const outcome = await this.cancelAll('open-orders grid');
    if (!outcome.sent) throw notConnected();
    const refused = await outcome.refusal;
    if (refused !== null) throw new AppError('refused', refused);
    return { message: 'Cancel sent for every working order in every account.' };
  }

  /**
   * Every working order of every client in every account (reqGlobalCancel), whoever asks: recorded first,
   * then sent; resolves once sent, and the gateway's refusal, if any, is recorded and settles `refusal`.
   * Without a connection nothing is sent or recorded.
   */
  async cancelAll(asker: CancelAllAsker): Promise<CancelAllOutcome> {
    if (!this.connection || !this.up) return { sent: false };
    const connection = this.connection;
    const working = this.book.openOrders.map((row) => row.id);
    await this.audit({
      kind: 'cancel-request',
      message: cancelRequested(EVERY_ORDER, asker, working),
    });
    const answer = firstAnswer(
      connection.api.error,
      this.answerMs(),
      (error) => error.reqId === -1 && error.code === READ_ONLY,
    );
    connection.api.cancelAllOrders();
    return { sent: true, refusal: this.cancelAllRefusal(answer) };
  }

  private async cancelAllRefusal(answer: Promise<{ code: number; text: string } | null>): Promise<string | null> {
    const refused = await answer;
    void this.refresh();
    if (!refused) return null;
    await this.audit({
      kind: 'gateway-message',
      ibCode: refused.code,
      message: cancelRefused(EVERY_ORDER, refused.text),
    });
    return refusal(refused.code, refused.text, 'The orders could not be cancelled');
  }

  private answerMs(): number {
    return this.options.cancelAnswerMs ?? 1_000;
  }

  /** Written and flushed before the request leaves, as every order action is (DESIGN.md §4). */
  private audit(entry: AuditEntry): Promise<unknown> {
    return this.options.audit.write({ mode: this.options.session.current().mode, ...entry });
  }
}

const notConnected = () =>
  new AppError('unavailable', 'Not connected to IB Gateway; nothing can be cancelled until it is back.');
