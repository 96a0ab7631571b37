import { lazy, Suspense } from 'react';
import { useActivityPing } from './activity-ping';
import { AfterFirstAccounts } from './components/after-first-accounts';
import { ModeBanner } from './components/mode-banner';
import { ModeSwitcher } from './components/mode-switcher';
import { Notices } from './components/notices';
import { ReadOnlySwitch } from './components/read-only-switch';
import { SettingsButton } from './components/settings-button';
import { StatusBar } from './components/status-bar';
import { TradingBanner } from './components/trading-banner';
import { AllocationDialog } from './components/orders/allocation-dialog';
import { BracketDialog } from './components/orders/bracket-dialog';
import { ConfirmOrderDialog } from './components/orders/confirm-order-dialog';
import { KillSwitchBanner, KillSwitchButton } from './components/orders/kill-switch';
import { useTicketHotkey } from './components/orders/ticket-hotkey';
import { useDensityOnRoot } from './components/layout/density';
import { WorkspaceLayout } from './components/layout/workspace-layout';
import { useRollStore } from './stores/roll-store';
import { useSessionStore } from './stores/session-store';

// Loaded after the first positions are painted, like the panes' (workspace-layout).
const WindowExtras = lazy(() =>
  import('./components/notifications/window-extras').then((m) => ({ default: m.WindowExtras })),
);
// Loaded when a roll is first asked for: most sessions never roll.
const RollDialog = lazy(() => import('./components/options/roll-dialog').then((m) => ({ default: m.RollDialog })));

export function App() {
  useActivityPing();
  useTicketHotkey();
  useDensityOnRoot();
  const session = useSessionStore((s) => s.session);
  const rolling = useRollStore((s) => s.position !== null);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Gatehouse</h1>
        {session && <ModeBanner mode={session.mode} readOnly={session.readOnly} />}
        <div className="header-controls">
          <ModeSwitcher />
          <ReadOnlySwitch />
          <SettingsButton />
          <KillSwitchButton />
        </div>
      </header>
      <div className="banners">
        <TradingBanner />
        <KillSwitchBanner />
        <Notices />
      </div>
      <main className="workspace" aria-label="Workspace">
        <ConfirmOrderDialog />
        <AllocationDialog />
        <BracketDialog />
        {rolling && (
          <Suspense>
            <RollDialog />
          </Suspense>
        )}
        <WorkspaceLayout />
        <AfterFirstAccounts>
          <Suspense>
            <WindowExtras />
          </Suspense>
        </AfterFirstAccounts>
      </main>
      <StatusBar />
    </div>
  );
}
