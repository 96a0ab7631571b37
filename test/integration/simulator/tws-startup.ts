import { EventName, IBApi } from '@stoqey/ib';

/**
 * A TWS client's start-up as the popular ones run it: connect (managed accounts and next valid id), then
 * positions, open orders, completed orders and executions together, reqAccountUpdatesMulti for every account,
 * and reqAccountUpdates for each account one at a time — waiting for every end marker. Shared by the
 * integration test (it completes) and the bench (how long it takes).
 */

export interface StartupRun {
  api: IBApi;
  accounts: string[];
  serverVersion: number;
  /** Every end marker received, in arrival order, e.g. 'positionEnd' or 'accountDownloadEnd DU1000002'. */
  ends: string[];
  /** From connect to the last end marker. */
  elapsedMs: number;
}

type Listener = (...args: unknown[]) => void;

/** IBApi's typed overloads cannot take an event name chosen at run time; its emitter can. */
interface Emitter {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
}

/** The part of @stoqey/ib's private socket that writes the handshake's version range. */
interface HandshakeSocket {
  buildVersionString(min: number, max: number): string;
}

/**
 * Makes `api` offer server versions up to `maxVersion` instead of its own maximum (193), as an older or more
 * cautious client does, so the simulator negotiates that version. Call before connect.
 */
export function offerVersionsUpTo(api: IBApi, maxVersion: number): void {
  const controller = (api as unknown as { controller: { socket: HandshakeSocket } }).controller;
  controller.socket.buildVersionString = (min) => `v${min}..${maxVersion}`;
}

/** Resolves on the first `event` matching `accept`, or rejects at the shared deadline. */
function once(api: IBApi, event: EventName, deadline: number, accept: (...args: unknown[]) => boolean = () => true) {
  const emitter = api as unknown as Emitter;
  return new Promise<unknown[]>((resolve, reject) => {
    const listener: Listener = (...args) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(
      () => {
        emitter.off(event, listener);
        reject(new Error(`start-up: no ${event} before the deadline`));
      },
      Math.max(0, deadline - Date.now()),
    );
    emitter.on(event, listener);
  });
}

export async function twsStartup(
  port: number,
  clientId: number,
  options: { maxVersion?: number; timeoutMs?: number } = {},
): Promise<StartupRun> {
  const api = new IBApi({ host: '127.0.0.1', port });
  if (options.maxVersion !== undefined) offerVersionsUpTo(api, options.maxVersion);
  const started = performance.now();
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  const ends: string[] = [];
  const end = (name: string) => (): void => void ends.push(name);
  try {
    const managed = once(api, EventName.managedAccounts, deadline);
    const nextId = once(api, EventName.nextValidId, deadline);
    api.connect(clientId);
    const [[list]] = await Promise.all([managed, nextId]);
    ends.push('managedAccounts', 'nextValidId');
    const accounts = String(list).split(',').filter(Boolean);

    const together = [
      once(api, EventName.positionEnd, deadline).then(end('positionEnd')),
      once(api, EventName.openOrderEnd, deadline).then(end('openOrderEnd')),
      once(api, EventName.completedOrdersEnd, deadline).then(end('completedOrdersEnd')),
      once(api, EventName.execDetailsEnd, deadline, (reqId) => reqId === 1).then(end('execDetailsEnd')),
      ...accounts.map((account, index) =>
        once(api, EventName.accountUpdateMultiEnd, deadline, (reqId) => Number(reqId) === 100 + index).then(
          end(`accountUpdateMultiEnd ${account}`),
        ),
      ),
    ];
    api.reqPositions();
    api.reqOpenOrders();
    api.reqCompletedOrders(false);
    api.reqExecutions(1, {});
    accounts.forEach((account, index) => api.reqAccountUpdatesMulti(100 + index, account, '', false));

    for (const account of accounts) {
      const downloaded = once(api, EventName.accountDownloadEnd, deadline, (name) => name === account);
      api.reqAccountUpdates(true, account);
      await downloaded;
      ends.push(`accountDownloadEnd ${account}`);
      api.reqAccountUpdates(false, account);
    }
    await Promise.all(together);
    return { api, accounts, serverVersion: api.serverVersion, ends, elapsedMs: performance.now() - started };
  } catch (error) {
    api.disconnect();
    throw error;
  }
}
