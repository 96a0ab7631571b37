import { applyFill, settle, type AccountBook, type Fill } from './account-book';
import { accountSummary, assessAccount } from './account-risk';
import { findInstruments, matchSymbols } from './contract-search';
import { executionOf, ExecutionLog, type ExecutionFilter, type ExecutionRecord } from './executions';
import { historicalBars, type BarRequest } from './history';
import { buildCatalog, type Listing } from './instruments';
import { ComboDesk } from './combo-desk';
import { OptionDesk } from './option-desk';
import { OrderDesk } from './order-desk';
import { OrderEngine } from './order-engine';
import type { Market } from './order-evaluation';
import { pnlOf, pnlSingleOf, positionsOf } from './portfolio';
import { PriceWalk } from './price-walk';
import { mixSeed, mulberry32 } from './random';
import { openingBooks } from './starting-book';
import { createValuer, type Valuer } from './valuer';
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
  private readonly orders: OrderDesk;
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
    const engine = new OrderEngine(
      {
        quote: (conId) => this.walk.quote(conId),
        execute: (order, quantity, price, commission) => this.execute(order, quantity, price, commission),
        emit: (event) => this.emit(event),
        now: () => this.now(),
      },
      FIRST_PERM_ID,
    );
    const combos = new ComboDesk({
      instrument: (conId) => this.instrument(conId),
      quote: (conId) => this.walk.quote(conId),
      executeLeg: (order, fill) => this.record(order, fill, fill.quantity, fill.price),
      nextExecId: () => this.log.nextExecId(),
      nextPermId: () => engine.nextPermId(),
      emit: (event) => this.emit(event),
      now: () => this.now(),
    });
    const market: Market = {
      books: this.books,
      valuer: this.valuer,
      quote: (conId) => this.walk.quote(conId),
      instrument: (conId) => this.instrument(conId),
      resolve: (contract) => this.resolve(contract),
    };
    this.orders = new OrderDesk(market, engine, combos, (event) => this.emit(event));
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
      this.orders.onQuote(tick.conId);
    }
    return ticks;
  }

  /** Moves one named instrument a step, working its open orders after it, as step() does for a chosen one. */
  stepInstrument(conId: number): QuoteTick {
    const tick = this.walk.tickInstrument(conId);
    this.orders.onQuote(tick.conId);
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
    return this.orders.place(request);
  }

  /**
   * The margin and commission impact of an order, with no state change and no events. Orders the account may
   * not place at all are rejected; a cash or margin shortfall comes back as warningText, with the figures.
   */
  whatIf(request: SimOrderRequest): { ok: true; result: WhatIfResult } | { ok: false; rejection: SimRejection } {
    return this.orders.whatIf(request);
  }

  /** Amends an open order's price, quantity or time in force; contract, account, side and type are fixed. */
  modify(request: SimOrderRequest): PlaceResult {
    return this.orders.modify(request);
  }

  cancel(orderId: number): { ok: true } | { ok: false; rejection: SimRejection } {
    return this.orders.cancel(orderId);
  }

  /** reqGlobalCancel: every open order, of every client and account. */
  cancelAll(): void {
    this.orders.cancelAll();
  }

  openOrders(): SimOrder[] {
    return this.orders.list('open');
  }

  /** Filled and cancelled orders, for reqCompletedOrders. */
  completedOrders(): SimOrder[] {
    return this.orders.list('finished');
  }

  /** The lowest order id no order has used: what nextValidId should announce. */
  nextOrderId(): number {
    return this.orders.nextOrderId();
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

  private execute(order: Readonly<SimOrder>, quantity: number, price: number, commission: number): ExecutionRecord {
    const { request, instrument } = order;
    const fill: Fill = { instrument, action: request.action, quantity, price, commission };
    return this.record(order, fill, order.filled, order.avgFillPrice);
  }

  /** Books one fill of an order on its account and logs its execution; cumQty and avgPrice as IBKR reports them. */
  private record(order: Readonly<SimOrder>, fill: Fill, cumQty: number, avgPrice: number): ExecutionRecord {
    const realizedPnl = applyFill(this.book(order.request.account), fill);
    const report = { execId: this.log.nextExecId(), cumQty, avgPrice, time: this.now(), realizedPnl };
    const record = executionOf(order, fill, report);
    this.log.add(record, fill.instrument);
    return { execution: { ...record.execution }, commission: { ...record.commission } };
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
