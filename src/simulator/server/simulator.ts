import { createServer, type Server, type Socket } from 'node:net';
import { World } from '../world';
import { MAX_SERVER_VERSION, MIN_SERVER_VERSION, type ClientRequest } from '../wire/messages';
import { accountHandlers, publishAccounts } from './account-handlers';
import { accountMultiHandlers } from './account-multi-handlers';
import { accountIds } from './account-ids';
import { ApiConnection, type ConnectionHost } from './connection';
import { type GatewayContext, type Handler, type HandlerTable } from './context';
import { CLIENT_ID_IN_USE, FARMS_OK, GATEWAY_NOTICES } from './gateway-messages';
import { startControlApi } from './control-api';
import { createFaults, type GatewayLinks } from './fault-injection';
import { HistoryPacingGate } from './history-request';
import { marketHandlers, publishSnapshots, publishTicks } from './market-handlers';
import { QuietInstruments } from './quote-cadence';
import { closeRealtimeBars, publishRealtime, realtimeHandlers } from './realtime-handlers';
import { depthHandlers, publishDepth } from './depth-handlers';
import { refreshScanners, scannerHandlers } from './scanner-handlers';
import { NewsBulletinBoard } from './news-bulletins';
import { optionHandlers } from './option-handlers';
import { orderHandlers, routeWorldEvent } from './order-handlers';
import { startupHandlers } from './startup-handlers';
import type { Simulator, SimulatorOptions } from './simulator-api';
import { unservedAnswer } from './unserved-answers';

/** The market's pass: walk steps, then due snapshots. FX lines (5 ms cadence) therefore snapshot every pass. */
const TICK_INTERVAL_MS = 10;
/** After an event-loop stall the market catches up at most this much, not in one giant burst. */
const MAX_CATCH_UP_MS = 100;

const HANDLERS: HandlerTable = {
  ...accountHandlers,
  ...marketHandlers,
  ...orderHandlers,
  ...accountMultiHandlers,
  ...startupHandlers,
  ...optionHandlers,
  ...realtimeHandlers,
  ...depthHandlers,
  ...scannerHandlers,
};

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * An IB Gateway on a socket: the TWS API wire protocol in front of the simulated world, with fault
 * injection. One instance is one login: its connections share the world, the market data line budget and
 * the historical-data pacing budget.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const world = new World({ seed: options.seed ?? 42, now, syntheticStocks: options.syntheticStocks });
  const live = new Map<number, ApiConnection>();
  let nextConnectionId = 1;
  let tickRate = Math.max(0, options.tickRate ?? 20);
  const links: GatewayLinks = { connectivityLost: false, marketFarmDown: false, refuseClientIds: 0 };
  let closed = false;

  const context: GatewayContext = {
    world,
    ids: accountIds(
      options.accountStyle ?? 'paper',
      world.accounts().map((account) => account.id),
    ),
    pacing: new HistoryPacingGate(),
    bulletins: new NewsBulletinBoard(),
    readOnly: options.readOnly ?? false,
    delayed: options.delayed ?? false,
    competingSession: false,
    accountFaults: { withholdAccountType: false, delayMs: 0 },
    marketDataLines: options.marketDataLines ?? 100,
    quoteCadence: options.quoteCadence ?? 'ibkr',
    now,
    log,
    connections: () => [...live.values()].filter((connection) => connection.started),
    accountsChanged: () => scheduleAccountPublish(),
  };

  let accountPublishScheduled = false;
  function scheduleAccountPublish(): void {
    if (accountPublishScheduled) return;
    accountPublishScheduled = true;
    setImmediate(() => {
      accountPublishScheduled = false;
      for (const connection of context.connections()) publishAccounts(context, connection);
    });
  }

  const detachWorld = world.on((event) => routeWorldEvent(context, event));

  const host_: ConnectionHost = {
    now,
    log,
    onStartApi(connection, { clientId }) {
      const taken = context.connections().some((other) => other.clientId === clientId);
      if (taken || links.refuseClientIds > 0) {
        if (!taken) links.refuseClientIds -= 1;
        connection.sendError(-1, 326, CLIENT_ID_IN_USE);
        connection.close(`client id ${clientId} refused as in use`);
        return;
      }
      connection.markStarted(clientId);
      log(`connection ${connection.id}: client ${clientId} started at server version ${connection.serverVersion}`);
      connection.send({ type: 'managedAccounts', accounts: simulator.accountIds() });
      connection.send({ type: 'nextValidId', orderId: world.nextOrderId() });
      for (const code of FARMS_OK) connection.sendError(-1, code, GATEWAY_NOTICES[code] ?? '');
    },
    onRequest(connection, request) {
      const handler = HANDLERS[request.type] as Handler<ClientRequest['type']> | undefined;
      if (handler) {
        handler(context, connection, request as never);
        return;
      }
      if (request.type === 'unsupported') {
        const answer = unservedAnswer(request.msgId);
        if (answer !== 'none') connection.sendError(request.reqId, answer.code, answer.message);
        return;
      }
      log(`connection ${connection.id}: ${request.type} arrived after startApi; ignored`);
    },
    onClose(connection) {
      if (live.delete(connection.id)) log(`connection ${connection.id} (client ${connection.clientId}) closed`);
    },
  };

  function accept(socket: Socket): void {
    const connection = new ApiConnection(nextConnectionId++, socket, host_);
    live.set(connection.id, connection);
  }

  const server = createServer(accept);
  let port = await listen(server, options.port ?? 0, host);
  log(`simulator listening on ${host}:${port} (server versions ${MIN_SERVER_VERSION}–${MAX_SERVER_VERSION})`);

  function marketDataFlows(): boolean {
    return !links.connectivityLost && !links.marketFarmDown && !context.competingSession;
  }

  const quiet = new QuietInstruments();
  function publish(ticks: ReturnType<World['step']>): void {
    if (context.quoteCadence === 'ibkr') quiet.moved(new Set(ticks.map((tick) => tick.conId)), now());
    if (ticks.length === 0 || !marketDataFlows()) return;
    for (const connection of context.connections()) {
      publishTicks(context, connection, ticks);
      publishRealtime(context, connection, ticks);
      publishDepth(context, connection, ticks);
    }
  }

  /** 'ibkr' cadence: keep watched instruments moving, then send each line's snapshot if it is due. */
  function publishCadence(at: number): void {
    if (!marketDataFlows()) return;
    const connections = context.connections();
    if (tickRate > 0) {
      const watched = new Set(connections.flatMap((connection) => connection.subs.watchedConIds()));
      const due = quiet.due(watched, at);
      if (due.length > 0) publish(due.map((conId) => world.stepInstrument(conId)));
    }
    for (const connection of connections) publishSnapshots(context, connection);
  }

  let carry = 0;
  let lastTick = now();
  const ticker = setInterval(() => {
    const at = now();
    const elapsed = Math.min(Math.max(0, at - lastTick), MAX_CATCH_UP_MS);
    lastTick = at;
    const due = (tickRate * elapsed) / 1000 + carry;
    const count = Math.floor(due);
    carry = due - count;
    if (count > 0) publish(world.step(count));
    if (context.quoteCadence === 'ibkr') publishCadence(at);
    if (marketDataFlows())
      for (const connection of context.connections()) {
        closeRealtimeBars(context, connection);
        refreshScanners(context, connection);
      }
  }, TICK_INTERVAL_MS);

  const accountTimer = setInterval(() => {
    for (const connection of context.connections()) publishAccounts(context, connection);
  }, options.accountRefreshMs ?? 1000);

  function everyConnection(): ApiConnection[] {
    return [...live.values()];
  }

  let restartTimer: NodeJS.Timeout | undefined;
  const faults = createFaults({
    context,
    links,
    everyConnection,
    scheduleAccountPublish,
    restartListener(seconds) {
      server.close();
      clearTimeout(restartTimer);
      restartTimer = setTimeout(() => {
        if (closed) return;
        listen(server, port, host).then(
          (bound) => {
            port = bound;
            log(`simulator listening again on ${host}:${port}`);
          },
          (error: Error) => log(`restart: could not listen again on ${port}: ${error.message}`),
        );
      }, seconds * 1000);
    },
  });

  let control: Awaited<ReturnType<typeof startControlApi>> | null = null;
  const simulator: Simulator = {
    host,
    get port() {
      return port;
    },
    get controlPort() {
      return control?.port ?? null;
    },
    world,
    faults,
    accountIds: () => world.accounts().map((account) => context.ids.toWire(account.id)),
    get tickRate() {
      return tickRate;
    },
    connections: () =>
      everyConnection().map((connection) => ({
        id: connection.id,
        clientId: connection.clientId,
        serverVersion: connection.serverVersion,
        remote: connection.remote,
        marketDataLines: connection.subs.market.size,
        requests: Object.fromEntries(connection.requestCounts),
      })),
    setTickRate(ticksPerSecond) {
      if (!Number.isFinite(ticksPerSecond) || ticksPerSecond < 0)
        throw new RangeError(`The tick rate must be 0 or more ticks a second, not ${ticksPerSecond}`);
      tickRate = ticksPerSecond;
    },
    setDelayed(delayed) {
      context.delayed = delayed;
    },
    step(count) {
      publish(world.step(count));
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(ticker);
      clearInterval(accountTimer);
      clearTimeout(restartTimer);
      detachWorld();
      for (const connection of everyConnection()) connection.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      if (control) await new Promise<void>((resolve) => control?.server.close(() => resolve()));
      log('simulator closed');
    },
  };
  if (options.controlPort !== undefined && options.controlPort !== null) {
    try {
      control = await startControlApi(simulator, options.controlPort);
    } catch (error) {
      await simulator.close();
      throw new Error(
        `The simulator's control API could not listen on ${options.controlPort}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    log(`simulator control API on http://127.0.0.1:${control.port}`);
  }
  return simulator;
}
