/** IB Gateway's default number of market data lines; accounts with more commissions or boosters get more. */
export const DEFAULT_MAX_LINES = 100;

export type AcquireResult = { ok: true; first: boolean } | { ok: false; reason: string };

/**
 * Who is watching which instrument, so the watchlist, the order ticket and a chart share one reqMktData
 * per instrument, and the market data lines are counted before the gateway refuses one. The pool does no
 * I/O: the caller starts the real subscription when `acquire` says `first` and cancels it when `release`
 * says it was the last consumer.
 */
export class SubscriptionPool<K> {
  private readonly holders = new Map<K, Set<string>>();
  private readonly held = new Map<string, Set<K>>();
  private limit: number;

  constructor(options: { maxLines?: number } = {}) {
    this.limit = checkedLimit(options.maxLines ?? DEFAULT_MAX_LINES);
  }

  get maxLines(): number {
    return this.limit;
  }

  /** Lowering the limit below the lines in use keeps them; only new instruments are refused. */
  set maxLines(value: number) {
    this.limit = checkedLimit(value);
  }

  /** Lines in use: one per instrument, however many consumers share it. */
  get size(): number {
    return this.holders.size;
  }

  acquire(key: K, consumerId: string): AcquireResult {
    const consumers = this.holders.get(key);
    if (consumers !== undefined) {
      consumers.add(consumerId);
      this.heldBy(consumerId).add(key);
      return { ok: true, first: false };
    }
    if (this.holders.size >= this.limit) {
      return {
        ok: false,
        reason: `Market data lines are full (${this.holders.size} of ${this.limit}). Remove a symbol from the watchlist or close a chart to watch another.`,
      };
    }
    this.holders.set(key, new Set([consumerId]));
    this.heldBy(consumerId).add(key);
    return { ok: true, first: true };
  }

  /** True when this was the instrument's last consumer: the caller cancels the subscription. */
  release(key: K, consumerId: string): boolean {
    const consumers = this.holders.get(key);
    if (consumers === undefined || !consumers.delete(consumerId)) return false;
    const keys = this.held.get(consumerId);
    keys?.delete(key);
    if (keys?.size === 0) this.held.delete(consumerId);
    if (consumers.size > 0) return false;
    this.holders.delete(key);
    return true;
  }

  /** Everything one consumer held (a chart closed, a window gone); returns the keys now unwatched. */
  releaseConsumer(consumerId: string): K[] {
    const keys = [...(this.held.get(consumerId) ?? [])];
    return keys.filter((key) => this.release(key, consumerId));
  }

  keys(): K[] {
    return [...this.holders.keys()];
  }

  consumers(key: K): string[] {
    return [...(this.holders.get(key) ?? [])];
  }

  private heldBy(consumerId: string): Set<K> {
    let keys = this.held.get(consumerId);
    if (keys === undefined) {
      keys = new Set();
      this.held.set(consumerId, keys);
    }
    return keys;
  }
}

function checkedLimit(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`maxLines must be a whole number of at least 1, not ${value}`);
  }
  return value;
}
