import { type Socket } from 'node:net';
import { encodeFrame, FrameReader, splitFields } from '../wire/frame';
import { negotiateVersion, parseVersionRange } from '../wire/handshake';
import { decodeRequest } from '../wire/incoming';
import { MIN_SERVER_VERSION, WireError, type ClientRequest, type ServerMessage } from '../wire/messages';
import { encodeMessage } from '../wire/outgoing';
import { ConnectionSubscriptions } from './subscriptions';
import { gatewayTime } from './wire-mapping';

/** Past this much unsent data, market ticks to the connection are skipped (a slow client gets fresh state, not a backlog). */
export const TICK_BACKLOG_BYTES = 4 * 1024 * 1024;

export interface ConnectionHost {
  now(): number;
  log(line: string): void;
  /** The client sent startApi; the host decides whether the client id may connect. */
  onStartApi(connection: ApiConnection, request: Extract<ClientRequest, { type: 'startApi' }>): void;
  onRequest(connection: ApiConnection, request: ClientRequest): void;
  onClose(connection: ApiConnection): void;
}

type Phase = 'handshake' | 'awaiting-start' | 'started' | 'closed';

/**
 * One client socket: the handshake, framing, decoding and writes. Writes are gathered and flushed once per
 * turn of the event loop, so a burst of ticks costs one syscall. What the client asked for (subscriptions)
 * lives in `state`, owned by the handlers.
 */
export class ApiConnection {
  readonly id: number;
  serverVersion = 0;
  clientId = -1;
  readonly subs = new ConnectionSubscriptions();
  /** How many of each request this client sent after startApi: tests count what a client costs the gateway. */
  readonly requestCounts = new Map<ClientRequest['type'], number>();
  private phase: Phase = 'handshake';
  private readonly reader = new FrameReader({ expectApiPrefix: true });
  private queue: Buffer[] = [];
  private flushScheduled = false;
  private stalled = false;

  constructor(
    id: number,
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.id = id;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.host.log(`connection ${id}: socket error: ${error.message}`));
    socket.on('close', () => {
      this.phase = 'closed';
      this.host.onClose(this);
    });
  }

  get isClosed(): boolean {
    return this.phase === 'closed';
  }

  get started(): boolean {
    return this.phase === 'started';
  }

  get remote(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  /** Whether ticks should be skipped because the client is not keeping up. */
  get backlogged(): boolean {
    return this.socket.writableLength > TICK_BACKLOG_BYTES;
  }

  markStarted(clientId: number): void {
    this.clientId = clientId;
    this.phase = 'started';
  }

  send(message: ServerMessage): void {
    if (this.phase === 'closed' || this.stalled) return;
    this.write(encodeFrame(encodeMessage(this.serverVersion, message)));
  }

  /** Raw bytes, for the garbage-frame fault only. */
  sendRaw(frame: Buffer): void {
    if (this.phase !== 'closed' && !this.stalled) this.write(frame);
  }

  /** Goes silent with the socket left open: a half-open connection as the client sees it. */
  stall(): void {
    this.stalled = true;
    this.queue = [];
    this.socket.pause();
  }

  resume(): void {
    if (!this.stalled) return;
    this.stalled = false;
    this.socket.resume();
  }

  /** Closes after what is queued has been written. */
  close(reason: string): void {
    if (this.phase === 'closed') return;
    this.host.log(`connection ${this.id} (client ${this.clientId}): closing: ${reason}`);
    this.flush();
    this.phase = 'closed';
    this.socket.end();
    this.socket.destroySoon();
  }

  /** Drops the socket at once, as a network failure would. */
  destroy(): void {
    this.phase = 'closed';
    this.socket.destroy();
  }

  private write(frame: Buffer): void {
    this.queue.push(frame);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0 || this.socket.destroyed) return;
    const data = this.queue.length === 1 ? this.queue[0] : Buffer.concat(this.queue);
    this.queue = [];
    if (data) this.socket.write(data);
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'closed' || this.stalled) return;
    let frames: Buffer[];
    try {
      frames = this.reader.push(chunk);
    } catch (error) {
      // Framing cannot be recovered: the gateway drops such a client, and so do we.
      this.close(`unreadable stream: ${(error as Error).message}`);
      return;
    }
    for (const frame of frames) {
      // A frame may have closed the connection (bad handshake, refused client id): drop the rest.
      if (this.isClosed) return;
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const fields = splitFields(frame);
    if (this.phase === 'handshake') {
      this.onHandshake(fields.join(' '));
      return;
    }
    let request: ClientRequest;
    try {
      request = decodeRequest(this.serverVersion, fields);
    } catch (error) {
      const reqId = error instanceof WireError ? (error.reqId ?? -1) : -1;
      this.host.log(`connection ${this.id}: bad request: ${(error as Error).message}`);
      this.sendError(reqId, 320, `Error reading request. ${(error as Error).message}`);
      return;
    }
    if (this.phase === 'awaiting-start') {
      if (request.type !== 'startApi') {
        this.close(`a ${request.type} request arrived before startApi`);
        return;
      }
      this.host.onStartApi(this, request);
      return;
    }
    this.requestCounts.set(request.type, (this.requestCounts.get(request.type) ?? 0) + 1);
    try {
      this.host.onRequest(this, request);
    } catch (error) {
      // A handler bug must cost one request, not the simulator.
      this.host.log(`connection ${this.id}: ${request.type} failed: ${(error as Error).stack ?? String(error)}`);
      this.sendError(-1, 321, `Error validating request. The simulator could not serve ${request.type}.`);
    }
  }

  private onHandshake(text: string): void {
    let version: number | null;
    try {
      version = negotiateVersion(parseVersionRange(text));
    } catch (error) {
      this.close(`bad handshake: ${(error as Error).message}`);
      return;
    }
    const time = `${gatewayTime(this.host.now())} UTC`;
    if (version === null) {
      // Like the gateway: answer with the version we have, so the client can report the mismatch, then hang up.
      this.socket.write(encodeFrame([MIN_SERVER_VERSION, time]));
      this.close(`client version range "${text}" is below ${MIN_SERVER_VERSION}`);
      return;
    }
    this.serverVersion = version;
    this.phase = 'awaiting-start';
    this.write(encodeFrame([version, time]));
  }

  sendError(reqId: number, code: number, message: string): void {
    this.send({ type: 'error', reqId, code, message, advancedOrderRejectJson: '', errorTime: this.host.now() });
  }
}
