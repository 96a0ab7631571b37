import type { SessionState, TradingMode } from '../shared/session';
import type { CredentialStore } from './credentials/credential-store';
import { CredentialsService } from './credentials/credentials-service';
import { KnownSecrets } from './credentials/known-secrets';
import { createIbConnection } from './gateway/ib-connection';
import { IbcLauncher } from './gateway/launcher/ibc-launcher';
import { redactingLogger } from './log-redaction';
import { guardIdleLiveTrading } from './session/idle-live-guard';
import { gatewaySettingsHandlers } from './settings/gateway-settings-service';
import { GatewaySession, type DemoGateway, type GatewaySessionOptions } from './gateway/gateway-session';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Handlers, type Router } from './ipc/router';
import type { Logger } from './log';
import { MarketService } from './market/market-service';
import { AccountStreams } from './accounts/account-streams';
import { AccountsService } from './accounts/accounts-service';
import { AuditFile } from './audit/audit-file';
import { OrderAudit } from './orders/order-audit';
import { OrderBookService } from './orders/order-book-service';
import { OrderService } from './orders/order-service';
import { SentOrders } from './orders/working-orders';
import { SettingsStore } from './settings/settings-store';
import { hotkeyHandlers } from './settings/hotkey-settings';
import { AlertService } from './alerts/alert-service';
import { NotificationService } from './notifications/notification-service';
import { HoldingsService } from './holdings/holdings-service';
import { guardExternalOrders } from './holdings/external-order-guard';
import { ExpiryWatch } from './options/expiry-watch';
import { ChainService } from './options/chain-service';
import { IncomeActions } from './options/income-actions';

export interface AppOptions {
  shell: 'electron' | 'harness';
  version: string;
  logger: Logger;
  /** Where settings (and later the audit log) live: Electron's userData, or the harness's folder. */
  userDataDir: string;
  /** The built-in simulator used by demo mode. */
  demo: DemoGateway;
  /** Replaces the real IBApiNext connection in tests. */
  connect?: GatewaySessionOptions['connect'];
  /** IB Gateway logins: the OS keychain (KeytarCredentialStore) in both shells. */
  credentials: CredentialStore;
  /** TEST ONLY: runs right after an order's submit intent is on disk, before it is placed (crash test). */
  afterOrderIntentForTests?: () => void;
}

/** What the shell's own controls (tray, menu) may do: the same operations the contract offers. */
export interface AppActions {
  setMode(mode: TradingMode): Promise<SessionState>;
  setReadOnly(readOnly: boolean): Promise<SessionState>;
  reconnect(): Promise<void>;
  /** The kill switch: cancel every open order in every account and refuse new ones until re-armed. */
  killSwitch(): Promise<unknown>;
}

/** The services composed into the one API both shells expose: the router and the event stream. */
export interface GatehouseApp {
  router: Router;
  events: EventBus;
  session: GatewaySession;
  settings: SettingsStore;
  /** Quotes for other services too: `market.quote(conId)`, `market.acquire(listing, consumer)`. */
  market: MarketService;
  actions: AppActions;
  /** The shell's logger with every password this process has handled redacted: use it for crash output too. */
  logger: Logger;
  dispose(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<GatehouseApp> {
  const knownSecrets = new KnownSecrets();
  const logger = redactingLogger(options.logger, () => knownSecrets.values());
  const logError = (message: string, error: unknown) => logger.log('error', message, error);
  const events = new EventBus(logError);
  const settings = new SettingsStore(options.userDataDir);
  const { notice } = await settings.load();
  if (notice) logger.log('warn', notice);
  const notices = notice ? [notice] : [];

  const credentials = new CredentialsService(options.credentials, knownSecrets);
  const launcher = new IbcLauncher({
    settings: () => settings.current().gatewayLaunch,
    login: (mode) => credentials.login(mode),
    logger,
    // Logged off or gone: starting over in that mode starts it again, with the login from the keychain.
    onUnexpectedExit: (mode) => {
      if (session.current().mode === mode) void session.reconnect();
    },
  });
  const session = new GatewaySession({
    settings: () => settings.current(),
    demo: options.demo,
    connect: options.connect ?? createIbConnection,
    logger,
    launcher,
  });
  const idle = guardIdleLiveTrading({
    session,
    idleMinutes: () => settings.current().liveIdleDisarmMinutes,
    onSettingsChange: (listener) => settings.subscribe(listener),
  });
  // Subscribed before the session publishes, so a connection lost at start-up is heard too.
  const notifications = new NotificationService(settings, events);
  const stopSessionEvents = session.subscribe((state) => events.publish('session.state', state));
  const market = new MarketService({ session, settings, events, logger });
  const alerts = new AlertService({ settings, events, lines: market, logError });
  const chain = new ChainService({ session, market });
  const { service: holdings, notice: holdingsNotice } = await HoldingsService.create({
    userDataDir: options.userDataDir,
    session,
    lines: market,
    events,
    logError,
  });
  if (holdingsNotice) notices.push(holdingsNotice);
  // One reqPositions and one reqAccountSummary per tag set per connection, whoever reads them.
  const accountStreams = new AccountStreams();
  const accounts = new AccountsService({
    session,
    settings,
    events,
    logger,
    streams: accountStreams,
    external: holdings,
  });
  const expiryWatch = new ExpiryWatch({
    events,
    positions: () => accounts.snapshot().positions,
    watchlist: () => settings.current().watchlist,
    quote: (conId) => market.quote(conId),
    notify: (notice) => notifications.notice(notice),
  });
  // One writer and one clock for every audit record, whichever service writes it.
  const clock = () => new Date();
  const auditFile = new AuditFile(options.userDataDir, clock);
  const audit = new OrderAudit(auditFile, options.userDataDir, clock);
  // What this process sent: orders place into it, a one-cancels-all link amends it.
  const sent = new SentOrders();
  const orderBook = new OrderBookService({ session, events, logger, audit, sent });
  const orders = await OrderService.create({
    session,
    settings: () => settings.current(),
    events,
    userDataDir: options.userDataDir,
    audit,
    logError,
    quotes: market,
    accountStreams,
    book: orderBook,
    sent,
    afterIntentForTests: options.afterOrderIntentForTests,
  });
  const income = new IncomeActions({
    session,
    accountContext: (account, details) => orders.accountContext(account, details),
  });

  const actions: AppActions = {
    async setMode(mode) {
      await settings.update((s) => ({ ...s, mode }));
      return session.setMode(mode);
    },
    async setReadOnly(readOnly) {
      await settings.update((s) => ({ ...s, readOnly }));
      return session.setReadOnly(readOnly);
    },
    reconnect: () => session.reconnect(),
    killSwitch: () => orders.engageKillSwitch(),
  };

  // Each room's service contributes its handlers; the compiler checks every contract request has one.
  const handlers: Handlers = {
    'app.info': () => ({ name: 'Gatehouse', version: options.version, shell: options.shell, notices }),
    'session.status': () => session.current(),
    'session.reconnect': () => actions.reconnect(),
    'session.setMode': ({ mode }) => actions.setMode(mode),
    'session.armLive': ({ confirmation }) => session.armLive(confirmation),
    'session.disarm': () => session.disarm(),
    'session.setReadOnly': ({ readOnly }) => actions.setReadOnly(readOnly),
    'session.activity': () => idle.activity(),
    ...credentials.handlers(),
    ...gatewaySettingsHandlers(settings),
    ...market.handlers(),
    ...accounts.handlers(),
    ...orderBook.handlers(),
    // External accounts (other brokers' holdings) are refused here, before any order path reads the gateway.
    ...guardExternalOrders(orders.handlers(), {
      external: (id) => holdings.external(id),
      mode: () => session.current().mode,
      now: () => Date.now(),
    }),
    ...holdings.handlers(),
    ...alerts.handlers(),
    ...notifications.handlers(),
    ...hotkeyHandlers(settings),
    ...chain.handlers(),
    ...income.handlers(),
  };

  void session.start();

  return {
    router: createRouter(handlers, { logError }),
    events,
    session,
    settings,
    market,
    actions,
    logger,
    async dispose() {
      // Started first: its signals go out now, even if the shell does not wait for this promise.
      const stoppingGateways = launcher.stopAll();
      idle.dispose();
      stopSessionEvents();
      alerts.dispose();
      notifications.dispose();
      chain.dispose();
      market.dispose();
      accounts.dispose();
      holdings.dispose();
      expiryWatch.dispose();
      orderBook.dispose();
      orders.dispose();
      await alerts.flushed();
      await holdings.flushed();
      await auditFile.close();
      await session.dispose();
      await stoppingGateways;
    },
  };
}
