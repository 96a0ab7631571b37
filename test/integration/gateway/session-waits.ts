import type { GatewaySession } from '../../../src/core/gateway/gateway-session';
import type { SessionState } from '../../../src/shared/session';

/**
 * Resolves with the first session state (the current one, or one published later) that satisfies the
 * predicate; rejects after `ms` with the last state, so a failing wait says where the session got stuck.
 */
export function untilState(
  session: GatewaySession,
  predicate: (state: SessionState) => boolean,
  what: string,
  ms: number,
): Promise<SessionState> {
  const already = session.current();
  if (predicate(already)) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(session.current())}`));
    }, ms);
    const stop = session.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      queueMicrotask(stop);
      resolve(state);
    });
  });
}
