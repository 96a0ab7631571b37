import type { ContractDetails, IBApiNext } from '@stoqey/ib';
import type { AuditFile } from '../audit/audit-file';
import { describeOrder } from '../../shared/order-words';
import type {
  AuditFilter,
  AuditPage,
  KillSwitchState,
  OrderPreview,
  SubmitResult,
  TicketAccount,
  TrackedOrder,
} from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { Check, OrderTicket } from '../../shared/ticket';
import type { IbConnection } from '../gateway/ib-connection';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import { evaluateRules, hasBlock, warningsToAcknowledge } from '../rules';
import { DEFAULT_TIMEOUTS, GatewayReader, type ReadTimeouts } from './gateway-reader';
import { ibOrder, resolvedContract } from './ib-order';
import { KillSwitch } from './kill-switch';
import { OrderAudit } from './order-audit';
import { OrderCounter } from './order-counter';
import { OrderTracker } from './order-tracker';
import { PreviewStore } from './preview-store';
import { reconcileIntents, unresolvedIntents } from './reconcile';
import { buildRuleContext, quoteForRules, ticketAccount, type GatewayFacts } from './rule-context-builder';

/** What the service needs from the gateway session. */
export interface OrderSession {
  current(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  onConnection(listener: (connection: IbConnection | null) => void): () => void;
  readonly ib: IbConnection | null;
  disarm(): SessionState;
}

export interface OrderServiceOptions {
  session: OrderSession;
  settings: () => Settings;
  events: EventBus;
  userDataDir: string;
  /** The day-file audit log in userDataDir, shared with the open-orders grid. */
  auditFile: Pick<AuditFile, 'append'>;
  logError(message: string, error: unknown): void;
  now?: () => number;
  timeouts?: ReadTimeouts;
  /**
   * TEST ONLY (the crash test): called after the submit intent is on disk and before placeOrder, so a
   * test can kill the process at exactly that point.
   */
  afterIntentForTests?: () => void;
}

type OrderVerb = 'accounts' | 'preview' | 'submit' | 'list' | 'killSwitch' | 'killSwitchState' | 'rearm' | 'audit';

const MAX_REMEMBERED_DETAILS = 500;

const UP_STATES = new Set<SessionState['state']>(['connected', 'degraded']);

/**
 * Order entry: preview and submit re-read everything the rules need from the gateway (never from the
 * renderer), evaluate every rule, and write the attempt to the audit log before anything is placed.
 */
export class OrderService {
  private readonly audit: OrderAudit;
  private readonly previews: PreviewStore;
  private readonly tracker: OrderTracker;
  private readonly counter = new OrderCounter();
  private readonly killSwitch: KillSwitch;
  private readonly now: () => number;
  private readonly stops: (() => void)[] = [];
  private detachTracker: (() => void) | null = null;
  private lastOrderId = 0;
  /** The contract each preview resolved to (bounded like the previews themselves). */
  private readonly details = new Map<string, ContractDetails>();
  /** Open orders are re-read after every (re)connect before anything new is sent. */
  private reconciled: Promise<void> | null = null;
  private wasUp = false;

  private constructor(private readonly options: OrderServiceOptions) {
    this.now = options.now ?? Date.now;
    this.audit = new OrderAudit(options.auditFile, options.userDataDir, () => new Date(this.now()));
    this.previews = new PreviewStore(this.now);
    this.killSwitch = new KillSwitch(options.userDataDir);
    this.tracker = new OrderTracker({
      audit: (entry) => this.audit.write(entry),
      publish: (order) => options.events.publish('orders.update', order),
      mode: () => options.session.current().mode,
      now: this.now,
      logError: options.logError,
    });
  }

  static async create(options: OrderServiceOptions): Promise<OrderService> {
    const service = new OrderService(options);
    await service.start();
    return service;
  }

  private async start(): Promise<void> {
    await this.killSwitch.load();
    const today = new Date(this.now()).toISOString().slice(0, 10);
    const { records } = await this.audit.day(today);
    for (const r of records) {
      if (r.kind === 'submit-intent') this.counter.record(Date.parse(r.at));
      if (r.orderId !== null) this.lastOrderId = Math.max(this.lastOrderId, r.orderId);
    }
    const { session } = this.options;
    this.stops.push(
      session.onConnection((connection) => this.follow(connection)),
      session.subscribe((state) => this.onSession(state)),
    );
    this.follow(session.ib);
    this.onSession(session.current());
  }

  handlers(): RoomHandlers<`orders.${OrderVerb}`> {
    return {
      'orders.accounts': () => this.accounts(),
      'orders.preview': (ticket) => this.preview(ticket),
      'orders.submit': ({ previewId, acknowledgements }) => this.submit(previewId, acknowledgements),
      'orders.list': () => this.tracker.list(),
      'orders.killSwitch': () => this.engageKillSwitch(),
      'orders.killSwitchState': () => this.killSwitch.current(),
      'orders.rearm': ({ confirmation }) => this.rearm(confirmation),
      'orders.audit': ({ filter }) => this.auditPage(filter),
    };
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.detachTracker?.();
  }

  // ── Connection ──────────────────────────────────────────────────────────────────────────────

  private follow(connection: IbConnection | null): void {
    this.detachTracker?.();
    this.detachTracker = connection ? this.tracker.attach(connection.api) : null;
  }

  private onSession(state: SessionState): void {
    const up = UP_STATES.has(state.state);
    if (up && !this.wasUp) {
      const api = this.options.session.ib?.api;
      this.reconciled = api ? this.reconcile(api) : null;
    }
    if (!up) this.reconciled = null;
    this.wasUp = up;
  }

  /** After each (re)connect: what became of the orders we know of, and of intents a crash left unanswered. */
  private async reconcile(api: IBApiNext): Promise<void> {
    try {
      const reader = new GatewayReader(api, this.timeouts());
      const [open, executions] = await Promise.all([reader.openOrders(), api.getExecutionDetails({})]);
      for (const o of open) {
        const status = o.orderStatus?.status ?? o.orderState.status;
        const known = this.tracker.get(o.orderId);
        if (known && status) {
          this.tracker.apply(o.orderId, {
            type: 'status',
            status,
            filled: o.order.filledQuantity ?? known.filled,
            remaining: o.orderStatus?.remaining ?? known.remaining,
            avgFillPrice: o.orderStatus?.avgFillPrice ?? 0,
          });
        }
      }
      const days = [0, 1].map((back) => new Date(this.now() - back * 86_400_000).toISOString().slice(0, 10));
      const records = (await Promise.all(days.map((day) => this.audit.day(day)))).flatMap((d) => d.records);
      const entries = reconcileIntents(
        unresolvedIntents(records, (orderId) => this.tracker.get(orderId) !== undefined),
        open,
        executions,
      );
      for (const entry of entries) await this.audit.write({ ...entry, mode: this.options.session.current().mode });
    } catch (error) {
      this.options.logError('reconciling open orders failed', error);
    }
  }

  private connection(): IbConnection {
    const state = this.options.session.current();
    const connection = this.options.session.ib;
    if (!connection || !UP_STATES.has(state.state)) {
      throw new AppError('unavailable', 'Not connected to IB Gateway: orders cannot be checked or sent until it is.');
    }
    return connection;
  }

  private timeouts(): ReadTimeouts {
    return this.options.timeouts ?? DEFAULT_TIMEOUTS;
  }

  /** The gateway's next valid id, never below one this process (or today's audit log) already used. */
  private async nextOrderId(api: IBApiNext): Promise<number> {
    const fromGateway = await api.getNextValidOrderId();
    if (!(fromGateway > 0)) throw new AppError('unavailable', 'The gateway did not give an order id; try again.');
    this.lastOrderId = Math.max(fromGateway, this.lastOrderId + 1);
    return this.lastOrderId;
  }

  // ── Accounts ────────────────────────────────────────────────────────────────────────────────

  private async accounts(): Promise<TicketAccount[]> {
    const state = this.options.session.current();
    const connection = this.connection();
    const summaries = await new GatewayReader(connection.api, this.timeouts()).summaries();
    const overrides = this.options.settings().accountOverrides;
    return state.accounts.map((id) => ticketAccount(id, summaries.get(id) ?? null, overrides[id]));
  }

  // ── Preview and submit ──────────────────────────────────────────────────────────────────────

  /**
   * Everything the rules need, read now from the gateway, and the checks it gives. Contract details
   * describe the instrument, not the market, so submit reuses the preview's; everything else is re-read.
   */
  private async evaluate(ticket: OrderTicket, knownDetails?: ContractDetails) {
    const connection = this.connection();
    const api = connection.api;
    const reader = new GatewayReader(api, this.timeouts());
    const details = knownDetails ?? (await reader.contract(ticket.contract));
    const contract = resolvedContract(details, ticket.contract.exchange);
    const whatIfId = await this.nextOrderId(api);
    const [quote, positions, summaries, openOrders, whatIf] = await Promise.all([
      reader.quote(contract, details.contract.secType === 'STK'),
      reader.positions(),
      reader.summaries(),
      reader.openOrders(),
      reader.whatIf(whatIfId, contract, ibOrder(ticket, { orderRef: 'gatehouse-what-if', whatIf: true })),
    ]);
    const summary = summaries.get(ticket.account) ?? null;
    const facts: GatewayFacts = { details, quote, positions, summary, openOrders, whatIf: whatIf.figures };
    const session = this.options.session.current();
    const settings = this.options.settings();
    const override = settings.accountOverrides[ticket.account];
    let context;
    try {
      context = buildRuleContext({
        ticket,
        facts,
        session,
        override,
        limits: settings.orders,
        orderCounts: this.counter.counts(this.now()),
        now: this.now(),
      });
    } catch (error) {
      throw new AppError('refused', error instanceof Error ? error.message : String(error));
    }
    const killCheck = this.killSwitch.check();
    const checks: Check[] = [...(killCheck ? [killCheck] : []), ...evaluateRules(ticket, context)];
    return {
      api,
      details,
      contract,
      checks,
      account: ticketAccount(ticket.account, summary, override),
      session,
      whatIf,
      quote: quoteForRules(quote),
    };
  }

  private async preview(ticket: OrderTicket): Promise<OrderPreview> {
    const { checks, account, session, whatIf, quote, details } = await this.evaluate(ticket);
    const preview = this.previews.add({
      ticket,
      account,
      mode: session.mode,
      words: describeOrder(ticket, account.label),
      checks,
      blocked: hasBlock(checks),
      toAcknowledge: warningsToAcknowledge(checks),
      whatIf: whatIf.figures,
      whatIfProblem: whatIf.problem,
      quote,
    });
    this.details.set(preview.previewId, details);
    for (const id of this.details.keys()) {
      if (this.details.size <= MAX_REMEMBERED_DETAILS) break;
      this.details.delete(id);
    }
    await this.audit.write({
      kind: 'preview',
      mode: session.mode,
      account: ticket.account,
      previewId: preview.previewId,
      ticket,
      checks,
      message: preview.words,
    });
    return preview;
  }

  private async submit(previewId: string, acknowledgements: readonly string[]): Promise<SubmitResult> {
    const lookup = this.previews.get(previewId);
    if (!lookup.found) return { outcome: 'refused', reason: lookup.reason, checks: [] };
    const result = await this.previews.once(previewId, () => this.send(lookup.preview, acknowledgements));
    if (result.outcome === 'sent' && result.repeated) {
      return { ...result, order: this.tracker.get(result.order.orderId) ?? result.order };
    }
    return result;
  }

  private async send(preview: OrderPreview, acknowledgements: readonly string[]): Promise<SubmitResult> {
    const { ticket, previewId } = preview;
    if (this.reconciled === null) this.connection();
    await this.reconciled;
    const connection = this.connection();
    // The order id is fetched alongside the re-check; an id left unused when the order is refused is harmless.
    const [{ api, contract, checks, account, session }, orderId] = await Promise.all([
      this.evaluate(ticket, this.details.get(previewId)),
      this.nextOrderId(connection.api),
    ]);
    const refuse = async (reason: string): Promise<SubmitResult> => {
      await this.audit.write({
        kind: 'submit-refused',
        mode: session.mode,
        account: ticket.account,
        previewId,
        ticket,
        checks,
        message: reason,
      });
      return { outcome: 'refused', reason, checks };
    };
    if (hasBlock(checks)) {
      const blocking = checks.filter((c) => c.outcome === 'block').map((c) => c.rule);
      return refuse(
        `Not sent: on fresh data, ${blocking.join(', ')} ${blocking.length === 1 ? 'blocks' : 'block'} this order.`,
      );
    }
    const missing = warningsToAcknowledge(checks).filter((id) => !acknowledgements.includes(id));
    if (missing.length > 0) {
      const names = checks.filter((c) => missing.includes(c.id)).map((c) => c.rule);
      return refuse(`Not sent: acknowledge each warning first (${names.join(', ')}).`);
    }

    const words = describeOrder(ticket, account.label);
    const acknowledged = acknowledgements.length > 0 ? ` Acknowledged: ${acknowledgements.join(', ')}.` : '';
    // The intent is on disk before the order leaves: a crash after this line is found on restart.
    await this.audit.write({
      kind: 'submit-intent',
      mode: session.mode,
      account: ticket.account,
      orderId,
      previewId,
      ticket,
      checks,
      message: `${words}.${acknowledged}`,
    });
    this.options.afterIntentForTests?.();
    const at = this.now();
    this.counter.record(at);
    const order: TrackedOrder = {
      orderId,
      previewId,
      account: ticket.account,
      words,
      ticket,
      phase: 'sending',
      ibStatus: null,
      filled: 0,
      remaining: ticket.quantity,
      avgFillPrice: null,
      message: null,
      ibCode: null,
      submittedAt: at,
      updatedAt: at,
    };
    this.tracker.track(order);
    api.placeOrder(orderId, contract, ibOrder(ticket, { orderRef: previewId, whatIf: false }));
    await this.audit.write({ kind: 'sent', mode: session.mode, account: ticket.account, orderId, previewId, ticket });
    return { outcome: 'sent', order: this.tracker.get(orderId) ?? order, repeated: false, checks };
  }

  // ── Kill switch ─────────────────────────────────────────────────────────────────────────────

  /**
   * Holds every new order back, cancels every open order in every account (reqGlobalCancel) and
   * disarms live trading. The switch is engaged and recorded first, so nothing slips out while the
   * cancel is on its way; without a connection it still engages and says no cancel was sent.
   */
  async engageKillSwitch(): Promise<KillSwitchState> {
    const at = this.now();
    const session = this.options.session.current();
    const api = UP_STATES.has(session.state) ? this.options.session.ib?.api : undefined;
    const detail = api
      ? `Kill switch engaged at ${new Date(at).toISOString()}: every open order was asked to cancel and new orders are refused until you re-arm.`
      : `Kill switch engaged at ${new Date(at).toISOString()}, but Gatehouse is not connected, so no cancel reached IBKR: orders already at IBKR are still working. New orders are refused until you re-arm.`;
    const state = await this.killSwitch.engage(at, detail);
    await this.audit.write({ kind: 'kill-switch', mode: session.mode, message: detail });
    api?.cancelAllOrders();
    this.options.session.disarm();
    this.options.events.publish('orders.killSwitch', state);
    return state;
  }

  private async rearm(confirmation: string): Promise<KillSwitchState> {
    if (confirmation !== 'REARM') throw new AppError('refused', 'Type REARM, in capitals, to open order entry again.');
    const state = await this.killSwitch.release();
    await this.audit.write({
      kind: 'rearm',
      mode: this.options.session.current().mode,
      message: 'Order entry re-armed after the kill switch.',
    });
    this.options.events.publish('orders.killSwitch', state);
    return state;
  }

  private auditPage(filter: AuditFilter): Promise<AuditPage> {
    return this.audit.list(filter);
  }
}
