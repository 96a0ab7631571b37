import { ModeBanner } from './components/mode-banner';
import { StatusBar } from './components/status-bar';
import { useSessionStore } from './stores/session-store';

export function App() {
  const session = useSessionStore((s) => s.session);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Gatehouse</h1>
        {session && <ModeBanner mode={session.mode} readOnly={session.readOnly} />}
      </header>
      <main className="workspace" aria-label="Workspace">
        <section className="panel" aria-label="Accounts">
          <h2>Accounts</h2>
          <p className="empty">
            {session?.state === 'connected'
              ? 'Loading accounts…'
              : 'Waiting for IB Gateway. Accounts appear here once connected.'}
          </p>
        </section>
      </main>
      <StatusBar />
    </div>
  );
}
