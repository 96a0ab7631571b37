import type { Clock } from '../clock';

/**
 * Gives each order that leaves a deadline for the gateway's first word about it. When the time passes,
 * `silent` is called once (the tracker then marks the order unanswered if it still is); nothing is ever
 * re-sent: an order the gateway did not acknowledge may still be working at IBKR.
 */
export class OrderWatchdog {
  private readonly timers = new Map<number, unknown>();

  constructor(
    private readonly scheduler: Clock,
    private readonly afterMs: number,
    private readonly silent: (orderId: number) => void,
  ) {}

  /** Starts (or, for a modify of the same id, restarts) the order's deadline. */
  watch(orderId: number): void {
    this.stop(orderId);
    this.timers.set(
      orderId,
      this.scheduler.setTimeout(() => {
        this.timers.delete(orderId);
        this.silent(orderId);
      }, this.afterMs),
    );
  }

  dispose(): void {
    for (const orderId of [...this.timers.keys()]) this.stop(orderId);
  }

  private stop(orderId: number): void {
    const handle = this.timers.get(orderId);
    if (handle === undefined) return;
    this.scheduler.clearTimeout(handle);
    this.timers.delete(orderId);
  }
}
