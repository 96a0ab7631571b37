import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { ApiError } from '../../../shared/result';
import type { SessionState } from '../../../shared/session';

interface SessionSlice {
  session: SessionState | null;
  /** Why the session could not be read, when it could not. */
  error: ApiError | null;
}

export const useSessionStore = create<SessionSlice>(() => ({ session: null, error: null }));

/** Subscribes before asking, so no state published between the two is missed. */
export function startSessionFeed(api: GatehouseApi): () => void {
  const stop = api.on('session.state', (session) => useSessionStore.setState({ session, error: null }));
  void api.session.status().then((result) => {
    useSessionStore.setState(result.ok ? { session: result.value, error: null } : { error: result.error });
  });
  return stop;
}
