import { ModeBanner } from './components/mode-banner';
import { ModeSwitcher } from './components/mode-switcher';
import { Notices } from './components/notices';
import { ReadOnlySwitch } from './components/read-only-switch';
import { StatusBar } from './components/status-bar';
import { TradingBanner } from './components/trading-banner';
import { useSessionStore } from './stores/session-store';

export function App() {
  const session = useSessionStore((s) => s.session);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Gatehouse</h1>
        {session && <ModeBanner mode={session.mode} readOnly={session.readOnly} />}
        <div className="header-controls">
          <ModeSwitcher />
          <ReadOnlySwitch />
        </div>
      </header>
      <div className="banners">
        <TradingBanner />
        <Notices />
      </div>
      <main className="workspace" aria-label="Workspace">
        <section className="panel" aria-label="Accounts">
          <h2>Accounts</h2>
          <p className="empty">
            {session?.state === 'connected' || session?.state === 'degraded'
              ? `${session.accounts.length} linked accounts: ${session.accounts.join(', ')}`
              : 'Waiting for IB Gateway. Accounts appear here once connected.'}
          </p>
        </section>
      </main>
      <StatusBar />
    </div>
  );
}
