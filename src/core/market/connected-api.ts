import type { IBApiNext } from '@stoqey/ib';
import { AppError } from '../../shared/result';
import type { GatewaySession } from '../gateway/gateway-session';

/** The gateway's API for a request, or a refusal saying what waits for IB Gateway. */
export function connectedApi(session: GatewaySession, doing: string): IBApiNext {
  const state = session.current().state;
  const connection = session.ib;
  if (connection === null || (state !== 'connected' && state !== 'degraded')) {
    throw new AppError('unavailable', `${doing} needs IB Gateway, and it is not connected right now.`);
  }
  return connection.api;
}
