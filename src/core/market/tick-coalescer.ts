import type { MarketDataType, Quote, QuoteBatch } from '../../shared/market';
import { applyTick, initialQuote, withMarketDataType } from './quote-state';
import { systemClock, type Clock } from '../clock';

export interface TickCoalescerOptions {
  /** The one consumer. It must call `ready()` once it has taken a batch; see TickCoalescer. */
  onBatch: (batch: QuoteBatch) => void;
  /** The batching window; the market service chooses it (DEFAULT_FLUSH_MS there). */
  flushEveryMs: number;
  scheduler?: Clock;
}

export interface CoalescerStats {
  ticksReceived: number;
  batchesSent: number;
  /** The most instruments ever waiting for one batch; bounded by the instruments tracked. */
  maxPending: number;
}

/**
 * Folds ticks per instrument into the latest quote and hands the consumer at most one batch per window.
 *
 * Backpressure is an acknowledgement: after each batch nothing more is sent until the consumer calls
 * `ready()` (for the renderer: after it has applied the batch). Meanwhile ticks keep folding into the one
 * pending entry per instrument, so a stalled consumer costs one quote per tracked instrument, never a queue.
 * Ticks for instruments not tracked are dropped: after a cancel, the gateway may still send a few.
 */
export class TickCoalescer {
  private readonly onBatch: (batch: QuoteBatch) => void;
  private readonly flushEveryMs: number;
  private readonly scheduler: Clock;
  private readonly quotes = new Map<number, Quote>();
  /** The latest quote of each instrument changed since the last batch: the next batch, being built. */
  private readonly pending = new Map<number, Quote>();
  /** Instruments whose pending quote nobody outside holds yet: ticks are written into it, not copied. */
  private readonly drafts = new Set<number>();
  private pendingSince = 0;
  private lastFlushAt = -Infinity;
  private awaitingAck = false;
  private windowsMissed = 0;
  private timer: { handle: unknown } | null = null;
  private seq = 0;
  private disposed = false;
  private readonly counters: CoalescerStats = { ticksReceived: 0, batchesSent: 0, maxPending: 0 };

  constructor(options: TickCoalescerOptions) {
    const { flushEveryMs } = options;
    if (!(flushEveryMs > 0 && Number.isFinite(flushEveryMs))) {
      throw new RangeError(`flushEveryMs must be a positive number of milliseconds, not ${flushEveryMs}`);
    }
    this.onBatch = options.onBatch;
    this.flushEveryMs = flushEveryMs;
    this.scheduler = options.scheduler ?? systemClock;
  }

  /** Starts keeping a quote for the instrument; a second call keeps the state it already has. */
  track(conId: number, symbol: string, marketDataType: MarketDataType = 'live', isOption = false): void {
    if (this.disposed || this.quotes.has(conId)) return;
    this.quotes.set(conId, initialQuote(conId, symbol, marketDataType, this.scheduler.now(), isOption));
  }

  untrack(conId: number): void {
    this.quotes.delete(conId);
    this.pending.delete(conId);
    this.drafts.delete(conId);
  }

  /** The hot path: called for every tick the gateway sends. */
  push(conId: number, tickType: number, value: number): void {
    this.counters.ticksReceived++;
    const quote = this.quotes.get(conId);
    if (quote === undefined) return;
    const now = this.scheduler.now();
    const tick = { tickType, value, receivedAt: now };
    // A draft is pending already: written into, it needs no update.
    const draft = this.drafts.has(conId);
    const next = applyTick(quote, tick, draft);
    if (next === quote) return;
    this.update(conId, next, now);
    this.drafts.add(conId);
  }

  /** IB's marketDataType message for the instrument's request (e.g. delayed after a fallback). */
  setMarketDataType(conId: number, marketDataType: MarketDataType): void {
    const quote = this.quotes.get(conId);
    if (quote === undefined) return;
    const next = withMarketDataType(quote, marketDataType);
    if (next !== quote) this.update(conId, next, this.scheduler.now());
  }

  /** The consumer has taken the previous batch; whatever has changed since goes out in the next window. */
  ready(): void {
    if (!this.awaitingAck) return;
    this.awaitingAck = false;
    if (this.pending.size === 0) return;
    const dueAt = Math.max(this.pendingSince, this.lastFlushAt + this.flushEveryMs);
    this.windowsMissed = Math.max(0, Math.floor((this.scheduler.now() - dueAt) / this.flushEveryMs));
    this.schedule();
  }

  latest(conId: number): Quote | undefined {
    // Handed out: the next tick copies it rather than changing it under its holder.
    this.drafts.delete(conId);
    return this.quotes.get(conId);
  }

  stats(): CoalescerStats {
    return { ...this.counters };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer.handle);
    this.timer = null;
    this.quotes.clear();
    this.pending.clear();
    this.drafts.clear();
  }

  private update(conId: number, quote: Quote, now: number): void {
    this.quotes.set(conId, quote);
    if (this.pending.size === 0) this.pendingSince = now;
    this.pending.set(conId, quote);
    if (this.pending.size > this.counters.maxPending) this.counters.maxPending = this.pending.size;
    if (!this.awaitingAck) this.schedule();
  }

  /** A timer at the start of the next window; a delay of 0 still lets the rest of a socket read fold in. */
  private schedule(): void {
    if (this.timer !== null) return;
    const delay = Math.max(0, this.lastFlushAt + this.flushEveryMs - this.scheduler.now());
    this.timer = { handle: this.scheduler.setTimeout(() => this.flush(), delay) };
  }

  private flush(): void {
    this.timer = null;
    // Untracking can empty the pending map after the timer was set; an empty batch would only cost an ack.
    if (this.pending.size === 0) return;
    const batch: QuoteBatch = { quotes: [...this.pending.values()], seq: ++this.seq };
    this.pending.clear();
    this.drafts.clear();
    if (this.windowsMissed > 0) batch.dropped = this.windowsMissed;
    this.windowsMissed = 0;
    this.lastFlushAt = this.scheduler.now();
    this.awaitingAck = true;
    this.counters.batchesSent++;
    this.onBatch(batch);
  }
}
