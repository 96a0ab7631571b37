import { applyFill, cloneBook, settle, type AccountBook, type Fill } from './account-book';
import { accountSummary, assessAccount, type AccountRisk } from './account-risk';
import { commissionFor } from './commission';
import { findInstruments, matchSymbols } from './contract-search';
import { ExecutionLog, type ExecutionFilter, type ExecutionRecord } from './executions';
import { historicalBars, type BarRequest } from './history';
import { buildCatalog, type Listing } from './instruments';
import { ComboDesk } from './combo-desk';
import { evaluateCombo } from './combo-rules';
import { OptionDesk } from './option-desk';
import { OrderEngine } from './order-engine';
import { alternatives, MISSING_PARENT } from './order-groups';
import { expectedPrice } from './order-matching';
import {
  checkMargin,
  checkPermissions,
  checkRequest,
  checkSettledCash,
  orderRejected,
  type OrderCheck,
  type PendingOrder,
} from './order-rules';
import { pnlOf, pnlSingleOf, positionsOf } from './portfolio';
import { PriceWalk } from './price-walk';
import { mixSeed, mulberry32 } from './random';
import { openingBooks } from './starting-book';
import { createValuer, type Valuer } from './valuer';
import { whatIfResult } from './what-if';
import {
  type AccountInfo,
  type AccountSummary,
  type Bar,
  type CashBalance,
  type ContractQuery,
  type Instrument,
  type PlaceResult,
  type PnL,
  type PnLSingle,
  type Position,
  type Quote,
  type QuoteTick,
  type SimOrder,
  type SimOrderRequest,
  type SimRejection,
  type WhatIfResult,
  type WorldEvent,
} from './types';

export interface WorldOptions {
  seed: number;
  /** Epoch milliseconds; Date.now unless a test pins the clock. */
  now?: () => number;
  /** Extra made-up stocks (SYN001…) for load tests; 0 by default. */
  syntheticStocks?: number;
}

export type WorldListener = (event: WorldEvent) => void;

/** Salt for the price walk's stream, so it never coincides with a per-bar history stream. */
const WALK_STREAM = 0x5741_4c4b;
const FIRST_PERM_ID = 1_000_000_001;

const NO_SECURITY_DEFINITION: SimRejection = {
  code: 200,
  message: 'No security definition has been found for the request',
};
const DUPLICATE_ORDER_ID: SimRejection = { code: 103, message: 'Duplicate order id' };
const orderNotFound = (orderId: number): SimRejection => ({
  code: 135,
  message: `Can't find order with ID = ${orderId}`,
});

type Evaluation =
  | { ok: false; rejection: SimRejection }
  | {
      ok: true;
      instrument: Instrument;
      before: AccountRisk;
      after: AccountRisk;
      commission: number;
      /** A cash or margin shortfall: place rejects on it; a what-if reports it as a warning. */
      shortfall: SimRejection | null;
    };

/**
 * The simulated IBKR back office: three linked paper accounts, a seeded market, and an order desk that
 * fills, rejects and books like IBKR. Pure and deterministic — no sockets, no timers; time moves only when
 * step() is called, and the same seed (and clock) gives the same world tick for tick.
 *
 * Events reach listeners synchronously, inside place/modify/cancel/cancelAll/step, in the order they
 * happen and after the books show them. Reads for an account or conId the world does not know throw:
 * check accounts() or instrument() first.
 */
export class World {
  private readonly seed: number;
  private readonly now: () => number;
  private readonly listings: Map<number, Listing>;
  private readonly catalog: Instrument[];
  private readonly walk: PriceWalk;
  private readonly valuer: Valuer;
  private readonly books: Map<string, AccountBook>;
  private readonly log: ExecutionLog;
  private readonly engine: OrderEngine;
  private readonly combos: ComboDesk;
  private readonly listeners = new Set<WorldListener>();
  /** The option chains' model, parameters, exercise and assignment. */
  readonly options: OptionDesk;

  constructor(options: WorldOptions) {
    this.seed = options.seed >>> 0;
    this.now = options.now ?? Date.now;
    const listings = buildCatalog(this.now(), { syntheticStocks: options.syntheticStocks });
    this.listings = new Map(listings.map((listing) => [listing.instrument.conId, listing]));
    this.catalog = listings.map((listing) => listing.instrument);
    this.walk = new PriceWalk(listings, mulberry32(mixSeed(this.seed, WALK_STREAM)));
    this.valuer = createValuer(new Map(this.catalog.map((instrument) => [instrument.conId, instrument])), this.walk);
    const books = openingBooks(
      (query) => {
        const instrument = this.resolve(query);
        if (!instrument)
          throw new Error(`The opening book names a contract the catalog lacks: ${JSON.stringify(query)}`);
        return instrument;
      },
      (conId) => this.walk.quote(conId).close,
      this.now(),
    );
    this.books = new Map(books.map((book) => [book.info.id, book]));
    this.options = new OptionDesk(
      this.listings,
      (conId) => this.walk.mid(conId),
      (account) => this.books.get(account),
    );
    this.log = new ExecutionLog(this.seed.toString(16).padStart(8, '0'));
    this.engine = new OrderEngine(
      {
        quote: (conId) => this.walk.quote(conId),
        execute: (order, quantity, price, commission) => this.execute(order, quantity, price, commission),
        emit: (event) => this.emit(event),
        now: () => this.now(),
      },
      FIRST_PERM_ID,
    );
    this.combos = new ComboDesk({
      instrument: (conId) => this.instrument(conId),
      quote: (conId) => this.walk.quote(conId),
      executeLeg: (order, fill) => this.record(order, fill, fill.quantity, fill.price),
      nextExecId: () => this.log.nextExecId(),
      nextPermId: () => this.engine.nextPermId(),
      emit: (event) => this.emit(event),
      now: () => this.now(),
    });
  }

  accounts(): AccountInfo[] {
    return [...this.books.values()].map((book) => ({ ...book.info }));
  }

  instruments(): Instrument[] {
    return [...this.catalog];
  }

  instrument(conId: number): Instrument | undefined {
    return this.listings.get(conId)?.instrument;
  }

  findInstruments(query: ContractQuery): Instrument[] {
    return findInstruments(this.catalog, query);
  }

  matchSymbols(pattern: string): Instrument[] {
    return matchSymbols(this.catalog, pattern);
  }

  /** The derivative sec types listed for an underlying in a symbol-sample answer: ['OPT'] for AAPL. */
  derivativeSecTypes(conId: number): string[] {
    return this.catalog.some((instrument) => instrument.secType === 'OPT' && instrument.underConId === conId)
      ? ['OPT']
      : [];
  }

  /** The instrument's size unit: quotes, trades and depth come in multiples of it. */
  lot(conId: number): number {
    return this.listings.get(conId)?.lot ?? 1;
  }

  quote(conId: number): Quote {
    return { ...this.walk.quote(conId) };
  }

  /** Advances the market `count` ticks, one instrument each, working that instrument's open orders after each. */
  step(count: number): QuoteTick[] {
    const ticks: QuoteTick[] = [];
    for (let index = 0; index < count; index += 1) {
      const tick = this.walk.tick();
      ticks.push(tick);
      this.engine.onQuote(tick.conId);
      this.combos.onQuote(tick.conId);
    }
    return ticks;
  }

  /** Moves one named instrument a step, working its open orders after it, as step() does for a chosen one. */
  stepInstrument(conId: number): QuoteTick {
    const tick = this.walk.tickInstrument(conId);
    this.engine.onQuote(tick.conId);
    this.combos.onQuote(tick.conId);
    return tick;
  }

  /**
   * Deterministic bars whose last close is the live price (TRADES: last; MIDPOINT: mid; BID/ASK: the touch).
   * Throws a RangeError for more than MAX_BARS bars, with IBKR's error-162 text.
   */
  historicalBars(conId: number, request: BarRequest): Bar[] {
    const listing = this.listings.get(conId);
    if (!listing) throw new Error(`No instrument with conId ${conId}`);
    const quote = this.walk.quote(conId);
    const anchor = {
      TRADES: quote.last,
      MIDPOINT: this.walk.mid(conId),
      BID: quote.bid,
      ASK: quote.ask,
    }[request.whatToShow];
    return historicalBars(this.seed, listing, anchor, request);
  }

  summary(account: string): AccountSummary {
    const book = this.book(account);
    return accountSummary(book.info.kind, assessAccount(book, this.valuer));
  }

  cash(account: string): CashBalance[] {
    return [...this.book(account).cash].map(([currency, line]) => ({ currency, ...line }));
  }

  positions(account?: string): Position[] {
    const books = account === undefined ? [...this.books.values()] : [this.book(account)];
    return books.flatMap((book) => positionsOf(book, this.valuer));
  }

  pnl(account: string): PnL {
    return pnlOf(this.book(account), this.valuer);
  }

  pnlSingle(account: string, conId: number): PnLSingle | undefined {
    return pnlSingleOf(this.book(account), conId, this.valuer);
  }

  /**
   * placeOrder. An open order's id amends it; a finished order's id is a duplicate. Rejections are returned
   * and also emitted as orderRejected, so a listener alone sees every order's fate.
   */
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
    const evaluation = request.comboLegs ? this.evaluateCombo(request) : this.evaluate(request, 0);
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
      this.resolve(request.contract)?.conId !== current.instrument.conId ||
      request.account !== fixed.account ||
      request.action !== fixed.action ||
      request.orderType !== fixed.orderType
    ) {
      return this.reject(
        request.orderId,
        orderRejected('Only the price, quantity and time in force of a working order can be changed.'),
      );
    }
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

  /** reqGlobalCancel: every open order, of every client and account. */
  cancelAll(): void {
    this.engine.cancelAll();
    this.combos.cancelAll();
  }

  openOrders(): SimOrder[] {
    return [...this.engine.list('open'), ...this.combos.list('open')];
  }

  /** Filled and cancelled orders, for reqCompletedOrders. */
  completedOrders(): SimOrder[] {
    return [...this.engine.list('finished'), ...this.combos.list('finished')];
  }

  /** The lowest order id no order has used: what nextValidId should announce. */
  nextOrderId(): number {
    return Math.max(this.engine.highestOrderId(), this.combos.highestOrderId()) + 1;
  }

  executions(filter?: ExecutionFilter): ExecutionRecord[] {
    return this.log.list(filter);
  }

  on(listener: WorldListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The T+1 roll: all cash becomes settled. */
  settle(): void {
    for (const book of this.books.values()) settle(book);
  }

  private book(account: string): AccountBook {
    const book = this.books.get(account);
    if (!book) throw new Error(`No account ${account} in this world`);
    return book;
  }

  /** Exactly one instrument, or none: an ambiguous contract is as unknown as a missing one. */
  private resolve(contract: ContractQuery): Instrument | undefined {
    const found = findInstruments(this.catalog, contract);
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * Runs an order (or the unfilled rest of an amended one, after `alreadyFilled`) through every check and
   * prices its effect on the account.
   */
  private evaluate(request: SimOrderRequest, alreadyFilled: number): Evaluation {
    const book = this.books.get(request.account);
    if (!book) {
      const managed = [...this.books.keys()].join(', ');
      return {
        ok: false,
        rejection: orderRejected(`The account ${request.account} is not one of this login's accounts (${managed}).`),
      };
    }
    const instrument = this.resolve(request.contract);
    if (!instrument) return { ok: false, rejection: NO_SECURITY_DEFINITION };
    const malformed = checkRequest(request, instrument);
    if (malformed) return { ok: false, rejection: malformed };
    const quantity = request.totalQuantity - alreadyFilled;
    const price = expectedPrice(request, this.walk.quote(instrument.conId));
    const commission = commissionFor(instrument, quantity, price);
    const entered = this.withParentFilled(book, request);
    const check: OrderCheck = {
      book: entered,
      instrument,
      action: request.action,
      quantity,
      price,
      commission,
      pending: this.pendingOrders(request),
      instrumentOf: (conId) => this.valuer.instrument(conId),
    };
    const forbidden = checkPermissions(check);
    if (forbidden) return { ok: false, rejection: forbidden };
    const before = assessAccount(entered, this.valuer);
    const filled = cloneBook(entered);
    applyFill(filled, { instrument, action: request.action, quantity, price, commission });
    const after = assessAccount(filled, this.valuer);
    return {
      ok: true,
      instrument,
      before,
      after,
      commission,
      shortfall: checkSettledCash(check) ?? checkMargin(before, after),
    };
  }

  /** A combo order, or an amendment of an open one: judged as a whole (combo-rules.ts), then worked by the combo desk. */
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
    const evaluation = this.evaluateCombo(placed ? { ...request, comboLegs: placed.request.comboLegs } : request);
    if (!evaluation.ok) return this.reject(request.orderId, evaluation.rejection);
    if (evaluation.shortfall) return this.reject(request.orderId, evaluation.shortfall);
    if (placed) return { ok: true, order: this.combos.amend(request) };
    return { ok: true, order: this.combos.submit(request, evaluation.instrument) };
  }

  private evaluateCombo(request: SimOrderRequest): Evaluation {
    const book = this.books.get(request.account);
    if (!book)
      return {
        ok: false,
        rejection: orderRejected(`The account ${request.account} is not one of this login's accounts.`),
      };
    const evaluation = evaluateCombo(request, {
      book,
      instrument: (conId) => this.instrument(conId),
      quote: (conId) => this.walk.quote(conId),
      pending: this.pendingOrders(request),
      valuer: this.valuer,
    });
    if (!evaluation.ok) return evaluation;
    // The combo is reported on its first leg's underlying: the symbol IBKR gives a BAG contract.
    const first = evaluation.legs[0]?.instrument;
    const instrument = (first?.underConId && this.instrument(first.underConId)) || first;
    return instrument ? { ...evaluation, instrument } : { ok: false, rejection: NO_SECURITY_DEFINITION };
  }

  /** The open or filled order a child names as its parent, if it is the same client's. */
  private parentOf(request: SimOrderRequest): SimOrder | undefined {
    const parent = request.parentId ? this.engine.order(request.parentId) : undefined;
    if (!parent || parent.request.clientId !== request.clientId) return undefined;
    return this.engine.state(parent.request.orderId) === 'open' || parent.status === 'Filled' ? parent : undefined;
  }

  /** A bracket child is judged as the exit it is: on the book as it will stand once its parent has filled. */
  private withParentFilled(book: AccountBook, request: SimOrderRequest): AccountBook {
    const parent = this.parentOf(request);
    if (!parent || parent.remaining === 0 || parent.request.account !== request.account) return book;
    const entered = cloneBook(book);
    const price = expectedPrice(parent.request, this.walk.quote(parent.instrument.conId));
    const commission = commissionFor(parent.instrument, parent.remaining, price);
    const { instrument, remaining: quantity } = parent;
    applyFill(entered, { instrument, action: parent.request.action, quantity, price, commission });
    return entered;
  }

  /**
   * The account's other open orders, for the checks: without the order's own parent (already counted as
   * filled) and without its OCA or bracket alternatives, of which only one can fill in full.
   */
  private pendingOrders(order: SimOrderRequest): PendingOrder[] {
    const single = this.engine
      .list('open')
      .filter(
        ({ request }) =>
          request.account === order.account &&
          request.orderId !== order.orderId &&
          request.orderId !== order.parentId &&
          !alternatives(order, request),
      )
      .map(({ request, instrument, remaining }) => ({
        instrument,
        action: request.action,
        remaining,
        price: expectedPrice(request, this.walk.quote(instrument.conId)),
      }));
    return [...single, ...this.combos.pendingLegs(order.account, order.orderId)];
  }

  private execute(order: Readonly<SimOrder>, quantity: number, price: number, commission: number): ExecutionRecord {
    const { request, instrument } = order;
    const fill: Fill = { instrument, action: request.action, quantity, price, commission };
    return this.record(order, fill, order.filled, order.avgFillPrice);
  }

  /** Books one fill of an order on its account and logs its execution; cumQty and avgPrice as IBKR reports them. */
  private record(order: Readonly<SimOrder>, fill: Fill, cumQty: number, avgPrice: number): ExecutionRecord {
    const { request } = order;
    const { instrument } = fill;
    const realized = applyFill(this.book(request.account), fill);
    const execId = this.log.nextExecId();
    const record: ExecutionRecord = {
      execution: {
        execId,
        orderId: request.orderId,
        clientId: request.clientId,
        permId: order.permId,
        account: request.account,
        conId: instrument.conId,
        side: fill.action === 'BUY' ? 'BOT' : 'SLD',
        shares: fill.quantity,
        price: fill.price,
        cumQty,
        avgPrice,
        time: this.now(),
        exchange: instrument.primaryExchange || instrument.exchange,
        orderRef: request.orderRef ?? '',
      },
      commission: { execId, commission: fill.commission, currency: instrument.currency, realizedPnl: realized },
    };
    this.log.add(record, instrument);
    return { execution: { ...record.execution }, commission: { ...record.commission } };
  }

  private reject(orderId: number, rejection: SimRejection): PlaceResult {
    this.emit({ type: 'orderRejected', orderId, rejection });
    return { ok: false, rejection };
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
