import { EventBus } from './ipc/event-bus';
import { createRouter, type Handlers, type Router } from './ipc/router';
import type { Logger } from './log';
import { OfflineSession } from './session/offline-session';
import type { SessionSource } from './session/session-source';

export interface AppOptions {
  shell: 'electron' | 'harness';
  version: string;
  logger: Logger;
  session?: SessionSource;
}

/** The services composed into the one API both shells expose: the router and the event stream. */
export interface GatehouseApp {
  router: Router;
  events: EventBus;
  session: SessionSource;
  dispose(): Promise<void>;
}

export function createApp(options: AppOptions): GatehouseApp {
  const { logger } = options;
  const logError = (message: string, error: unknown) => logger.log('error', message, error);
  const events = new EventBus(logError);
  const session = options.session ?? new OfflineSession();
  const stopSessionEvents = session.subscribe((state) => events.publish('session.state', state));

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Gatehouse', version: options.version, shell: options.shell }),
    'session.status': () => session.current(),
    'session.reconnect': () => session.reconnect(),
    'session.setMode': ({ mode }) => session.setMode(mode),
  };

  return {
    router: createRouter(handlers, { logError }),
    events,
    session,
    async dispose() {
      stopSessionEvents();
      await session.dispose();
    },
  };
}
