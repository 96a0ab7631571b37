import type { SessionState, TradingMode } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { AppError } from '../../shared/result';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type { SessionSource } from '../session/session-source';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { explainDrop } from './drop-explanation';
import { classifyGatewayMessage } from './ib-codes';
import type { GatewayLaunch } from './launcher/gateway-launch';
import type { IbConnection, IbConnectionEvents } from './ib-connection';
import { isLoopbackHost } from './loopback';
import { tradingBlockedReason, tradingGate } from '../../shared/trading-gate';
import { initialMachine, transition, type MachineEvent, type MachineState } from './session-machine';

/** The built-in simulator as a gateway: started on first use of demo mode, on a random loopback port. */
export interface DemoGateway {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

export interface GatewaySessionOptions {
  settings: () => Settings;
  demo: DemoGateway;
  connect: (host: string, port: number, events: IbConnectionEvents) => IbConnection;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How often the heartbeat asks for the server's time. */
  heartbeatIntervalMs?: number;
  /** No answer for this long: the socket is treated as half-open and replaced. */
  deadAfterMs?: number;
  /** How many client ids in a row to try when IB says 326 before giving up. */
  clientIdAttempts?: number;
  /** Starts IB Gateway for paper or live when the settings ask for it; absent: it must be running. */
  launcher?: GatewayLaunch;
}

function isSessionWide(code: number, text: string): boolean {
  const kind = classifyGatewayMessage(code, text)?.kind;
  return kind === 'competing-session' || kind === 'client-id-in-use';
}

/**
 * The one connection to IB Gateway: connects for the chosen mode, watches it with a heartbeat,
 * reconnects with backoff, and publishes one state stream. The decisions are the pure machine's;
 * this class performs the effects (sockets, timers) and guards the order path.
 */
export class GatewaySession implements SessionSource {
  private machine: MachineState;
  private connection: IbConnection | null = null;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private readonly connectionListeners = new Set<(connection: IbConnection | null) => void>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly heartbeatIntervalMs: number;
  private readonly deadAfterMs: number;
  private reconnectTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private lastAnswerAt = 0;
  /** Bumped whenever the session starts over, so callbacks from an older connection are ignored. */
  private generation = 0;
  /** Set while the session itself closes the socket, so that drop is not mistaken for a failure. */
  private closingOnPurpose = false;

  constructor(private readonly options: GatewaySessionOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 2_000;
    this.deadAfterMs = options.deadAfterMs ?? 8_000;
    this.machine = initialMachine(options.settings().mode);
  }

  current(): SessionState {
    return this.machine.session;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Services that hold IBApiNext subscriptions follow the connection through mode changes. */
  onConnection(listener: (connection: IbConnection | null) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  get ib(): IbConnection | null {
    return this.connection;
  }

  async start(): Promise<void> {
    await this.open(this.options.settings().mode);
  }

  async reconnect(): Promise<void> {
    await this.open(this.machine.session.mode);
  }

  async setMode(mode: TradingMode): Promise<SessionState> {
    await this.open(mode);
    return this.current();
  }

  /** Live trading is off until armed for this session, by typing LIVE: a click alone cannot arm it. */
  armLive(confirmation: string): SessionState {
    if (this.machine.session.mode !== 'live') throw new AppError('refused', 'Arming applies only to live mode.');
    if (confirmation !== 'LIVE') throw new AppError('refused', 'Type LIVE, in capitals, to arm live trading.');
    this.apply({ type: 'arm-live' });
    return this.current();
  }

  setReadOnly(readOnly: boolean): SessionState {
    this.patch({ readOnly });
    return this.current();
  }

  disarm(reason?: string): SessionState {
    this.apply({ type: 'disarm', reason: reason ?? null });
    return this.current();
  }

  async dispose(): Promise<void> {
    this.teardown('Gatehouse is closing.');
    this.listeners.clear();
    this.connectionListeners.clear();
    await this.options.demo.stop();
  }

  private async open(mode: TradingMode): Promise<void> {
    this.apply({ type: 'open', mode });
    this.teardown(`Switching to ${mode} mode.`);
    const generation = ++this.generation;
    let endpoint: { host: string; port: number };
    try {
      endpoint = await this.endpoint(mode);
    } catch (error) {
      this.apply({ type: 'stop', reason: (error as Error).message });
      this.machine = { ...this.machine, session: { ...this.machine.session, mode } };
      this.publish();
      return;
    }
    if (generation !== this.generation) return;
    this.dial(mode, endpoint, generation);
  }

  private async endpoint(mode: TradingMode): Promise<{ host: string; port: number }> {
    if (mode === 'demo') {
      const { port } = await this.options.demo.start();
      return { host: '127.0.0.1', port };
    }
    const settings = this.options.settings();
    const { host, port } = settings.gateway[mode];
    if (!isLoopbackHost(host) && !settings.gateway.allowRemoteHost) {
      throw new Error(
        `The ${mode} gateway host ${host} is not this machine. Allow other hosts in settings first: the API socket is unencrypted.`,
      );
    }
    if (this.options.launcher) {
      const generation = this.generation;
      this.apply({ type: 'start', mode, host, port, readOnly: settings.readOnly });
      await this.options.launcher.prepare(mode, { host, port }, (detail) => {
        if (generation === this.generation) this.patch({ detail });
      });
    }
    return { host, port };
  }

  private dial(mode: TradingMode, endpoint: { host: string; port: number }, generation: number): void {
    const settings = this.options.settings();
    this.apply({ type: 'start', mode, host: endpoint.host, port: endpoint.port, readOnly: settings.readOnly });
    const live = () => generation === this.generation;
    const connection = this.options.connect(endpoint.host, endpoint.port, {
      onSocket: (up) => live() && (up ? this.onSocketUp(connection, generation) : this.onSocketDown(generation)),
      onNotice: (code, text) => live() && this.onMessage(code, text),
      // IB ties some session-wide news to a request (10197 arrives with the ticker id): those count too.
      onError: (code, text, reqId) =>
        live() && (reqId === -1 || isSessionWide(code, text)) && this.onMessage(code, text),
      onStaleRequest: (messageId) =>
        this.options.logger.log(
          'debug',
          `a request (message ${messageId ?? '?'}) queued for a closed socket was dropped`,
        ),
    });
    this.connection = connection;
    for (const listener of this.connectionListeners) listener(connection);
    connection.connect(this.clientId(mode));
  }

  private clientId(mode: TradingMode): number {
    const base =
      mode === 'demo' ? this.options.settings().gateway.paper.clientId : this.options.settings().gateway[mode].clientId;
    return base + this.machine.clientIdOffset;
  }

  private onSocketUp(connection: IbConnection, generation: number): void {
    this.lastAnswerAt = this.clock.now();
    this.apply({ type: 'socket-up', serverVersion: connection.serverVersion() ?? 0, at: this.lastAnswerAt });
    const clientId = this.clientId(this.machine.session.mode);
    // After a 326 the person should keep seeing which id is in use now, not only a passing notice.
    const moved =
      this.machine.clientIdOffset > 0
        ? {
            detail: `Connected to ${this.machine.session.host}:${this.machine.session.port} as client ${clientId}: client ${clientId - this.machine.clientIdOffset} is in use by another program.`,
          }
        : {};
    this.patch({ clientId, ...moved });
    connection
      .managedAccounts()
      .then((accounts) => {
        if (generation !== this.generation) return;
        this.apply({ type: 'accounts', accounts });
      })
      .catch((error: unknown) => this.options.logger.log('warn', 'managed accounts request failed', error));
    this.scheduleHeartbeat(generation);
  }

  private onSocketDown(generation: number): void {
    if (this.closingOnPurpose || this.machine.phase === 'disconnected' || generation !== this.generation) return;
    const { host, port, lastError } = this.machine.session;
    const wasUp = this.machine.phase === 'up';
    const now = this.clock.now();
    const { droppedSinceUp } = this.machine;
    const reason = explainDrop({ host, port, wasUp, droppedSinceUp, lastError, now });
    this.apply({ type: 'socket-down', reason, at: now });
    this.scheduleReconnect();
  }

  private onMessage(code: number, text: string): void {
    this.options.logger.log('info', `gateway ${code}: ${text}`);
    this.apply({ type: 'ib-message', code, text, at: this.clock.now() });
    const notice = classifyGatewayMessage(code, text);
    if (notice?.kind === 'client-id-in-use') this.retryWithNextClientId();
    // 1101: the gateway kept the socket but lost our subscriptions. A fresh socket makes IBApiNext
    // re-send every one of them; orders are never re-sent by a reconnect.
    if (notice?.kind === 'upstream-restored' && notice.dataLost) this.cycleSocket();
    if (notice?.kind === 'socket-reset') this.cycleSocket();
  }

  private retryWithNextClientId(): void {
    const tried = this.clientId(this.machine.session.mode);
    this.apply({ type: 'client-id-refused' });
    const refused = this.machine.refusedInARow;
    if (refused >= (this.options.clientIdAttempts ?? 5)) {
      this.teardown(
        `Client ids ${tried - refused + 1}–${tried} are all in use. Close the other API programs or change the client id in settings.`,
      );
      return;
    }
    this.patch({ detail: `Client id ${tried} is in use by another program; trying ${tried + 1}.` });
    this.cycleSocket();
  }

  private cycleSocket(): void {
    const connection = this.connection;
    if (!connection) return;
    const generation = this.generation;
    this.stopHeartbeat();
    this.closeOnPurpose(connection);
    this.clock.setTimeout(() => {
      if (generation !== this.generation) return;
      this.apply({
        type: 'start',
        mode: this.machine.session.mode,
        host: this.machine.session.host,
        port: this.machine.session.port ?? 0,
        readOnly: this.machine.session.readOnly,
      });
      connection.connect(this.clientId(this.machine.session.mode));
    }, 0);
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== null || !this.connection) return;
    this.stopHeartbeat();
    const delay = backoffDelay(this.machine.attempt, this.random, this.options.backoff ?? DEFAULT_BACKOFF);
    this.apply({ type: 'reconnect-scheduled', inMs: delay });
    const generation = this.generation;
    const connection = this.connection;
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      if (generation !== this.generation) return;
      const { mode, host, port, readOnly } = this.machine.session;
      this.apply({ type: 'start', mode, host, port: port ?? 0, readOnly });
      connection.connect(this.clientId(mode));
    }, delay);
  }

  private scheduleHeartbeat(generation: number): void {
    this.stopHeartbeat();
    this.heartbeatTimer = this.clock.setTimeout(() => void this.beat(generation), this.heartbeatIntervalMs);
  }

  private async beat(generation: number): Promise<void> {
    const connection = this.connection;
    if (!connection || generation !== this.generation || this.machine.phase !== 'up') return;
    if (this.clock.now() - this.lastAnswerAt > this.deadAfterMs) {
      const silentFor = Math.round((this.clock.now() - this.lastAnswerAt) / 1000);
      this.closeOnPurpose(connection);
      this.apply({
        type: 'socket-down',
        reason: `IB Gateway stopped answering for ${silentFor} s (half-open connection); reconnecting.`,
        at: this.clock.now(),
      });
      this.scheduleReconnect();
      return;
    }
    this.scheduleHeartbeat(generation);
    const sentAt = this.clock.now();
    const answered = await withTimeout(connection.currentTime(), this.heartbeatIntervalMs, this.clock);
    if (generation !== this.generation || this.machine.phase !== 'up') return;
    if (answered) {
      this.lastAnswerAt = this.clock.now();
      this.apply({ type: 'heartbeat', latencyMs: this.lastAnswerAt - sentAt, at: this.lastAnswerAt });
    } else {
      this.apply({ type: 'heartbeat-missed', at: this.clock.now() });
    }
  }

  private closeOnPurpose(connection: IbConnection): void {
    this.closingOnPurpose = true;
    try {
      connection.disconnect();
    } finally {
      this.closingOnPurpose = false;
    }
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private teardown(reason: string): void {
    this.generation++;
    this.stopHeartbeat();
    if (this.reconnectTimer !== null) this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const connection = this.connection;
    this.connection = null;
    if (connection) {
      connection.dispose();
      for (const listener of this.connectionListeners) listener(null);
    }
    if (this.machine.phase !== 'disconnected') this.apply({ type: 'stop', reason });
  }

  private apply(event: MachineEvent): void {
    const before = this.machine;
    this.machine = transition(before, event);
    // Counters (attempts, client ids) are the session's own business; only what a person sees is published.
    const shown =
      this.machine.session !== before.session ||
      this.machine.liveArmed !== before.liveArmed ||
      this.machine.disarmReason !== before.disarmReason;
    if (shown) this.publish();
  }

  private patch(fields: Partial<SessionState>): void {
    this.machine = { ...this.machine, session: { ...this.machine.session, ...fields } };
    this.publish();
  }

  private publish(): void {
    const session = this.machine.session;
    const liveArmed = session.mode === 'live' && this.machine.liveArmed;
    const gate = tradingGate({
      mode: session.mode,
      up: session.state === 'connected' || session.state === 'degraded',
      accounts: session.accounts,
      readOnly: session.readOnly,
      liveArmed,
      disarmReason: this.machine.disarmReason,
    });
    const state: SessionState = { ...session, liveArmed, tradingBlockedReason: tradingBlockedReason(gate) };
    this.machine = { ...this.machine, session: state };
    for (const listener of this.listeners) listener(state);
  }
}

function withTimeout(promise: Promise<unknown>, ms: number, clock: Clock): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clock.clearTimeout(timer);
        resolve(true);
      },
      () => {
        clock.clearTimeout(timer);
        resolve(false);
      },
    );
  });
}
