import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import { startHarness, type Harness } from '../../../src/harness/server';
import { HARNESS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/harness-protocol';

const silent = { log: () => {} };
let app: GatehouseApp;
let harness: Harness;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Gatehouse</title>');
  // No gateway here: this suite is about the transport, so demo mode's simulator refuses to start.
  const demo = { start: () => Promise.reject(new Error('no simulator in this test')), stop: async () => {} };
  const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-user-'));
  app = await createApp({
    shell: 'harness',
    version: '0.0.0-test',
    logger: silent,
    userDataDir,
    demo,
    credentials: new MemoryCredentialStore(),
  });
  harness = await startHarness({ app, rendererDir, log: () => {} });
});

afterAll(async () => {
  await harness.close();
  await app.dispose();
});

const wsUrl = () => `${harness.origin.replace('http', 'ws')}/api`;

function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const protocols = [HARNESS_PROTOCOL];
  if (options.token !== undefined) protocols.push(`${TOKEN_PROTOCOL_PREFIX}${options.token}`);
  const ws = new WebSocket(wsUrl(), protocols, { origin: options.origin ?? harness.origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('harness WebSocket binding', () => {
  it('answers a call with the router result', async () => {
    const ws = await connect({ token: harness.token });
    ws.send(JSON.stringify({ id: 7, method: 'app.info' }));
    expect(await nextFrame(ws)).toEqual({
      id: 7,
      result: { ok: true, value: { name: 'Gatehouse', version: '0.0.0-test', shell: 'harness', notices: [] } },
    });
    ws.close();
  });

  it.each([
    ['not JSON', '{oops', null],
    ['not a call', JSON.stringify({ hello: 'world' }), null],
    ['a call with a bad id', JSON.stringify({ id: -1, method: 'app.info' }), null],
    ['an unknown method', JSON.stringify({ id: 3, method: 'orders.yolo' }), 3],
    ['a bad payload', JSON.stringify({ id: 4, method: 'session.setMode', input: { mode: 42 } }), 4],
  ])('answers %s with a typed bad_request and stays up', async (_label, frame, id) => {
    const ws = await connect({ token: harness.token });
    ws.send(frame);
    expect(await nextFrame(ws)).toMatchObject({ id, result: { ok: false, error: { code: 'bad_request' } } });
    ws.send(JSON.stringify({ id: 9, method: 'session.status' }));
    expect(await nextFrame(ws)).toMatchObject({ id: 9, result: { ok: true } });
    ws.close();
  });

  it('takes a signal without answering it', async () => {
    const ws = await connect({ token: harness.token });
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    // No batch was sent, so the ack finds nothing to release; what matters is that nothing comes back.
    ws.send(JSON.stringify({ signal: 'market.ack', input: { seq: 1 } }));
    ws.send(JSON.stringify({ id: 9, method: 'session.status' }));
    await new Promise<void>((resolve) => ws.once('message', () => resolve()));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ id: 9, result: { ok: true } });
    ws.close();
  });

  it.each([
    ['an unknown signal', JSON.stringify({ signal: 'orders.yolo', input: {} })],
    ['a signal with a bad payload', JSON.stringify({ signal: 'market.ack', input: { seq: -1 } })],
    ['a signal frame with an extra field', JSON.stringify({ signal: 'market.ack', input: { seq: 1 }, id: 2 })],
  ])('answers %s with id null and a typed bad_request, and stays up', async (_label, frame) => {
    const ws = await connect({ token: harness.token });
    ws.send(frame);
    expect(await nextFrame(ws)).toMatchObject({ id: null, result: { ok: false, error: { code: 'bad_request' } } });
    ws.send(JSON.stringify({ id: 9, method: 'session.status' }));
    expect(await nextFrame(ws)).toMatchObject({ id: 9, result: { ok: true } });
    ws.close();
  });

  it('forwards published events to connected clients', async () => {
    const ws = await connect({ token: harness.token });
    const frame = nextFrame(ws);
    await app.actions.setMode('paper');
    expect(await frame).toMatchObject({ event: 'session.state', payload: { mode: 'paper' } });
    ws.close();
  });

  it('refuses a connection without the token', async () => {
    await expect(connect()).rejects.toThrow('HTTP 401');
  });

  it('refuses a connection with the wrong token', async () => {
    await expect(connect({ token: 'f'.repeat(harness.token.length) })).rejects.toThrow('HTTP 401');
  });

  it('refuses a connection from another origin, even with the token', async () => {
    await expect(connect({ token: harness.token, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('serves the page with the CSP and refuses paths outside the renderer', async () => {
    const page = await fetch(`${harness.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const escape = await fetch(`${harness.origin}/..%2f..%2fpackage.json`);
    expect(escape.status).toBe(404);
  });

  it('listens on loopback only', () => {
    expect(new URL(harness.origin).hostname).toBe('127.0.0.1');
  });
});

describe('the port the harness serves on', () => {
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('moves to a free port when its default one is taken, and says so', async () => {
    const logged: string[] = [];
    const moved = await startHarness({
      app,
      rendererDir,
      port: takenPort,
      anyPortIfTaken: true,
      log: (line) => logged.push(line),
    });
    try {
      expect(Number(new URL(moved.origin).port)).not.toBe(takenPort);
      expect(logged.join('\n')).toContain(`port ${takenPort} is in use`);
      expect((await fetch(`${moved.origin}/`)).status).toBe(200);
    } finally {
      await moved.close();
    }
  });

  it('refuses a port that was asked for and is taken', async () => {
    await expect(startHarness({ app, rendererDir, port: takenPort, log: () => {} })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
