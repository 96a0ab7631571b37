import type { Bar } from '../../shared/market';
import { LruCache } from './lru-cache';
import { systemClock, type Clock } from '../clock';

/** What makes two reqHistoricalData calls "identical" in IBKR's pacing rules. */
export interface HistoryRequestKey {
  conId: number;
  exchange: string;
  whatToShow: string;
  durationStr: string;
  barSize: string;
  /** '' means "up to now", as IB takes it. */
  endDateTime: string;
  /** Regular trading hours only: different bars, so a different request. */
  useRth?: boolean;
}

/** IBKR's historical data pacing limits (TWS API documentation, "Pacing Violations for Small Bars"). */
export const HISTORY_PACING = {
  identicalWithinMs: 15_000,
  perContract: { max: 5, withinMs: 2_000 },
  overall: { max: 60, withinMs: 600_000 },
} as const;

export const DEFAULT_MAX_WAIT_MS = 10_000;
export const DEFAULT_CACHE_SIZE = 100;

/**
 * - paced: Gatehouse did not send the request because the limits would make it wait longer than it is
 *   willing to; `retryAt` says when it would go through.
 * - pacing-violation: the gateway refused the request (IB error 162 about pacing).
 * - cancelled: the pacer was disposed while the request was waiting.
 */
export type HistoryPacingCode = 'paced' | 'pacing-violation' | 'cancelled';

export class HistoryPacingError extends Error {
  constructor(
    readonly code: HistoryPacingCode,
    message: string,
    /** Epoch ms from which the same request would be allowed; null when unknown. */
    readonly retryAt: number | null = null,
  ) {
    super(message);
    this.name = 'HistoryPacingError';
  }
}

export interface PacingWait {
  /** Epoch ms when the request is expected to be sent. */
  startsAt: number;
  message: string;
}

export interface HistoryPacerOptions {
  scheduler?: Clock;
  maxWaitMs?: number;
  cacheSize?: number;
}

type Fetch = () => Promise<Bar[]>;

interface Waiter {
  id: string;
  contract: string;
  fetch: Fetch;
  /** Latest time it may still be sent; past that it is refused rather than left waiting. */
  deadline: number;
  resolve: (bars: Bar[]) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  at: number;
  rule: string;
}

const IDENTICAL_RULE = 'IBKR refuses an identical historical data request within 15 seconds.';
const CONTRACT_RULE = 'IBKR allows at most 5 historical data requests for the same instrument and data in 2 seconds.';
const OVERALL_RULE = 'IBKR allows at most 60 historical data requests in 10 minutes.';

/**
 * Sends reqHistoricalData no faster than IBKR allows, so the gateway never answers with a pacing
 * violation (which can block historical data for minutes). An identical request within 15 s is
 * answered from the cache; one that would break a limit waits until it may go, unless that is more
 * than `maxWaitMs` away, in which case it is refused with the time to try again.
 * Waiting requests are served first come, first served, except that one held back only by its own
 * instrument's limit does not hold up requests for other instruments.
 */
export class HistoryPacer {
  private readonly scheduler: Clock;
  private readonly maxWaitMs: number;
  private readonly cache: LruCache<string, { bars: Bar[]; storedAt: number }>;
  /** Waiting or being fetched: an identical request joins it instead of counting again. */
  private readonly pending = new Map<string, Promise<Bar[]>>();
  private waiting: Waiter[] = [];
  /** Send times within the overall window, oldest first. */
  private readonly sent: number[] = [];
  private readonly sentByContract = new Map<string, number[]>();
  private readonly sentByIdentity = new Map<string, number>();
  private timer: { handle: unknown } | null = null;

  constructor(options: HistoryPacerOptions = {}) {
    this.scheduler = options.scheduler ?? systemClock;
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.cache = new LruCache(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  }

  request(key: HistoryRequestKey, fetch: Fetch, options: { onWait?: (wait: PacingWait) => void } = {}): Promise<Bar[]> {
    const now = this.scheduler.now();
    const id = identityOf(key);
    const cached = this.cache.get(id);
    if (cached !== undefined && now - cached.storedAt < HISTORY_PACING.identicalWithinMs) {
      return Promise.resolve(cached.bars);
    }
    const joined = this.pending.get(id);
    if (joined !== undefined) return joined;

    this.prune(now);
    const contract = contractOf(key);
    const slot = this.earliestSlot(id, contract);
    if (slot.at - now > this.maxWaitMs) return Promise.reject(this.paced(slot, now));
    const promise = new Promise<Bar[]>((resolve, reject) => {
      this.waiting.push({ id, contract, fetch, deadline: now + this.maxWaitMs, resolve, reject });
    });
    this.pending.set(id, promise);
    if (slot.at > now) {
      options.onWait?.({ startsAt: slot.at, message: `${slot.rule} Waiting ${formatWait(slot.at - now)} to ask.` });
    }
    this.pump();
    return promise;
  }

  /** Refuses everything still waiting and stops the timer; requests already sent finish as they will. */
  dispose(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer.handle);
    this.timer = null;
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      this.pending.delete(waiter.id);
      waiter.reject(new HistoryPacingError('cancelled', 'The chart request was cancelled before it was sent.'));
    }
  }

  /** Sends every waiting request the limits now allow, refuses those that can no longer make their deadline. */
  private pump(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer.handle);
    this.timer = null;
    const now = this.scheduler.now();
    this.prune(now);
    let wakeAt = Infinity;
    const stillWaiting: Waiter[] = [];
    for (const waiter of this.waiting) {
      const slot = this.earliestSlot(waiter.id, waiter.contract);
      if (slot.at <= now) {
        this.send(waiter, now);
      } else if (slot.at > waiter.deadline) {
        this.pending.delete(waiter.id);
        waiter.reject(this.paced(slot, now));
      } else {
        stillWaiting.push(waiter);
        wakeAt = Math.min(wakeAt, slot.at);
      }
    }
    this.waiting = stillWaiting;
    if (wakeAt < Infinity) {
      this.timer = { handle: this.scheduler.setTimeout(() => this.pump(), wakeAt - now) };
    }
  }

  private send(waiter: Waiter, now: number): void {
    this.sent.push(now);
    const byContract = this.sentByContract.get(waiter.contract) ?? [];
    byContract.push(now);
    this.sentByContract.set(waiter.contract, byContract);
    this.sentByIdentity.set(waiter.id, now);
    let result: Promise<Bar[]>;
    try {
      result = waiter.fetch();
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (bars) => {
        this.pending.delete(waiter.id);
        this.cache.set(waiter.id, { bars, storedAt: this.scheduler.now() });
        waiter.resolve(bars);
      },
      (error: unknown) => {
        this.pending.delete(waiter.id);
        waiter.reject(pacingViolation(error) ?? error);
      },
    );
  }

  /** The earliest time all three limits allow this request, and the limit that decides it. */
  private earliestSlot(id: string, contract: string): Slot {
    let slot: Slot = { at: -Infinity, rule: '' };
    const consider = (at: number, rule: string) => {
      if (at > slot.at) slot = { at, rule };
    };
    const identical = this.sentByIdentity.get(id);
    if (identical !== undefined) consider(identical + HISTORY_PACING.identicalWithinMs, IDENTICAL_RULE);
    const { perContract, overall } = HISTORY_PACING;
    const byContract = this.sentByContract.get(contract) ?? [];
    if (byContract.length >= perContract.max) {
      consider((byContract[byContract.length - perContract.max] ?? -Infinity) + perContract.withinMs, CONTRACT_RULE);
    }
    if (this.sent.length >= overall.max) {
      consider((this.sent[this.sent.length - overall.max] ?? -Infinity) + overall.withinMs, OVERALL_RULE);
    }
    return slot;
  }

  /** Forgets send times too old to matter, so the records stay as small as the limits. */
  private prune(now: number): void {
    const { identicalWithinMs, perContract, overall } = HISTORY_PACING;
    dropOlder(this.sent, now - overall.withinMs);
    for (const [contract, times] of this.sentByContract) {
      dropOlder(times, now - perContract.withinMs);
      if (times.length === 0) this.sentByContract.delete(contract);
    }
    for (const [id, at] of this.sentByIdentity) {
      if (at <= now - identicalWithinMs) this.sentByIdentity.delete(id);
    }
  }

  private paced(slot: Slot, now: number): HistoryPacingError {
    return new HistoryPacingError(
      'paced',
      `${slot.rule} Gatehouse waits at most ${formatWait(this.maxWaitMs)} for a chart, so it did not ask; try again in ${formatWait(slot.at - now)}.`,
      slot.at,
    );
  }
}

function identityOf(key: HistoryRequestKey): string {
  return JSON.stringify([
    key.conId,
    key.exchange,
    key.whatToShow,
    key.durationStr,
    key.barSize,
    key.endDateTime,
    key.useRth ?? null,
  ]);
}

function contractOf(key: HistoryRequestKey): string {
  return JSON.stringify([key.conId, key.exchange, key.whatToShow]);
}

function dropOlder(times: number[], cutoff: number): void {
  let stale = 0;
  while (stale < times.length && (times[stale] ?? Infinity) <= cutoff) stale++;
  times.splice(0, stale);
}

/** IB error 162 is every historical data error; only its pacing text means "too fast". */
function pacingViolation(error: unknown): HistoryPacingError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 162 || typeof message !== 'string' || !/pacing/i.test(message)) return null;
  return new HistoryPacingError(
    'pacing-violation',
    `IB Gateway refused the chart request for pacing (IB error 162: ${message}). Wait a minute before loading more charts.`,
  );
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return rest === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}
