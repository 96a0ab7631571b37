import type { IBApiNext } from '@stoqey/ib';
import { AppError } from '../../shared/result';

/**
 * Order ids: the gateway's next valid id, read once per connection and then counted up here (IBKR's
 * ids only need to increase per client), never below one this process (or today's audit log) used.
 */
export class OrderIds {
  private last = 0;
  /** Whether this connection's next valid id has been read. */
  private fromGateway = false;

  /** An id already used (today's audit log, at start). */
  used(orderId: number): void {
    this.last = Math.max(this.last, orderId);
  }

  /** The connection went down: the next one's valid id is read again before counting on. */
  connectionLost(): void {
    this.fromGateway = false;
  }

  /** Reads this connection's next valid id, once per connection. */
  async ready(api: IBApiNext): Promise<void> {
    if (this.fromGateway) return;
    const fromGateway = await api.getNextValidOrderId();
    if (!(fromGateway > 0)) throw new AppError('unavailable', 'The gateway did not give an order id; try again.');
    this.last = Math.max(fromGateway - 1, this.last);
    this.fromGateway = true;
  }

  /** The next id, without waiting: only once `ready` has resolved on this connection. */
  take(): number {
    if (!this.fromGateway) throw new AppError('unavailable', 'The gateway has not given an order id yet; try again.');
    return ++this.last;
  }

  async next(api: IBApiNext): Promise<number> {
    await this.ready(api);
    return this.take();
  }

  /** n consecutive ids, taken at once so a bracket's legs are numbered in the order they go out. */
  async reserve(api: IBApiNext, n: number): Promise<number[]> {
    const first = await this.next(api);
    return [first, ...Array.from({ length: n - 1 }, () => ++this.last)];
  }
}
