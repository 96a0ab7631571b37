import type { IBApi } from '@stoqey/ib';

/**
 * IBKR accepts at most 50 messages a second from an API client, all messages combined (TWS API "Order
 * Limitations"); ib_async throttles to 45 in any one second, and so does this, leaving the same margin.
 */
export const MESSAGES_PER_SECOND = 45;
const WINDOW_MS = 1_000;
/** Reads leave the rest of each second to orders, so a burst of previews and book reads cannot hold one up. */
export const READS_PER_SECOND = 30;

/** placeOrder, cancelOrder and reqGlobalCancel: a person is waiting on these, not on a periodic read. */
const ORDER_MESSAGES = new Set([3, 4, 58]);

export interface PacerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): void;
}

const systemClock: PacerClock = { now: () => performance.now(), setTimeout: (run, ms) => void setTimeout(run, ms) };

const messageId = (tokens: unknown[]) => Number(tokens.flat(Infinity)[0]);

/**
 * Sends requests at most `perSecond` in any one second, orders before anything else waiting, and reads at
 * most `readsPerSecond` of them, so orders always find room. @stoqey/ib's own pacer lets 4 out per tenth
 * of a second in arrival order: the children of an allocation queued behind the preview's and the
 * open-orders book's reads and left a tenth of a second apart, though IBKR's limit is per second and the
 * gateway acknowledges each order on its own. Requests of one kind keep their order.
 */
export class RequestPacer {
  /** When each request of the last second left, and whether it was an order. */
  private readonly sentAt: { at: number; order: boolean }[] = [];
  private readonly orders: unknown[][] = [];
  private readonly others: unknown[][] = [];
  private waiting = false;

  constructor(
    private readonly send: (tokens: unknown[]) => void,
    private readonly clock: PacerClock = systemClock,
    private readonly perSecond = MESSAGES_PER_SECOND,
    private readonly readsPerSecond = READS_PER_SECOND,
  ) {}

  push(tokens: unknown[]): void {
    (ORDER_MESSAGES.has(messageId(tokens)) ? this.orders : this.others).push(tokens);
    this.drain();
  }

  private drain(): void {
    const now = this.clock.now();
    while (this.sentAt.length > 0 && (this.sentAt[0]?.at ?? 0) <= now - WINDOW_MS) this.sentAt.shift();
    let reads = this.sentAt.filter((s) => !s.order).length;
    while (this.sentAt.length < this.perSecond) {
      const order = this.orders.length > 0;
      if (!order && (this.others.length === 0 || reads >= this.readsPerSecond)) break;
      const next = order ? this.orders.shift() : this.others.shift();
      if (next === undefined) break;
      if (!order) reads++;
      this.sentAt.push({ at: now, order });
      this.send(next);
    }
    if (this.waiting || this.orders.length + this.others.length === 0) return;
    this.waiting = true;
    this.clock.setTimeout(
      () => {
        this.waiting = false;
        this.drain();
      },
      (this.sentAt[0]?.at ?? now) + WINDOW_MS - now,
    );
  }
}

/**
 * Puts a RequestPacer in place of @stoqey/ib's (its controller's rateLimiter, private in the typings); it
 * sends through the controller's socket as found at send time, so a wrapper installed later still applies.
 */
export function paceRequests(raw: IBApi, clock?: PacerClock): void {
  const controller = (raw as unknown as { controller?: { rateLimiter?: unknown; socket?: { send?: unknown } } })
    .controller;
  if (typeof controller?.rateLimiter !== 'function' || typeof controller.socket?.send !== 'function') {
    throw new Error(
      '@stoqey/ib changed: its controller no longer sends through rateLimiter → socket.send; update src/core/gateway/request-pacer.ts',
    );
  }
  const socket = controller.socket as { send(tokens: unknown[]): void };
  const pacer = new RequestPacer((tokens) => socket.send(tokens), clock);
  controller.rateLimiter = (tokens: unknown[]) => pacer.push(tokens);
}
