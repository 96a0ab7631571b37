import type { SessionState, TradingMode } from '../shared/session';
import { createIbConnection } from './gateway/ib-connection';
import { GatewaySession, type DemoGateway, type GatewaySessionOptions } from './gateway/gateway-session';
import { EventBus } from './ipc/event-bus';
import { createRouter, type Handlers, type Router } from './ipc/router';
import type { Logger } from './log';
import { SettingsStore } from './settings/settings-store';

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
}

/** What the shell's own controls (tray, menu) may do: the same operations the contract offers. */
export interface AppActions {
  setMode(mode: TradingMode): Promise<SessionState>;
  setReadOnly(readOnly: boolean): Promise<SessionState>;
  reconnect(): Promise<void>;
}

/** The services composed into the one API both shells expose: the router and the event stream. */
export interface GatehouseApp {
  router: Router;
  events: EventBus;
  session: GatewaySession;
  settings: SettingsStore;
  actions: AppActions;
  dispose(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<GatehouseApp> {
  const { logger } = options;
  const logError = (message: string, error: unknown) => logger.log('error', message, error);
  const events = new EventBus(logError);
  const settings = new SettingsStore(options.userDataDir);
  const { notice } = await settings.load();
  if (notice) logger.log('warn', notice);
  const notices = notice ? [notice] : [];

  const session = new GatewaySession({
    settings: () => settings.current(),
    demo: options.demo,
    connect: options.connect ?? createIbConnection,
    logger,
  });
  const stopSessionEvents = session.subscribe((state) => events.publish('session.state', state));

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
  };

  void session.start();

  return {
    router: createRouter(handlers, { logError }),
    events,
    session,
    settings,
    actions,
    async dispose() {
      stopSessionEvents();
      await session.dispose();
    },
  };
}
