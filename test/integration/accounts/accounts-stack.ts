import { AccountStreams } from '../../../src/core/accounts/account-streams';
import { AccountsService, type AccountsServiceOptions } from '../../../src/core/accounts/accounts-service';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection } from '../../../src/core/gateway/ib-connection';
import type { Logger } from '../../../src/core/log';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import type { Simulator } from '../../../src/simulator';

export interface AccountsStack {
  session: GatewaySession;
  accounts: AccountsService;
}

const silent: Logger = { log: () => undefined };

/**
 * The gateway session and the accounts service as the app wires them, in demo mode on `sim` with default
 * settings (kept in memory) and an update at most every 100 ms. The session is not started: the caller
 * wires whatever else listens to it first, then starts it, and disposes both when done.
 */
export function accountsStack(sim: Simulator, events: AccountsServiceOptions['events']): AccountsStack {
  let settings: Settings = defaultSettings();
  const session = new GatewaySession({
    settings: () => settings,
    demo: { start: async () => ({ port: sim.port }), stop: async () => undefined },
    connect: createIbConnection,
    logger: silent,
  });
  const store = {
    current: () => settings,
    update: async (change: (s: Settings) => unknown) => (settings = change(structuredClone(settings)) as Settings),
  };
  const accounts = new AccountsService({
    session,
    events,
    settings: store,
    logger: silent,
    streams: new AccountStreams(),
    publishIntervalMs: 100,
  });
  return { session, accounts };
}

/** Polls `check` every 20 ms until it gives a value other than undefined or false; fails after `ms`. */
export async function until<T>(check: () => T | undefined | false, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
