import { ConnectionState, EventName, IBApiNext, type IBApi } from '@stoqey/ib';
import { distinctUntilChanged, skip, type Subscription } from 'rxjs';
import { fenceQueuedRequests } from './request-fence';

export interface IbConnectionEvents {
  /** The socket finished the handshake (true) or closed (false). */
  onSocket(up: boolean): void;
  /** A gateway message not tied to a request (IB sends these with id -1): 1100, 2104, 10197… */
  onNotice(code: number, text: string): void;
  /** An error tied to a request or the connection, e.g. 326 or 502. */
  onError(code: number, text: string, reqId: number): void;
  /** A request queued for a socket that has since closed was dropped, not sent on the next socket. */
  onStaleRequest(messageId: number | null): void;
}

/** The part of a connection the session drives; the real one wraps IBApiNext, tests may fake it. */
export interface IbConnection {
  readonly api: IBApiNext;
  connect(clientId: number): void;
  disconnect(): void;
  serverVersion(): number | null;
  currentTime(): Promise<number>;
  managedAccounts(): Promise<string[]>;
  dispose(): void;
}

/**
 * One IBApiNext for one gateway endpoint, kept across reconnects so its subscriptions re-send their
 * requests on every reconnect. IBApiNext hides two things the session needs — the gateway's id -1
 * messages and the server version — so this reaches its underlying IBApi (a documented runtime
 * field, private only in the typings) and replaces IBApiNext's own info handler, which would close the
 * socket on 1100: IBKR keeps the socket open through 1100 and then says 1101 or 1102.
 */
export function createIbConnection(host: string, port: number, events: IbConnectionEvents): IbConnection {
  // No IBApiNext auto-reconnect and no watchdog: the session owns liveness and backoff.
  const api = new IBApiNext({ host, port, reconnectInterval: 0, connectionWatchdogInterval: 0, logger: silentLogger });
  const raw = (api as unknown as { api?: IBApi }).api;
  if (!raw || typeof raw.on !== 'function') {
    throw new Error(
      '@stoqey/ib changed: IBApiNext no longer exposes its IBApi; update src/core/gateway/ib-connection.ts',
    );
  }
  separateRequestIds(api);
  raw.removeAllListeners(EventName.info);
  raw.on(EventName.info, (text: string, code: number) => events.onNotice(code, text));
  fenceQueuedRequests(raw, (messageId) => events.onStaleRequest(messageId));

  const subscriptions: Subscription[] = [
    // connectionState replays its current value on subscribe: only transitions are news.
    api.connectionState.pipe(distinctUntilChanged(), skip(1)).subscribe((state) => {
      if (state === ConnectionState.Connected) events.onSocket(true);
      else if (state === ConnectionState.Disconnected) events.onSocket(false);
    }),
    api.error.subscribe((error) => events.onError(error.code, error.error.message, error.reqId)),
  ];

  return {
    api,
    connect: (clientId) => void api.connect(clientId),
    disconnect: () => void api.disconnect(),
    serverVersion: () => (raw.isConnected ? raw.serverVersion : null),
    currentTime: () => api.getCurrentTime(),
    managedAccounts: () => api.getManagedAccounts(),
    dispose() {
      for (const s of subscriptions) s.unsubscribe();
      api.disconnect();
    },
  };
}

/**
 * IBApiNext numbers its requests from 1 and hands an error to the subscription whose request id equals
 * the error's id; IBKR reports an order's errors under the order id, counted from small numbers too.
 * A refused order 7 (201, 321) would then end subscription 7, the account summary or a quote line, for
 * the rest of the connection. IBKR's order ids stay far below 2^30, so requests are numbered from there.
 */
export const FIRST_REQUEST_ID = 2 ** 30;

function separateRequestIds(api: IBApiNext): void {
  const counter = api as unknown as { _nextReqId?: unknown };
  if (typeof counter._nextReqId !== 'number') {
    throw new Error(
      '@stoqey/ib changed: IBApiNext no longer numbers requests in _nextReqId; update src/core/gateway/ib-connection.ts',
    );
  }
  counter._nextReqId = Math.max(counter._nextReqId, FIRST_REQUEST_ID);
}

const ignore = () => {};
/** IBApiNext logs to the console by default; the session reports what matters through its own logger. */
const silentLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
