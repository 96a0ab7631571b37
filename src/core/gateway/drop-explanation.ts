import type { SessionState } from '../../shared/session';

/** A 1100 this recent before the socket closes points at the gateway going away, not the network. */
export const UPSTREAM_LOSS_WINDOW_MS = 120_000;

export interface DropContext {
  host: string;
  port: number | null;
  /** The socket was up (handshake done) when it closed; false: a connection attempt failed. */
  wasUp: boolean;
  /** An earlier up socket closed and none has come up since. */
  droppedSinceUp: boolean;
  lastError: SessionState['lastError'];
  now: number;
}

const RESTART =
  "most likely IB Gateway's daily restart (or its auto-logoff). Gatehouse keeps trying and reconnects when it is back";

/**
 * Why the socket closed, in words a person understands. IB Gateway restarts once a day (and TWS logs
 * off) at a time set in its Lock and Exit settings: it may say 1100 and then closes the socket, and for
 * a minute or so accepts no connection. Either sign — a close right after 1100, or a refused reconnect
 * right after a close — is explained as that restart rather than as a fault.
 */
export function explainDrop(context: DropContext): string {
  const { host, port, wasUp, droppedSinceUp, lastError, now } = context;
  const where = `${host}:${port ?? '?'}`;
  if (wasUp) {
    const upstreamLost =
      lastError !== null &&
      (lastError.ibCode === 1100 || lastError.ibCode === 2110) &&
      now - lastError.at <= UPSTREAM_LOSS_WINDOW_MS;
    return upstreamLost
      ? `IB Gateway closed the connection right after losing IBKR: ${RESTART}.`
      : `The connection to ${where} was lost.`;
  }
  if (droppedSinceUp)
    return `IB Gateway at ${where} closed the connection and is not accepting new ones yet: ${RESTART}.`;
  return `Could not connect to ${where}: is IB Gateway running there with the API enabled?`;
}
