import type { ContractDetails, IBApiNext, Contract as IbContract } from '@stoqey/ib';
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
import { systemClock, type Clock } from '../clock';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import { evaluateRules, hasBlock, warningsToAcknowledge } from '../rules';
import type { RuleContext } from '../rules/rule-context';
import { DEFAULT_TIMEOUTS, GatewayReader, type ReadTimeouts, type WhatIfResult } from './gateway-reader';
import { ibOrder, resolvedContract } from './ib-order';
import { maxQuantity } from '../rules/general-rules';
import { AllocationDesk } from './allocation-desk';
import { BracketDesk } from './bracket-desk';
import { modifyGroup, ocaOf, type LegLinks, type ModifyGroup } from './bracket-legs';
import { exitLegContext, legChecks } from '../rules/group-rules';
import {
  EXIT_WHAT_IF,
  refusalOf,
  type Checked,
  type Evaluation,
  type LegGroup,
  type PreviewFacts,
  type Rechecked,
  type RollLeg,
} from './order-evaluation';
import { rollOpenContext } from '../rules/roll-rules';
import { RollDesk, type ComboPlacement } from './roll-desk';
import type { AccountFigures } from './allocation-sizing';
import { KillSwitchDesk } from './kill-switch-desk';
import type { CancelAllAsker, CancelAllOutcome } from './order-book-service';
import type { OrderAudit } from './order-audit';
import { OrderCounter } from './order-counter';
import { OrderTracker } from './order-tracker';
import { PreviewStore } from './preview-store';
import { OrderIds } from './order-ids';
import { reconcileOnConnect } from './reconcile-on-connect';
import { accountFigures } from './account-figures';
import { whatIfAtSubmit, whatIfProblem } from './what-if-reuse';
import type { AccountStreams } from '../accounts/account-streams';
import { HeldAccountFacts } from './held-account-facts';
import { filledOf, modifyTarget } from './modify-target';
import { OrderWatchdog } from './order-watchdog';
import {
  buildRuleContext,
  limitsFrom,
  quoteForRules,
  ticketAccount,
  type GatewayFacts,
  type GatewayOpenOrder,
  type Received,
} from './rule-context-builder';
import { TicketQuotes, type QuoteLines } from './ticket-quotes';
import { orderCheckError } from './unexpected-error';
import { SentOrders, workingOrders } from './working-orders';

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

type Stage =
  | { kind: 'preview'; key: string }
  | { kind: 'submit'; preview: OrderPreview; facts: PreviewFacts; acknowledgements: readonly string[] };

const NOT_COUNTED = (): void => {};

const UP_STATES = new Set<SessionState['state']>(['connected', 'degraded']);

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
  /** What each preview read that its submit reuses (bounded like the previews themselves). */
  private readonly held: HeldAccountFacts;
  private readonly quotes: TicketQuotes;
  private readonly sent = new SentOrders();
  private readonly watchdog: OrderWatchdog;
  private readonly allocations: AllocationDesk;
  private readonly brackets: BracketDesk;
  private readonly rolls: RollDesk;
  private pendingHolds = 0;
  /** Open orders are re-read after every (re)connect before anything new is sent. */
  private reconciled: Promise<void> | null = null;
  private wasUp = false;

  private constructor(private readonly options: OrderServiceOptions) {
    this.now = options.now ?? Date.now;
    this.held = new HeldAccountFacts(options.accountStreams, this.now);
    this.audit = options.audit;
    this.previews = new PreviewStore(this.now);
    this.quotes = new TicketQuotes(options.quotes, this.now, this.previews.lifetimeMs);
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
      now: this.now,
    });
    this.allocations = new AllocationDesk({
      preview: (ticket, allocationId) => this.preview(ticket, allocationId),
      submit: (previewId, acknowledgements) => this.submit(previewId, acknowledgements),
      accountFigures: () => this.figures(),
      maxQuantity: (secType) => maxQuantity(limitsFrom(this.options.settings().orders), secType),
      logError: options.logError,
    });
    this.brackets = new BracketDesk({
      preview: (ticket, group) => this.preview(ticket, null, group),
      discard: (previewId) => this.quotes.release(previewId),
      readyToSend: () => this.readyToSend(),
      reserveOrderIds: (api, n) => this.ids.reserve(api, n),
      recheck: (previewId, acknowledgements) => this.recheckPreview(previewId, acknowledgements),
      transmit: (checked, orderId, links) => this.transmit(checked, orderId, links, false),
      audit: (entry) => this.audit.write({ ...entry, mode: this.options.session.current().mode }),
      afterIntentForTests: () => this.options.afterIntentForTests?.(),
    });
    this.rolls = new RollDesk({
      details: (contract) => new GatewayReader(this.connection().api, this.timeouts()).contract(contract),
      preview: (ticket, roll) => this.preview(ticket, null, null, roll),
      discard: (previewId) => this.quotes.release(previewId),
      readyToSend: () => this.readyToSend(),
      reserveOrderIds: (api, n) => this.ids.reserve(api, n),
      recheck: (previewId, acknowledgements) => this.recheckPreview(previewId, acknowledgements),
      transmit: (checked, orderId, combo) => this.transmit(checked, orderId, {}, false, combo),
      audit: (entry) => this.audit.write({ ...entry, mode: this.options.session.current().mode }),
    });
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
      if (r.kind === 'submit-intent' || r.kind === 'modify-intent') this.counter.record(Date.parse(r.at));
      if (r.orderId !== null) this.ids.used(r.orderId);
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
      'orders.audit': ({ filter }) => this.auditPage(filter),
    };
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.detachTracker?.();
    this.held.detach();
    this.quotes.releaseAll();
    this.watchdog.dispose();
  }

  // ── Connection ──────────────────────────────────────────────────────────────────────────────

  private follow(connection: IbConnection | null): void {
    this.detachTracker?.();
    this.detachTracker = connection ? this.tracker.attach(connection.api) : null;
    this.held.attach(connection?.api ?? null);
  }

  private onSession(state: SessionState): void {
    const up = UP_STATES.has(state.state);
    if (up && !this.wasUp) {
      const api = this.options.session.ib?.api;
      this.reconciled = api
        ? reconcileOnConnect(api, {
            tracker: this.tracker,
            audit: this.audit,
            mode: () => this.options.session.current().mode,
            now: this.now,
            timeouts: this.timeouts(),
            logError: this.options.logError,
          })
        : null;
    }
    if (!up) {
      this.reconciled = null;
      this.ids.connectionLost();
    }
    this.wasUp = up;
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

  // ── Accounts ────────────────────────────────────────────────────────────────────────────────

  /**
   * The accounts the gateway reported for this login, each with its kind and where the kind came from.
   * Until the account summary has arrived an account's kind is unknown (unless the person set it), and
   * the ticket will not let it be chosen.
   */
  private async accounts(): Promise<TicketAccount[]> {
    const state = this.options.session.current();
    this.connection();
    const summaries = await this.held.summariesWithin(this.timeouts().requestMs);
    const overrides = this.options.settings().accountOverrides;
    return state.accounts.map((id) => ticketAccount(id, summaries?.value.get(id) ?? null, overrides[id]));
  }

  /** Each reported account's net liquidation and settled cash in USD and its kind (null where unknown), for sizing. */
  private async figures(): Promise<ReadonlyMap<string, AccountFigures>> {
    this.connection();
    const summaries = await this.held.summariesWithin(this.timeouts().requestMs);
    return accountFigures(this.options.session.current().accounts, summaries?.value ?? null, this.options.settings());
  }

  /**
   * What the connection holds, or else a fresh read; null (not received on this connection) when the
   * read fails or times out. The rules then block on it and say what they wait for.
   */
  private async received<T>(held: Received<T>, read: () => Promise<T>): Promise<Received<T>> {
    if (held !== null) return held;
    try {
      return { value: await read(), at: this.now() };
    } catch (error) {
      if (!(error instanceof AppError)) this.options.logError('reading what the order rules need failed', error);
      return null;
    }
  }

  /**
   * The rules' view of an account for an order not yet written (no quote, no what-if): what the row
   * actions size an option by, read the same way a preview reads it so the confirmation agrees.
   */
  async accountContext(account: string, details: ContractDetails): Promise<RuleContext> {
    const reader = new GatewayReader(this.connection().api, this.timeouts());
    const [positions, summaries, orders] = await Promise.all([
      this.held.positionsWithin(this.timeouts().requestMs),
      this.held.summariesWithin(this.timeouts().requestMs),
      this.openOrders(reader),
    ]);
    const settings = this.options.settings();
    return buildRuleContext({
      ticket: { account },
      facts: {
        details,
        quote: null,
        positions,
        summary: summaries && { value: summaries.value.get(account) ?? new Map(), at: summaries.at },
        openOrders: orders,
        whatIf: null,
        whatIfAnswer: { state: 'no-answer', reason: 'not asked before a preview' },
      },
      session: { ...this.options.session.current(), degraded: false },
      override: settings.accountOverrides[account],
      limits: settings.orders,
      orderCounts: this.counter.counts(this.now()),
      now: this.now(),
    });
  }

  // ── Preview and submit ──────────────────────────────────────────────────────────────────────

  /**
   * Everything the rules need, and the checks it gives. A preview reads the contract and the gateway's
   * what-if, and takes a quote line it holds until the order is sent or discarded. The re-check at
   * submit needs no round trip: it reads that held (live, age-checked) quote, the positions and account
   * summary this connection streams, and the held open-orders book, and reuses the preview's what-if
   * while the preview is young. Whatever is not held (no quote line free, nothing loaded yet) is read
   * fresh from the gateway.
   */
  private async evaluate(
    ticket: OrderTicket,
    stage: Stage,
    group: LegGroup | null,
    roll: RollLeg | null = null,
  ): Promise<Evaluation> {
    const connection = this.connection();
    const api = connection.api;
    const reader = new GatewayReader(api, this.timeouts());
    const details = stage.kind === 'submit' ? stage.facts.details : await reader.contract(ticket.contract);
    const contract = resolvedContract(details, ticket.contract.exchange);
    const held =
      stage.kind === 'preview'
        ? this.quotes.hold(stage.key, details, this.timeouts().quoteMs)
        : Promise.resolve(this.quotes.current(stage.preview.previewId));
    const exit = group !== null && group.leg.role !== 'entry';
    const reuse =
      stage.kind === 'submit' && !exit ? whatIfAtSubmit(stage.preview, stage.facts.whatIf, this.now()) : null;
    const ordersRead = this.openOrders(reader);
    const [quote, positions, summaries, orders, whatIf] = await Promise.all([
      held.then((q) => (q === undefined ? reader.quote(contract, details.contract.secType === 'STK') : q)),
      this.held.positionsWithin(this.timeouts().requestMs),
      this.held.summariesWithin(this.timeouts().requestMs),
      ordersRead,
      // A roll's legs are not asked alone: IBKR judges the combo, not one half of it.
      (exit || roll ? EXIT_WHAT_IF : null) ?? reuse?.whatIf ?? this.askWhatIf(reader, contract, ticket, ordersRead),
    ]);
    const session = this.options.session.current();
    let target: GatewayOpenOrder | null = null;
    let linked: ModifyGroup | null = null;
    if (ticket.modifyOrderId !== undefined) {
      if (orders === null) {
        throw new AppError(
          'unavailable',
          'IB Gateway has not sent the open orders on this connection, so the order to change cannot be found; try again in a moment.',
        );
      }
      const found = modifyTarget(orders.value, ticket, details.contract.conId ?? Number.NaN, session.clientId);
      if (typeof found === 'string') throw new AppError('refused', found);
      target = found;
      linked = modifyGroup(found, orders.value);
    }
    const summary = summaries && { value: summaries.value.get(ticket.account) ?? new Map(), at: summaries.at };
    const facts: GatewayFacts = {
      details,
      quote,
      positions,
      summary,
      // The order a modify replaces is not pending on top of its replacement.
      // Nor are the other orders of its OCA group: only one of them can fill.
      openOrders: orders && {
        value: orders.value.filter((o) => o !== target && !linked?.alternatives.has(o.orderId)),
        at: orders.at,
      },
      whatIf: whatIf.figures,
      whatIfAnswer: whatIf.answer,
    };
    const settings = this.options.settings();
    const override = settings.accountOverrides[ticket.account];
    let context;
    try {
      const built = buildRuleContext({
        ticket,
        facts,
        session: { ...session, degraded: session.state === 'degraded' },
        override,
        limits: settings.orders,
        orderCounts: this.counter.counts(this.now()),
        now: this.now(),
      });
      const entry = exit ? group.entry : linked?.entry;
      const closing = roll?.closing;
      context = entry ? exitLegContext(built, entry) : closing ? rollOpenContext(built, closing) : built;
    } catch (error) {
      throw orderCheckError(error, this.options.logError);
    }
    const killCheck = this.killSwitch.check();
    const ruled: Check[] = [
      ...(killCheck ? [killCheck] : []),
      ...evaluateRules(ticket, context),
      ...(reuse ? [reuse.check] : []),
    ];
    const checks = group ? legChecks(group.leg.role, ruled, group.entry) : ruled;
    // Counted in the same step as the order caps read the counts: a sibling re-checked at the same time sees it.
    const uncount =
      stage.kind === 'submit' && refusalOf(checks, stage.acknowledgements) === null
        ? this.counter.take(this.now())
        : NOT_COUNTED;
    return {
      api,
      details,
      contract,
      checks,
      uncount,
      links: linked?.links ?? null,
      account: ticketAccount(ticket.account, summary?.value ?? null, override),
      session,
      whatIf,
      target,
      quote: quoteForRules(quote),
    };
  }

  /** The gateway's what-if; a modify's carries the order's OCA group, so IBKR counts its alternatives once. */
  private async askWhatIf(
    reader: GatewayReader,
    contract: IbContract,
    ticket: OrderTicket,
    orders: Promise<Received<GatewayOpenOrder[]>>,
  ): Promise<WhatIfResult> {
    const modified = ticket.modifyOrderId;
    const group = modified === undefined ? {} : ocaOf((await orders)?.value.find((o) => o.orderId === modified));
    const id = await this.ids.next(this.connection().api);
    return reader.whatIf(id, contract, {
      ...ibOrder(ticket, { orderRef: 'gatehouse-what-if', whatIf: true }),
      ...group,
    });
  }

  /**
   * Every client's working orders: the held book (read afresh before its first read) and what this
   * process sent; null when the gateway has not sent them on this connection.
   */
  private async openOrders(reader: GatewayReader): Promise<Received<GatewayOpenOrder[]>> {
    const held = this.options.book.heldOpenOrders();
    const book = await this.received(held && { value: held.orders, at: held.readAt }, () => reader.openOrders());
    if (book === null) return null;
    const { clientId } = this.options.session.current();
    const working = workingOrders(
      book.value,
      this.sent.working((orderId) => this.tracker.get(orderId), clientId),
      clientId,
    );
    return { value: working, at: book.at };
  }

  /**
   * One order's preview; an allocation's child carries the allocation's id into the preview and the audit
   * log, a bracket leg its group (ruled as that leg).
   */
  async preview(
    ticket: OrderTicket,
    allocationId: string | null = null,
    group: LegGroup | null = null,
    roll: RollLeg | null = null,
  ): Promise<OrderPreview> {
    // The quote line is taken before the preview has an id; it is filed under the id once there is one.
    const holdKey = `pending:${++this.pendingHolds}`;
    let evaluation;
    try {
      evaluation = await this.evaluate(ticket, { kind: 'preview', key: holdKey }, group, roll);
    } catch (error) {
      this.quotes.release(holdKey);
      throw error;
    }
    const { checks, account, session, whatIf, quote, details } = evaluation;
    const preview = this.previews.add(
      {
        ticket,
        account,
        mode: session.mode,
        words: describeOrder(ticket, account.label),
        checks,
        blocked: hasBlock(checks),
        toAcknowledge: warningsToAcknowledge(checks),
        whatIf: whatIf.figures,
        whatIfProblem: whatIfProblem(whatIf.answer),
        quote,
        allocationId,
        ...(group ? { leg: group.leg } : {}),
      },
      { details, whatIf, group, roll },
    );
    this.quotes.rename(holdKey, preview.previewId);
    await this.audit.write({
      kind: 'preview',
      mode: session.mode,
      account: ticket.account,
      orderId: ticket.modifyOrderId ?? null,
      previewId: preview.previewId,
      allocationId,
      groupId: group?.leg.groupId ?? null,
      ticket,
      checks,
      message: preview.words,
    });
    return preview;
  }

  async submit(previewId: string, acknowledgements: readonly string[]): Promise<SubmitResult> {
    const result = await this.previews.once(previewId, (preview, facts) => this.send(preview, facts, acknowledgements));
    if (result.outcome === 'sent' && result.repeated) {
      return { ...result, order: this.tracker.get(result.order.orderId) ?? result.order };
    }
    return result;
  }

  private async send(
    preview: OrderPreview,
    facts: PreviewFacts,
    acknowledgements: readonly string[],
  ): Promise<SubmitResult> {
    if (facts.roll) return { outcome: 'refused', reason: 'This is one leg of a roll: send the roll.', checks: [] };
    if (preview.leg) {
      return { outcome: 'refused', reason: 'This is one leg of a bracket: send the bracket, not the leg.', checks: [] };
    }
    const api = await this.readyToSend();
    const modifying = preview.ticket.modifyOrderId;
    // The connection's first id is read alongside the re-check. The id itself is taken once the order is
    // cleared, in the same step as its intent is queued, so orders cleared together leave in id order.
    const [rechecked, idsReady] = await Promise.allSettled([
      this.recheck(preview, facts, acknowledgements),
      modifying ?? this.ids.ready(api),
    ]);
    if (rechecked.status === 'rejected') throw rechecked.reason;
    const checked = rechecked.value;
    if (checked.outcome === 'refused') return checked;
    if (idsReady.status === 'rejected') {
      checked.evaluation.uncount();
      throw idsReady.reason;
    }
    return this.transmit(checked, modifying ?? this.ids.take(), checked.evaluation.links ?? {}, true);
  }

  /** The connection to send on, once this connection's open orders have been reconciled. */
  private async readyToSend(): Promise<IBApiNext> {
    if (this.reconciled === null) this.connection();
    await this.reconciled;
    return this.connection().api;
  }

  private async recheckPreview(previewId: string, acknowledgements: readonly string[]): Promise<Rechecked> {
    const lookup = this.previews.get(previewId);
    if (!lookup.found) return { outcome: 'refused', reason: lookup.reason, checks: [] };
    return this.recheck(lookup.preview, lookup.facts, acknowledgements);
  }

  /** Every rule again on fresh data; a refusal (a block, a warning not acknowledged) is on disk when it returns. */
  private async recheck(
    preview: OrderPreview,
    facts: PreviewFacts,
    acknowledgements: readonly string[],
  ): Promise<Rechecked> {
    const { ticket, previewId, allocationId } = preview;
    const evaluation = await this.evaluate(
      ticket,
      { kind: 'submit', preview, facts, acknowledgements },
      facts.group,
      facts.roll,
    );
    const { checks, session } = evaluation;
    const refuse = async (reason: string): Promise<Rechecked> => {
      await this.audit.write({
        kind: 'submit-refused',
        mode: session.mode,
        account: ticket.account,
        orderId: ticket.modifyOrderId ?? null,
        previewId,
        allocationId,
        groupId: preview.leg?.groupId ?? null,
        ticket,
        checks,
        message: reason,
      });
      return { outcome: 'refused', reason, checks };
    };
    const reason = refusalOf(checks, acknowledgements);
    if (reason !== null) return refuse(reason);
    return { outcome: 'checked', preview, evaluation, acknowledgements };
  }

  /**
   * Places a re-checked order under its id with the links that tie it to its group. A lone order writes its
   * intent here, before it leaves; a bracket's one intent is written by the bracket desk before any leg.
   */
  private async transmit(
    checked: Checked,
    orderId: number,
    links: LegLinks,
    writeIntent: boolean,
    combo: ComboPlacement | null = null,
  ): Promise<Extract<SubmitResult, { outcome: 'sent' }>> {
    const { preview, evaluation, acknowledgements } = checked;
    const { ticket, previewId, allocationId, leg } = preview;
    const { api, contract, checks, account, session, target, uncount } = evaluation;
    const modifying = ticket.modifyOrderId;
    const words = combo?.words ?? describeOrder(ticket, account.label);
    const acknowledged = acknowledgements.length > 0 ? ` Acknowledged: ${acknowledgements.join(', ')}.` : '';
    const groupId = leg?.groupId ?? null;
    const about = { mode: session.mode, account: ticket.account, orderId, previewId, allocationId, groupId, ticket };
    if (writeIntent) {
      // The intent is on disk before the order leaves: a crash after this line is found on restart.
      try {
        await this.audit.write({
          kind: modifying === undefined ? 'submit-intent' : 'modify-intent',
          ...about,
          checks,
          message: `${words}.${acknowledged}`,
        });
      } catch (error) {
        uncount();
        throw error;
      }
      this.options.afterIntentForTests?.();
    }
    const at = this.now();
    const filled = target ? filledOf(target) : 0;
    const order: TrackedOrder = {
      orderId,
      previewId,
      account: ticket.account,
      words,
      ticket,
      phase: 'sending',
      ibStatus: null,
      filled,
      remaining: ticket.quantity - filled,
      avgFillPrice: this.tracker.get(orderId)?.avgFillPrice ?? null,
      message: null,
      ibCode: null,
      submittedAt: at,
      updatedAt: at,
      ...(leg ? { leg } : {}),
    };
    const placed = combo?.order ?? { ...ibOrder(ticket, { orderRef: previewId, whatIf: false }), ...links };
    this.tracker.track(order);
    const sentContract = combo?.contract ?? contract;
    this.sent.record(orderId, sentContract, { ...placed, account: ticket.account });
    api.placeOrder(orderId, sentContract, placed);
    this.watchdog.watch(orderId);
    this.quotes.release(previewId);
    await this.audit.write({ kind: 'sent', ...about, ...(writeIntent ? {} : { checks }) });
    return { outcome: 'sent', order: this.tracker.get(orderId) ?? order, repeated: false, checks };
  }

  // ── Kill switch ─────────────────────────────────────────────────────────────────────────────

  /** The tray's kill switch: the same as the window's. */
  engageKillSwitch(): Promise<KillSwitchState> {
    return this.killSwitch.engage();
  }

  private auditPage(filter: AuditFilter): Promise<AuditPage> {
    return this.audit.list(filter);
  }
}
