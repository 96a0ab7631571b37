import type { ContractDetails } from '@stoqey/ib';
import type { KillSwitchState, OrderPreview, SubmitResult } from '../../shared/orders';
import type { SessionState } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { OrderTicket } from '../../shared/ticket';
import type { AccountStreams } from '../accounts/account-streams';
import { systemClock, type Clock } from '../clock';
import type { IbConnection } from '../gateway/ib-connection';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import { maxQuantity } from '../rules/general-rules';
import type { RuleContext } from '../rules/rule-context';
import { AllocationDesk } from './allocation-desk';
import type { BracketDesk } from './bracket-desk';
import { GatewayReader, type ReadTimeouts } from './gateway-reader';
import { groupDesks } from './group-desks';
import { KillSwitchDesk } from './kill-switch-desk';
import type { OrderAudit } from './order-audit';
import type { CancelAllAsker, CancelAllOutcome } from './order-book-service';
import { OrderConnection } from './order-connection';
import { OrderCounter } from './order-counter';
import type { LegGroup, PreviewFacts, RollLeg } from './order-evaluation';
import { OrderEvaluator } from './order-evaluator';
import { OrderFacts } from './order-facts';
import { OrderIds } from './order-ids';
import { OrderPreviewer } from './order-previewer';
import { OrderTracker } from './order-tracker';
import { OrderTransmitter } from './order-transmitter';
import { OrderWatchdog } from './order-watchdog';
import { PreviewStore } from './preview-store';
import type { RollDesk } from './roll-desk';
import { limitsFrom, type GatewayOpenOrder } from './rule-context-builder';
import { TicketQuotes, type QuoteLines } from './ticket-quotes';
import type { SentOrders } from './working-orders';

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
  /** The app's one audit writer, shared with the open-orders grid. */
  audit: OrderAudit;
  logError(message: string, error: unknown): void;
  /** The market service's shared quote lines: a preview holds one until it is sent, discarded or expires. */
  quotes: QuoteLines;
  /** Positions and summaries, asked of each connection once and shared with the accounts view. */
  accountStreams: AccountStreams;
  /** The open-orders book the order-book service keeps (every client's orders), and its one cancel-all. */
  book: {
    heldOpenOrders(): { orders: readonly GatewayOpenOrder[]; readAt: number } | null;
    cancelAll(asker: CancelAllAsker): Promise<CancelAllOutcome>;
  };
  /** What this process sent, shared with the order book, whose one-cancels-all link amends it. */
  sent: SentOrders;
  now?: () => number;
  /** Timers for the no-answer watchdog (a fake clock in tests). */
  scheduler?: Clock;
  /** How long an order may go without any word from the gateway before it is marked unanswered. */
  noAnswerMs?: number;
  timeouts?: ReadTimeouts;
  /**
   * TEST ONLY (the crash test): called after the submit intent is on disk and before placeOrder, so a
   * test can kill the process at exactly that point.
   */
  afterIntentForTests?: () => void;
}

type OrderVerb =
  | 'accounts'
  | 'preview'
  | 'submit'
  | 'discard'
  | 'size'
  | 'previewAllocation'
  | 'submitAllocation'
  | 'previewBracket'
  | 'submitBracket'
  | 'previewRoll'
  | 'submitRoll'
  | 'list'
  | 'killSwitch'
  | 'killSwitchState'
  | 'rearm'
  | 'audit';

export const DEFAULT_NO_ANSWER_MS = 10_000;

/**
 * Order entry: preview and submit re-read everything the rules need from the gateway (never from the
 * renderer), evaluate every rule, and write the attempt to the audit log before anything is placed.
 */
export class OrderService {
  private readonly audit: OrderAudit;
  private readonly previews: PreviewStore<PreviewFacts>;
  private readonly tracker: OrderTracker;
  private readonly counter = new OrderCounter();
  private readonly killSwitch: KillSwitchDesk;
  private readonly now: () => number;
  private readonly stops: (() => void)[] = [];
  private detachTracker: (() => void) | null = null;
  private readonly ids = new OrderIds();
  private readonly facts: OrderFacts;
  private readonly quotes: TicketQuotes;
  private readonly previewer: OrderPreviewer;
  private readonly transmitter: OrderTransmitter;
  private readonly watchdog: OrderWatchdog;
  private readonly allocations: AllocationDesk;
  private readonly brackets: BracketDesk;
  private readonly rolls: RollDesk;
  private readonly connection: OrderConnection;

  private constructor(private readonly options: OrderServiceOptions) {
    const now = (this.now = options.now ?? Date.now);
    this.audit = options.audit;
    this.previews = new PreviewStore(now);
    this.quotes = new TicketQuotes(options.quotes, now, this.previews.lifetimeMs);
    const noAnswerMs = options.noAnswerMs ?? DEFAULT_NO_ANSWER_MS;
    this.watchdog = new OrderWatchdog(options.scheduler ?? systemClock, noAnswerMs, (orderId) =>
      this.tracker.apply(orderId, { type: 'no-answer', afterMs: noAnswerMs }),
    );
    this.killSwitch = new KillSwitchDesk({
      userDataDir: options.userDataDir,
      audit: this.audit,
      cancelAll: (asker) => options.book.cancelAll(asker),
      mode: () => options.session.current().mode,
      disarm: () => options.session.disarm(),
      publish: (state) => options.events.publish('orders.killSwitch', state),
      logError: options.logError,
      now,
    });
    this.tracker = new OrderTracker({
      audit: (entry) => this.audit.write(entry),
      publish: (order) => options.events.publish('orders.update', order),
      mode: () => options.session.current().mode,
      now,
      logError: options.logError,
    });
    const { session, settings, logError, sent } = options;
    const mode = () => session.current().mode;
    this.connection = new OrderConnection({
      session,
      tracker: this.tracker,
      audit: this.audit,
      ids: this.ids,
      mode,
      now,
      timeouts: options.timeouts,
      logError,
    });
    const connection = () => this.connection.current();
    const timeouts = () => this.connection.timeouts();
    const readyToSend = () => this.connection.readyToSend();
    // What the pieces below share; each takes the part its options name.
    const { counter, ids, tracker, quotes, audit } = this;
    const shared = { session, settings, connection, timeouts, now, logError, counter, ids, tracker, quotes, audit };
    this.facts = new OrderFacts({ ...shared, sent, accountStreams: options.accountStreams, book: options.book });
    const evaluator = new OrderEvaluator({
      ...shared,
      facts: this.facts,
      killSwitch: this.killSwitch,
      optionTerms: () => this.rolls.legTerms(),
    });
    const previewer = (this.previewer = new OrderPreviewer({ ...shared, evaluator, previews: this.previews }));
    const transmitter = (this.transmitter = new OrderTransmitter({
      ...shared,
      sent,
      readyToSend,
      recheck: (preview, facts, acknowledgements) => previewer.recheck(preview, facts, acknowledgements),
      watchdog: this.watchdog,
      afterIntentForTests: () => options.afterIntentForTests?.(),
    }));
    this.allocations = new AllocationDesk({
      preview: (ticket, allocationId) => this.preview(ticket, allocationId),
      submit: (previewId, acknowledgements) => this.submit(previewId, acknowledgements),
      accountFigures: () => this.facts.figures(),
      maxQuantity: (secType) => maxQuantity(limitsFrom(settings().orders), secType),
      logError,
    });
    ({ brackets: this.brackets, rolls: this.rolls } = groupDesks({
      previewer,
      transmitter,
      quotes,
      ids,
      audit,
      mode,
      readyToSend,
      reader: () => new GatewayReader(connection().api, timeouts()),
      whatIf: async (contract, order) => {
        const { api } = connection();
        return new GatewayReader(api, timeouts()).whatIf(await ids.next(api), contract, order);
      },
      afterIntentForTests: () => options.afterIntentForTests?.(),
    }));
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
      if (r.kind === 'submit-intent' || r.kind === 'modify-intent') this.counter.record(Date.parse(r.at));
      if (r.orderId !== null) this.ids.used(r.orderId);
    }
    const { session } = this.options;
    this.stops.push(
      session.onConnection((connection) => this.follow(connection)),
      session.subscribe((state) => this.connection.onSession(state)),
    );
    this.follow(session.ib);
    this.connection.onSession(session.current());
  }

  handlers(): RoomHandlers<`orders.${OrderVerb}`> {
    return {
      'orders.accounts': () => this.facts.accounts(),
      'orders.preview': (ticket) => this.preview(ticket),
      'orders.submit': ({ previewId, acknowledgements }) => this.submit(previewId, acknowledgements),
      'orders.discard': ({ previewId }) => this.quotes.release(previewId),
      'orders.size': (request) => this.allocations.size(request),
      'orders.previewAllocation': (request) => this.allocations.preview(request),
      'orders.submitAllocation': (request) => this.allocations.submit(request),
      'orders.previewBracket': (request) => this.brackets.preview(request),
      'orders.submitBracket': (request) => this.brackets.submit(request),
      'orders.previewRoll': (request) => this.rolls.preview(request),
      'orders.submitRoll': (request) => this.rolls.submit(request),
      'orders.list': () => this.tracker.list(),
      'orders.killSwitch': () => this.killSwitch.engage(),
      'orders.killSwitchState': () => this.killSwitch.current(),
      'orders.rearm': ({ confirmation }) => this.killSwitch.rearm(confirmation),
      'orders.audit': ({ filter }) => this.audit.list(filter),
    };
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.detachTracker?.();
    this.facts.held.detach();
    this.quotes.releaseAll();
    this.watchdog.dispose();
  }

  // ── Connection ──────────────────────────────────────────────────────────────────────────────

  private follow(connection: IbConnection | null): void {
    this.detachTracker?.();
    this.detachTracker = connection ? this.tracker.attach(connection.api) : null;
    this.facts.held.attach(connection?.api ?? null);
  }

  // ── Accounts ────────────────────────────────────────────────────────────────────────────────

  /**
   * The rules' view of an account for an order not yet written (no quote, no what-if): what the row
   * actions size an option by, read the same way a preview reads it so the confirmation agrees.
   */
  accountContext(account: string, details: ContractDetails): Promise<RuleContext> {
    return this.facts.accountContext(account, details);
  }

  // ── Preview and submit ──────────────────────────────────────────────────────────────────────

  /** One order's preview (see OrderPreviewer.preview). */
  preview(
    ticket: OrderTicket,
    allocationId: string | null = null,
    group: LegGroup | null = null,
    roll: RollLeg | null = null,
  ): Promise<OrderPreview> {
    return this.previewer.preview(ticket, allocationId, group, roll);
  }

  async submit(previewId: string, acknowledgements: readonly string[]): Promise<SubmitResult> {
    const result = await this.previews.once(previewId, (preview, facts) =>
      this.transmitter.send(preview, facts, acknowledgements),
    );
    if (result.outcome === 'sent' && result.repeated) {
      return { ...result, order: this.tracker.get(result.order.orderId) ?? result.order };
    }
    return result;
  }

  // ── Kill switch ─────────────────────────────────────────────────────────────────────────────

  /** The tray's kill switch: the same as the window's. */
  engageKillSwitch(): Promise<KillSwitchState> {
    return this.killSwitch.engage();
  }
}
