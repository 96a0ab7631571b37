import type { SessionState } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { IbConnection } from '../gateway/ib-connection';
import type { ReadTimeouts } from './gateway-reader';
import type { OrderAudit } from './order-audit';
import type { OrderCounter } from './order-counter';
import type { OrderIds } from './order-ids';
import type { OrderTracker } from './order-tracker';
import type { TicketQuotes } from './ticket-quotes';

/**
 * What the order service's modules (facts, evaluator, previewer, transmitter) share: one of each per
 * service. Each module's options pick the pieces it uses.
 */
export interface OrderPieces {
  session: { current(): SessionState };
  settings: () => Settings;
  /** The connection orders are checked on; throws 'unavailable' when there is none. */
  connection: () => IbConnection;
  timeouts: () => ReadTimeouts;
  now: () => number;
  logError(message: string, error: unknown): void;
  counter: OrderCounter;
  ids: OrderIds;
  tracker: OrderTracker;
  quotes: TicketQuotes;
  audit: Pick<OrderAudit, 'write'>;
}
