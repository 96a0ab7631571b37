import { useEffect, useState } from 'react';
import { describeSession } from '../../../shared/session-view';
import { useSessionStore } from '../stores/session-store';

/** The same facts as the tray tooltip, always visible at the bottom of the window. */
export function StatusBar() {
  const { session, error } = useSessionStore();
  const now = useNow(1000);

  if (error) {
    return (
      <footer className="status-bar tone-down" role="status" aria-label="Connection status">
        Gatehouse could not read the session: {error.message}
      </footer>
    );
  }
  if (!session) {
    return (
      <footer className="status-bar" role="status" aria-label="Connection status">
        Starting…
      </footer>
    );
  }
  const view = describeSession(session, now);
  return (
    <footer className={`status-bar tone-${view.tone}`} role="status" aria-label="Connection status">
      <span className="status-state">{view.stateLabel}</span>
      <span>{view.modeLabel}</span>
      <span>{view.accountsLabel}</span>
      <span>{view.heartbeatLabel}</span>
      {session.serverVersion !== null && <span>server v{session.serverVersion}</span>}
      {session.clientId !== null && <span>client {session.clientId}</span>}
      <span className="status-detail">{session.lastError?.message ?? session.detail}</span>
    </footer>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
