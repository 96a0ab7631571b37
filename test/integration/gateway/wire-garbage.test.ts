import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { encodeFrame } from '../../../src/simulator/wire/frame';

/**
 * Malformed frames from the gateway's side never crash the services. The whole app core runs against a
 * real simulator behind a proxy that slips garbage into the gateway → client stream between two whole
 * frames, once the session is up. Afterwards the process has seen no uncaught exception or unhandled
 * rejection, and the session is connected with a fresh heartbeat, either on the same socket or after
 * reconnecting by itself.
 */

function lengthPrefixed(body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

const GARBAGE: Record<string, () => Buffer> = {
  'random bytes in a frame': () => lengthPrefixed(randomBytes(256)),
  'invalid UTF-8': () => lengthPrefixed(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x00])),
  'an empty frame': () => lengthPrefixed(Buffer.alloc(0)),
  'an unknown message id': () => encodeFrame([9999, 1, 'nobody knows this message']),
  'a message id that is not a number': () => encodeFrame(['garbage', 'frame']),
  'a tick price cut off after its ticker id': () => encodeFrame([1, 6, 1]),
  'an error message with missing fields': () => encodeFrame([4, 2]),
  'a 4 MB frame of junk fields': () => encodeFrame(Array.from({ length: 4096 }, () => 'x'.repeat(1024))),
  // The length promises 2 GB: framing is lost for good, only a new socket recovers.
  'a length prefix no frame follows': () => Buffer.concat([Buffer.from([0x7f, 0xff, 0xff, 0xff]), randomBytes(64)]),
  'a frame cut short, then the socket closes': () => Buffer.concat([Buffer.from([0, 0, 0, 100]), randomBytes(10)]),
};

/** Forwards whole frames both ways and can insert bytes between two frames from the gateway. */
class GarbageProxy {
  private readonly server: Server;
  private readonly clients = new Set<{ client: Socket; inject: (bytes: Buffer, thenClose: boolean) => void }>();
  connections = 0;

  private constructor(
    private readonly target: number,
    readonly port: number,
    server: Server,
  ) {
    this.server = server;
  }

  static async start(target: number): Promise<GarbageProxy> {
    let proxy: GarbageProxy | null = null;
    const server = createServer((client) => proxy?.accept(client));
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    proxy = new GarbageProxy(target, port, server);
    return proxy;
  }

  private accept(client: Socket): void {
    this.connections++;
    const upstream = createConnection({ host: '127.0.0.1', port: this.target });
    let pending = Buffer.alloc(0);
    const entry = {
      client,
      inject: (bytes: Buffer, thenClose: boolean) => {
        // Frames are forwarded whole as they complete, so the client's stream is at a boundary here.
        client.write(bytes);
        if (thenClose) client.end();
      },
    };
    this.clients.add(entry);
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let end = 0;
      while (pending.length - end >= 4) {
        const size = pending.readUInt32BE(end);
        if (pending.length - end - 4 < size) break;
        end += 4 + size;
      }
      if (end > 0 && !client.destroyed) client.write(pending.subarray(0, end));
      pending = pending.subarray(end);
    });
    client.pipe(upstream);
    const close = () => {
      this.clients.delete(entry);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  inject(bytes: Buffer, thenClose: boolean): number {
    for (const entry of this.clients) entry.inject(bytes, thenClose);
    return this.clients.size;
  }

  async close(): Promise<void> {
    for (const { client } of this.clients) client.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let sim: Simulator;
let proxy: GarbageProxy;
let app: GatehouseApp;
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

beforeEach(async () => {
  crashes.length = 0;
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  sim = await startSimulator({ port: 0, tickRate: 200 });
  proxy = await GarbageProxy.start(sim.port);
  app = await createApp({
    shell: 'harness',
    version: '0.0.0-test',
    logger: { log: () => undefined },
    userDataDir: mkdtempSync(join(tmpdir(), 'gatehouse-garbage-')),
    demo: { start: async () => ({ port: proxy.port }), stop: async () => undefined },
    credentials: new MemoryCredentialStore(),
  });
  await app.session.start();
});

afterEach(async () => {
  await app.dispose();
  await proxy.close();
  await sim.close();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

/** Polls the session until the predicate holds; the session's own heartbeat paces what can change. */
async function until(predicate: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(app.session.current())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('malformed frames from the gateway', () => {
  it.each(Object.entries(GARBAGE))(
    '%s: no crash, and the session is connected again',
    async (label, make) => {
      await until(() => app.session.current().state === 'connected', 'the first connection', 10_000);
      // Something streaming, so the garbage lands among real traffic.
      const quotes = await app.router.call('market.addToWatchlist', {
        listing: {
          conId: 265598,
          symbol: 'AAPL',
          secType: 'STK',
          exchange: 'SMART',
          primaryExchange: 'NASDAQ',
          currency: 'USD',
          description: 'APPLE INC',
        },
      });
      expect(quotes).toMatchObject({ ok: true });
      const injectedAt = Date.now();
      expect(proxy.inject(make(), label.includes('socket closes'))).toBeGreaterThan(0);

      // Eight seconds of silence mark a socket dead (lost framing), then the session reconnects.
      await until(
        () => {
          const s = app.session.current();
          return s.state === 'connected' && (s.lastHeartbeatAt ?? 0) > injectedAt + 100 && s.accounts.length === 3;
        },
        'a connected session with a heartbeat after the garbage',
        25_000,
      );
      expect(crashes).toEqual([]);
      const status = await app.router.call('session.status', undefined);
      expect(status).toMatchObject({ ok: true, value: { state: 'connected' } });
    },
    40_000,
  );
});
