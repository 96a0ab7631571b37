import type { Clock } from '../clock';

export interface AckWindowOptions {
  /** Batches that may be out unacknowledged at once. */
  capacity: number;
  /** How long one batch may stay unacknowledged before its place is given back (a closed or reloaded page). */
  timeoutMs: number;
  scheduler: Clock;
  /** There is room again after the window was full: the next batch may go. */
  onRoom: () => void;
}

/**
 * The batches a renderer holds unacknowledged, as a sliding window. Each batch's place is given back by its
 * acknowledgement or, failing that, `timeoutMs` after it was sent: a page that closed or reloaded with
 * batches in flight never acknowledges them, and its places must not stay taken from the page after it.
 * (Timing out from the latest batch instead, as this once did, never fires while batches flow: one lost
 * acknowledgement then halved the window for good, and quotes reached a reloaded page at a quarter the rate.)
 */
export class AckWindow {
  /** seq → when it was sent; Map order is send order, so the first entry is the oldest. */
  private readonly out = new Map<number, number>();
  private full = false;
  private timer: { handle: unknown } | null = null;

  constructor(private readonly options: AckWindowOptions) {}

  /** Records a sent batch; true when there is still room for another. */
  sent(seq: number): boolean {
    this.out.set(seq, this.options.scheduler.now());
    if (this.timer === null) this.schedule();
    this.full = this.out.size >= this.options.capacity;
    return !this.full;
  }

  acknowledged(seq: number): void {
    if (!this.out.delete(seq)) return;
    this.freed();
  }

  dispose(): void {
    this.cancel();
    this.out.clear();
  }

  private freed(): void {
    if (!this.full || this.out.size >= this.options.capacity) return;
    this.full = false;
    this.options.onRoom();
  }

  /**
   * One timer, for the oldest batch's deadline. An acknowledgement leaves it armed: it then fires early,
   * finds that batch gone and re-arms for the next oldest. So the hot path (a batch and its acknowledgement,
   * about a hundred a second) sets and clears no timers; re-arming it on each cost 0.4 % of a core.
   */
  private schedule(): void {
    this.cancel();
    const oldest = this.out.values().next();
    if (oldest.done) return;
    const { scheduler, timeoutMs } = this.options;
    const delay = Math.max(0, oldest.value + timeoutMs - scheduler.now());
    this.timer = { handle: scheduler.setTimeout(() => this.expire(), delay) };
  }

  private expire(): void {
    this.timer = null;
    const cutoff = this.options.scheduler.now() - this.options.timeoutMs;
    for (const [seq, sentAt] of this.out) {
      if (sentAt > cutoff) break;
      this.out.delete(seq);
    }
    this.schedule();
    this.freed();
  }

  private cancel(): void {
    if (this.timer !== null) this.options.scheduler.clearTimeout(this.timer.handle);
    this.timer = null;
  }
}
