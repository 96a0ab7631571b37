import type { IBApiNext } from '@stoqey/ib';
import { AppError } from '../../shared/result';
import type { SessionState, TradingMode } from '../../shared/session';
import type { IbConnection } from '../gateway/ib-connection';
import { DEFAULT_TIMEOUTS, type ReadTimeouts } from './gateway-reader';
import type { OrderAudit } from './order-audit';
import type { OrderIds } from './order-ids';
import type { OrderTracker } from './order-tracker';
import { reconcileOnConnect } from './reconcile-on-connect';

export interface OrderConnectionOptions {
  session: { current(): SessionState; readonly ib: IbConnection | null };
  tracker: OrderTracker;
  audit: OrderAudit;
  ids: Pick<OrderIds, 'connectionLost'>;
  mode: () => TradingMode;
  now: () => number;
  timeouts?: ReadTimeouts;
  logError(message: string, error: unknown): void;
}

const UP_STATES = new Set<SessionState['state']>(['connected', 'degraded']);

/**
 * The connection orders are checked and sent on: up only while the session is connected or degraded,
 * and ready to send only once its open orders have been reconciled after each (re)connect.
 */
export class OrderConnection {
  /** Open orders are re-read after every (re)connect before anything new is sent. */
  private reconciled: Promise<void> | null = null;
  private wasUp = false;

  constructor(private readonly options: OrderConnectionOptions) {}

  onSession(state: SessionState): void {
    const up = UP_STATES.has(state.state);
    if (up && !this.wasUp) {
      const api = this.options.session.ib?.api;
      const { tracker, audit, mode, now, logError } = this.options;
      this.reconciled = api
        ? reconcileOnConnect(api, { tracker, audit, mode, now, timeouts: this.timeouts(), logError })
        : null;
    }
    if (!up) {
      this.reconciled = null;
      this.options.ids.connectionLost();
    }
    this.wasUp = up;
  }

  /** The connection, or 'unavailable' when the session is not up. */
  current(): IbConnection {
    const state = this.options.session.current();
    const connection = this.options.session.ib;
    if (!connection || !UP_STATES.has(state.state)) {
      throw new AppError('unavailable', 'Not connected to IB Gateway: orders cannot be checked or sent until it is.');
    }
    return connection;
  }

  /** The connection to send on, once this connection's open orders have been reconciled. */
  async readyToSend(): Promise<IBApiNext> {
    if (this.reconciled === null) this.current();
    await this.reconciled;
    return this.current().api;
  }

  timeouts(): ReadTimeouts {
    return this.options.timeouts ?? DEFAULT_TIMEOUTS;
  }
}
