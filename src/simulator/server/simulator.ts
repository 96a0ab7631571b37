import { createServer, type Server, type Socket } from 'node:net';
import { World } from '../world';
import { encodeFrame } from '../wire/frame';
import { MAX_SERVER_VERSION, MIN_SERVER_VERSION, type ClientRequest } from '../wire/messages';
import { accountHandlers, publishAccounts } from './account-handlers';
import { accountMultiHandlers } from './account-multi-handlers';
import { accountIds, type AccountStyle } from './account-ids';
import { ApiConnection, type ConnectionHost } from './connection';
import { type GatewayContext, type Handler, type HandlerTable } from './context';
import { CLIENT_ID_IN_USE, FARMS_OK, GATEWAY_NOTICES } from './gateway-messages';
import { startControlApi } from './control-api';
import { HistoryPacingGate } from './history-request';
import { marketHandlers, publishSnapshots, publishTicks } from './market-handlers';
import { QuietInstruments, type QuoteCadenceMode } from './quote-cadence';
import { closeRealtimeBars, publishRealtime, realtimeHandlers } from './realtime-handlers';
import { depthHandlers, publishDepth } from './depth-handlers';
import { refreshScanners, scannerHandlers } from './scanner-handlers';
import { NewsBulletinBoard } from './news-bulletins';
import { optionHandlers } from './option-handlers';
import { orderHandlers, routeWorldEvent } from './order-handlers';
import { broadcastBulletin, startupHandlers } from './startup-handlers';
import { unservedAnswer } from './unserved-answers';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback unless a person deliberately exposes it. */
  host?: string;
  seed?: number;
  /** Quote ticks per second across all instruments (0 freezes the market; step() still moves it). */
  tickRate?: number;
  /**
   * 'ibkr' (default): quote lines send IBKR's aggregated snapshots (250 ms stocks, 100 ms US options, 5 ms FX)
   * and watched instruments move at least every 250 ms while tickRate > 0. 'every-step': every walk step is
   * sent at once, for load tests that drive thousands of steps a second (see quote-cadence.ts).
   */
  quoteCadence?: QuoteCadenceMode;
  /** Serve delayed data only, as for a login without live market data subscriptions. */
  delayed?: boolean;
  /** Refuse every order and cancel with 321, as a gateway in read-only API mode does. */
  readOnly?: boolean;
  /** 'live' reports the accounts as U… instead of DU…, for testing the app's mode guard. */
  accountStyle?: AccountStyle;
  /** Market data lines the login may hold at once. */
  marketDataLines?: number;
  /** Extra made-up stocks (SYN001…) for load tests that watch more instruments than the catalog has. */
  syntheticStocks?: number;
  /** How often P&L streams and account changes are pushed. */
  accountRefreshMs?: number;
  /** Open the fault-injection HTTP API on 127.0.0.1 at this port (0: a free one); null: no control API. */
  controlPort?: number | null;
  now?: () => number;
  log?: (line: string) => void;
}

export type GatewayNotice = 1100 | 1101 | 1102 | 2103 | 2104 | 2105 | 2106 | 2158;
export type GarbageKind = 'unknown-id' | 'truncated' | 'not-a-number';

export interface SimulatorFaults {
  /** Destroys every client socket at once. Returns how many there were. */
  drop(): number;
  /** Keeps every socket open but goes silent both ways (a half-open connection). */
  stall(): number;
  /** Ends a stall and a competing session. */
  resume(): void;
  /** Closes everything and refuses connections for `seconds`, like the gateway's daily restart. */
  restart(seconds: number): void;
  /** Sends a connectivity or farm notice to every client; 1101 also drops their market data (data lost). */
  notice(code: GatewayNotice): void;
  /** Another session took the login's market data (10197) until resume(). */
  competingSession(): void;
  /** The next `count` connections are refused with 326 whatever client id they ask for. */
  clientIdInUse(count?: number): void;
  /** Sends every client a frame no conforming client can decode. */
  garbageFrame(kind?: GarbageKind): void;
  /**
   * Leaves the AccountType tag out of account summaries and account updates (on) until released (off),
   * when the tag goes out to every open subscription: a gateway slow to send the summary, as after a
   * reconnect. Order rules must not guess an account's kind meanwhile.
   */
  withholdAccountType(on: boolean): void;
  /** Answers reqAccountSummary and reqPositions only after `ms` (0 lifts it), as a gateway busy after a reconnect. */
  delayAccountData(ms: number): void;
  /** Posts a news bulletin (regular, msgType 1) to the clients subscribed with reqNewsBulletins. Returns its id. */
  newsBulletin(text: string, exchange?: string): number;
  /**
   * Expiry-day assignment: the account's in-the-money short options (or only `conId`) are exercised against
   * it — a short call delivers the shares at the strike, a short put buys them — and clients see the books move.
   * Returns how many positions were assigned.
   */
  assign(account: string, conId?: number): number;
}

export interface ConnectionInfo {
  id: number;
  clientId: number;
  serverVersion: number;
  remote: string;
  marketDataLines: number;
}

export interface Simulator {
  readonly host: string;
  readonly port: number;
  readonly controlPort: number | null;
  readonly world: World;
  readonly faults: SimulatorFaults;
  /** The account ids as clients see them (U… with the live account style). */
  accountIds(): string[];
  connections(): ConnectionInfo[];
  setTickRate(ticksPerSecond: number): void;
  setDelayed(delayed: boolean): void;
  readonly tickRate: number;
  /** Moves the market `count` ticks now and publishes them (tests use this with tickRate 0). */
  step(count: number): void;
  close(): Promise<void>;
}

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
  let refuseClientIds = 0;
  let connectivityLost = false;
  let marketFarmDown = false;
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
      if (taken || refuseClientIds > 0) {
        if (!taken) refuseClientIds -= 1;
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
    return !connectivityLost && !marketFarmDown && !context.competingSession;
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

  function broadcastNotice(code: number): void {
    for (const connection of context.connections()) connection.sendError(-1, code, GATEWAY_NOTICES[code] ?? '');
  }

  let restartTimer: NodeJS.Timeout | undefined;

  const faults: SimulatorFaults = {
    drop() {
      const all = everyConnection();
      for (const connection of all) connection.destroy();
      log(`fault: dropped ${all.length} connection(s)`);
      return all.length;
    },
    stall() {
      const all = everyConnection();
      for (const connection of all) connection.stall();
      log(`fault: stalled ${all.length} connection(s)`);
      return all.length;
    },
    resume() {
      for (const connection of everyConnection()) connection.resume();
      context.competingSession = false;
      log('fault: resumed');
    },
    restart(seconds) {
      for (const connection of everyConnection()) connection.destroy();
      server.close();
      log(`fault: restarting; refusing connections for ${seconds} s`);
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
    notice(code) {
      if (code === 1100) connectivityLost = true;
      if (code === 1101 || code === 1102) connectivityLost = false;
      if (code === 2103) marketFarmDown = true;
      if (code === 2104) marketFarmDown = false;
      if (code === 1101) for (const connection of context.connections()) connection.subs.dropMarketData();
      broadcastNotice(code);
      log(`fault: notice ${code}`);
    },
    competingSession() {
      context.competingSession = true;
      for (const connection of context.connections()) {
        const reqIds = [...connection.subs.market.keys()];
        for (const reqId of reqIds.length > 0 ? reqIds : [-1])
          connection.sendError(reqId, 10197, GATEWAY_NOTICES[10197] ?? '');
      }
      log('fault: competing session');
    },
    clientIdInUse(count = 1) {
      refuseClientIds += count;
      log(`fault: the next ${count} connection(s) will be refused with 326`);
    },
    assign(account, conId) {
      const worldAccount = context.ids.fromWire(account);
      if (!worldAccount) throw new RangeError(`No account ${account} in this login`);
      const assigned = world.options.assign(worldAccount, conId);
      log(`fault: assigned ${assigned.length} short option position(s) in ${account}`);
      if (assigned.length > 0) context.accountsChanged();
      return assigned.length;
    },
    garbageFrame(kind = 'unknown-id') {
      const frame =
        kind === 'truncated'
          ? encodeFrame([1, 6, 1]) // a TICK_PRICE cut off after its ticker id
          : kind === 'not-a-number'
            ? encodeFrame(['garbage', 'frame'])
            : encodeFrame([9999, 1, 'nobody knows this message']);
      for (const connection of context.connections()) connection.sendRaw(frame);
      log(`fault: garbage frame (${kind})`);
    },
    withholdAccountType(on) {
      context.accountFaults.withholdAccountType = on;
      if (!on) scheduleAccountPublish();
      log(`fault: AccountType ${on ? 'withheld' : 'sent again'}`);
    },
    delayAccountData(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The delay must be 0 or more milliseconds, not ${ms}`);
      context.accountFaults.delayMs = ms;
      log(`fault: account summaries and positions answered after ${ms} ms`);
    },
    newsBulletin(text, exchange = '') {
      const bulletin = context.bulletins.post(text, exchange);
      broadcastBulletin(context, bulletin);
      log(`fault: news bulletin ${bulletin.msgId}`);
      return bulletin.msgId;
    },
  };

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
