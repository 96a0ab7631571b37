import { lazy, Suspense } from 'react';
import { useActivityPing } from './activity-ping';
import { AfterFirstAccounts } from './components/after-first-accounts';
import { AccountsWorkspace } from './components/accounts/accounts-workspace';
import { ModeBanner } from './components/mode-banner';
import { ModeSwitcher } from './components/mode-switcher';
import { Notices } from './components/notices';
import { ReadOnlySwitch } from './components/read-only-switch';
import { SettingsButton } from './components/settings-button';
import { StatusBar } from './components/status-bar';
import { TradingBanner } from './components/trading-banner';
import { AllocationDialog } from './components/orders/allocation-dialog';
import { ConfirmOrderDialog } from './components/orders/confirm-order-dialog';
import { KillSwitchBanner, KillSwitchButton } from './components/orders/kill-switch';
import { OrderStatusList } from './components/orders/order-status-list';
import { OrderTicket } from './components/orders/order-ticket';
import { useTicketHotkey } from './components/orders/ticket-hotkey';
import { useSessionStore } from './stores/session-store';

// Loaded after the first positions are painted: the chart library and the audit reader are not needed
// to see the accounts, and every byte before them is parsed before them.
const MarketPanel = lazy(() => import('./components/market/market-panel').then((m) => ({ default: m.MarketPanel })));
const AlertsPanel = lazy(() => import('./components/alerts/alerts-panel').then((m) => ({ default: m.AlertsPanel })));
const WindowExtras = lazy(() =>
  import('./components/notifications/window-extras').then((m) => ({ default: m.WindowExtras })),
);
const ChainPanel = lazy(() => import('./components/options/chain-panel').then((m) => ({ default: m.ChainPanel })));
const AuditPanel = lazy(() => import('./components/orders/audit-panel').then((m) => ({ default: m.AuditPanel })));

export function App() {
  useActivityPing();
  useTicketHotkey();
  const session = useSessionStore((s) => s.session);
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
        <OrderTicket />
        <ConfirmOrderDialog />
        <AllocationDialog />
        <AccountsWorkspace />
        <AfterFirstAccounts>
          <Suspense>
            <MarketPanel />
            <ChainPanel />
          </Suspense>
          <OrderStatusList />
          <Suspense>
            <AuditPanel />
            <AlertsPanel />
            <WindowExtras />
          </Suspense>
        </AfterFirstAccounts>
      </main>
      <StatusBar />
    </div>
  );
}
