import { connect as netConnect, type Socket } from 'node:net';
import { ConnectionState, EventName, IBApi, IBApiNext } from '@stoqey/ib';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { expect } from 'vitest';
import { offerVersionsUpTo } from './tws-startup';

/**
 * Real @stoqey/ib clients against the simulator over loopback, with every error and notice the client
 * reports recorded, so each test can insist that nothing failed to decode.
 */

export const HOST = '127.0.0.1';

/** What the helpers need of an event source (IBApi extends eventemitter3's emitter, not node's). */
export interface Emitter {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}
/** The informational farm notices every fresh connection receives. */
export const FARM_NOTICES: ReadonlySet<number> = new Set([2104, 2106, 2158]);
const DECODING = /unprocessed data|Underrun|No parser implementation|decod/i;
/** @stoqey/ib's code for its own decoding complaints (ErrorCode.UNKNOWN_ID). */
export const UNKNOWN_ID = 505;

export interface Reported {
  /** 'error': the client's error event (has a request id); 'info': gateway messages with id -1. */
  source: 'error' | 'info';
  code: number;
  reqId: number;
  message: string;
}

/** Everything a client reported, in order. */
export class Reports {
  readonly all: Reported[] = [];
  private readonly waiters = new Set<(entry: Reported) => void>();

  push(entry: Reported): void {
    this.all.push(entry);
    for (const waiter of [...this.waiters]) waiter(entry);
  }

  codes(): number[] {
    return this.all.filter((entry) => !FARM_NOTICES.has(entry.code)).map((entry) => entry.code);
  }

  withCode(code: number): Reported[] {
    return this.all.filter((entry) => entry.code === code);
  }

  decodingErrors(): Reported[] {
    return this.all.filter(
      (entry) =>
        DECODING.test(entry.message) || entry.code === UNKNOWN_ID || (entry.code === -1 && entry.source === 'error'),
    );
  }

  /** Removes (and returns) entries a test provoked on purpose, e.g. the garbage-frame fault's decoding errors. */
  take(predicate: (entry: Reported) => boolean): Reported[] {
    const taken = this.all.filter(predicate);
    for (const entry of taken) this.all.splice(this.all.indexOf(entry), 1);
    return taken;
  }

  /** The first entry (already reported or still to come) matching, within `ms`. */
  waitFor(predicate: (entry: Reported) => boolean, ms = 3000, what = 'a matching error'): Promise<Reported> {
    const found = this.all.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = (entry: Reported) => {
        if (!predicate(entry)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${ms} ms waiting for ${what}; reported: ${JSON.stringify(this.all)}`));
      }, ms);
      this.waiters.add(waiter);
    });
  }

  code(code: number, reqId?: number, ms = 3000): Promise<Reported> {
    return this.waitFor(
      (entry) => entry.code === code && (reqId === undefined || entry.reqId === reqId),
      ms,
      `code ${code}${reqId === undefined ? '' : ` for request ${reqId}`}`,
    );
  }

  /** Fails the test on any decoding complaint. */
  expectClean(): void {
    expect(this.decodingErrors(), 'the client reported decoding errors').toEqual([]);
  }
}

function record(api: IBApi, reports: Reports): void {
  api.on(EventName.error, (error: Error, code: number, reqId: number) =>
    reports.push({ source: 'error', code, reqId: reqId ?? -1, message: error.message }),
  );
  api.on(EventName.info, (message: string, code: number) => reports.push({ source: 'info', code, reqId: -1, message }));
}

/** Resolves with the arguments of the first `event` matching `predicate`, or rejects after `ms`. */
export function nextEvent<A extends unknown[]>(
  emitter: Emitter,
  event: string,
  predicate: (...args: A) => boolean = () => true,
  ms = 3000,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      if (!predicate(...(args as A))) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args as A);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`Timed out after ${ms} ms waiting for ${event}`));
    }, ms);
    emitter.on(event, listener);
  });
}

/** Records every `event`'s arguments from now on. */
export function recordEvents<A extends unknown[]>(emitter: Emitter, event: string): A[] {
  const seen: A[] = [];
  emitter.on(event, (...args: unknown[]) => seen.push(args as A));
  return seen;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function until<T>(check: () => T | undefined, ms = 3000, what = 'a condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface NextClient {
  api: IBApiNext;
  /** The IBApi inside IBApiNext, for the server version and raw events. */
  raw: IBApi;
  reports: Reports;
  close(): void;
}

/** An IBApiNext connected (connectionState Connected) to the simulator, or a rejection after `ms`. */
export async function connectNext(port: number, clientId: number, ms = 5000, maxVersion?: number): Promise<NextClient> {
  const api = new IBApiNext({ host: HOST, port, reconnectInterval: 0 });
  // The wrapped IBApi is private in the typings; bracket access reaches it with its real type.
  const raw: IBApi = api['api'];
  if (maxVersion !== undefined) offerVersionsUpTo(raw, maxVersion);
  const reports = new Reports();
  record(raw, reports);
  const connected = firstValueFrom(
    api.connectionState.pipe(
      filter((state) => state === ConnectionState.Connected),
      timeout(ms),
    ),
  );
  api.connect(clientId);
  await connected;
  return { api, raw, reports, close: () => void api.disconnect() };
}

export interface RawApiClient {
  api: IBApi;
  reports: Reports;
  nextValidId: number;
  accounts: string[];
  close(): void;
}

/**
 * An IBApi that has completed startApi (nextValidId and managedAccounts received). With `maxVersion` it
 * offers versions up to that one only, so the simulator negotiates it (and both sides walk its layouts).
 */
export async function connectApi(
  port: number,
  clientId: number,
  ms = 5000,
  maxVersion?: number,
): Promise<RawApiClient> {
  const api = new IBApi({ host: HOST, port });
  if (maxVersion !== undefined) offerVersionsUpTo(api, maxVersion);
  const reports = new Reports();
  record(api, reports);
  const accounts = nextEvent<[string]>(api, EventName.managedAccounts, () => true, ms);
  const nextValidId = nextEvent<[number]>(api, EventName.nextValidId, () => true, ms);
  api.connect(clientId);
  const [[list], [orderId]] = await Promise.all([accounts, nextValidId]);
  return {
    api,
    reports,
    nextValidId: orderId,
    accounts: list.split(',').filter(Boolean),
    close: () => {
      if (api.isConnected) api.disconnect();
    },
  };
}

// ---- raw sockets: bytes exactly as a client would send them ----

export function frame(fields: readonly (string | number)[]): Buffer {
  const body = Buffer.from(fields.map((field) => `${field}\0`).join(''), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

export function handshakeBytes(range: string): Buffer {
  const body = Buffer.from(range, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([Buffer.from('API\0', 'latin1'), length, body]);
}

/** A plain TCP client that splits what it receives into frames and notices when the server hangs up. */
export class RawClient {
  readonly frames: string[][] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4) {
        const length = this.buffer.readUInt32BE(0);
        if (this.buffer.length < 4 + length) break;
        const fields = this.buffer
          .subarray(4, 4 + length)
          .toString('utf8')
          .split('\0');
        if (fields.at(-1) === '') fields.pop();
        this.frames.push(fields);
        this.buffer = this.buffer.subarray(4 + length);
      }
      this.notify();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  static open(port: number, ms = 3000): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host: HOST, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`Timed out connecting to ${port}`));
      }, ms);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new RawClient(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Handshakes at `range` and, when `clientId` is given, sends startApi (START_API 71, version 2). */
  static async started(port: number, clientId: number, range = 'v100..193'): Promise<RawClient> {
    const client = await RawClient.open(port);
    client.write(handshakeBytes(range));
    await client.waitForFrames(1);
    client.write(frame([71, 2, clientId, '']));
    await client.waitFor(() => client.frames.some((fields) => fields[0] === '9'), 'nextValidId');
    return client;
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  waitFor(check: () => boolean, what: string, ms = 3000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${ms} ms waiting for ${what}; frames: ${JSON.stringify(this.frames)}`));
      }, ms);
      this.waiters.add(waiter);
    });
  }

  waitForFrames(count: number, ms = 3000): Promise<void> {
    return this.waitFor(() => this.frames.length >= count, `${count} frame(s)`, ms);
  }

  waitForClose(ms = 3000): Promise<void> {
    return this.waitFor(() => this.closed, 'the server to close the socket', ms);
  }

  /** Error frames (id 4) as [reqId, code, message]. */
  errors(): { reqId: number; code: number; message: string }[] {
    return this.frames
      .filter((fields) => fields[0] === '4')
      .map((fields) => ({ reqId: Number(fields[2]), code: Number(fields[3]), message: fields[4] ?? '' }));
  }

  close(): void {
    this.socket.destroy();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
