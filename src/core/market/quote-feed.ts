import {
  ConnectionState,
  IBApiNextError,
  MarketDataType as IbMarketDataType,
  type Contract,
  type MarketDataTicks,
} from '@stoqey/ib';
import { distinctUntilChanged, type Subscription } from 'rxjs';
import type { Listing, MarketDataType } from '../../shared/market';
import type { IbConnection } from '../gateway/ib-connection';
import type { Logger } from '../log';
import { classifyMarketDataError } from './market-data-errors';

/** Where the feed delivers what the gateway says about each instrument. */
export interface QuoteFeedSink {
  /** The hot path: one call per tick. */
  tick(conId: number, tickType: number, value: number): void;
  marketDataType(conId: number, type: MarketDataType): void;
  /** A sentence for the person when an instrument has no (or only partial) prices; null when that is over. */
  problem(conId: number, message: string | null): void;
}

/** Shortable shares (ticks 46 and 89), which the order rules need for short sales. */
const GENERIC_TICKS = '236';
/** An option's volume (100) and open interest (101); its greeks come with every option line. */
const OPTION_GENERIC_TICKS = '100,101';
/** IBApiNext's own tick ids (its split of tickOptionComputation) start here. */
const API_NEXT_FIRST_TICK_ID = 10_000;
/** IBKR says nothing when a competing session ends, so a line it refused with 10197 is asked for again. */
export const COMPETING_SESSION_RETRY_MS = 10_000;

interface Line {
  listing: Listing;
  subscription: Subscription | null;
  /** Whether delayed data had been asked for when this line's request went out. */
  askedDelayed: boolean;
  /** A problem was reported for this line: the next tick clears it. */
  troubled: boolean;
  retry: ReturnType<typeof setTimeout> | null;
}

export function contractOf(listing: Listing): Contract {
  return {
    conId: listing.conId,
    symbol: listing.symbol,
    secType: listing.secType as Contract['secType'],
    exchange: listing.exchange,
    currency: listing.currency,
  };
}

/**
 * One IBApiNext market data subscription per instrument on the current connection. The pool decides which
 * instruments are watched; this class keeps them streaming: after a new connection (mode switch) it
 * subscribes again, after a reconnect of the same connection IBApiNext re-sends the live ones and this
 * restarts those the gateway had ended with an error. "No subscription" errors fall back to delayed data.
 */
export class QuoteFeed {
  private readonly lines = new Map<number, Line>();
  private connection: IbConnection | null = null;
  private stateSubscription: Subscription | null = null;
  /** reqMarketDataType(3) holds for one socket; a reconnect starts live again. */
  private delayedRequested = false;

  constructor(
    private readonly sink: QuoteFeedSink,
    private readonly logger: Logger,
    private readonly competingRetryMs = COMPETING_SESSION_RETRY_MS,
  ) {}

  attach(connection: IbConnection | null): void {
    this.stateSubscription?.unsubscribe();
    for (const line of this.lines.values()) this.unsubscribe(line);
    this.connection = connection;
    this.delayedRequested = false;
    if (connection === null) return;
    let wasDown = false;
    this.stateSubscription = connection.api.connectionState.pipe(distinctUntilChanged()).subscribe((state) => {
      if (state === ConnectionState.Disconnected) {
        wasDown = true;
        this.delayedRequested = false;
      } else if (state === ConnectionState.Connected && wasDown) {
        wasDown = false;
        for (const line of this.lines.values()) if (line.subscription === null) this.subscribe(line);
      }
    });
    for (const line of this.lines.values()) this.subscribe(line);
  }

  start(listing: Listing): void {
    if (this.lines.has(listing.conId)) return;
    const line: Line = { listing, subscription: null, askedDelayed: false, troubled: false, retry: null };
    this.lines.set(listing.conId, line);
    this.subscribe(line);
  }

  stop(conId: number): void {
    const line = this.lines.get(conId);
    if (line === undefined) return;
    this.lines.delete(conId);
    this.unsubscribe(line);
  }

  dispose(): void {
    this.stateSubscription?.unsubscribe();
    for (const line of this.lines.values()) this.unsubscribe(line);
    this.lines.clear();
    this.connection = null;
  }

  private subscribe(line: Line): void {
    const api = this.connection?.api;
    if (api === undefined) return;
    const { conId } = line.listing;
    line.askedDelayed = this.delayedRequested;
    const generic = line.listing.secType === 'OPT' ? OPTION_GENERIC_TICKS : GENERIC_TICKS;
    line.subscription = api.getMarketData(contractOf(line.listing), generic, false, false).subscribe({
      next: (update) => {
        // IBApiNext reports a type as `added` the first time it arrives and `changed` after. One tick is one
        // update, but an option computation is several at once, and can hold both new and known types.
        const { added, changed } = update;
        if (added === undefined && changed === undefined) return;
        if (line.troubled) {
          line.troubled = false;
          this.sink.problem(conId, null);
        }
        if (added !== undefined) this.deliver(conId, added);
        if (changed !== undefined) this.deliver(conId, changed);
      },
      error: (error: unknown) => this.onError(line, error),
    });
  }

  private deliver(conId: number, ticks: MarketDataTicks): void {
    // IB's "none" is -1 for its own ticks; a greek of -1 is real, so an uncomputed one passes as NaN.
    for (const [tickType, tick] of ticks)
      this.sink.tick(conId, tickType, Number(tick.value ?? (tickType >= API_NEXT_FIRST_TICK_ID ? NaN : -1)));
  }

  private unsubscribe(line: Line): void {
    if (line.retry !== null) clearTimeout(line.retry);
    line.retry = null;
    line.subscription?.unsubscribe();
    line.subscription = null;
  }

  private onError(line: Line, error: unknown): void {
    line.subscription = null;
    if (this.lines.get(line.listing.conId) !== line) return;
    const { conId, symbol } = line.listing;
    const code = error instanceof IBApiNextError ? error.code : -1;
    const text = error instanceof Error ? error.message : String(error);
    // Lines requested together all hear 354; each falls back once, whoever asked for delayed data first.
    const classified = classifyMarketDataError(code, text, { delayedRequested: line.askedDelayed });
    this.logger.log('info', `market data for ${symbol} (${conId}): IB ${code} ${text} → ${classified.kind}`);
    if (classified.kind === 'delayed-fallback') {
      if (!this.delayedRequested) this.connection?.api.setMarketDataType(IbMarketDataType.DELAYED);
      this.delayedRequested = true;
      this.sink.marketDataType(conId, 'delayed');
      this.sink.problem(conId, null);
      // IBApiNext forgets the failed request only after this callback; asking now would rejoin it.
      queueMicrotask(() => {
        if (this.lines.get(conId) === line && line.subscription === null) this.subscribe(line);
      });
      return;
    }
    line.troubled = true;
    this.sink.problem(conId, classified.message);
    if (classified.kind === 'competing-session') {
      line.retry = setTimeout(() => {
        line.retry = null;
        if (this.lines.get(conId) === line && line.subscription === null) this.subscribe(line);
      }, this.competingRetryMs);
    }
  }
}
