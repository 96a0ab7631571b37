import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import { startHarness, type Harness } from '../../../src/harness/server';
import { ipcApi } from '../../../src/shared/api';
import { HARNESS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/harness-protocol';
import { ERROR_CODES } from '../../../src/shared/result';

/**
 * Random and malformed frames at every contract call over the harness WebSocket: each one gets a typed
 * answer (an error with a code and a message, or a valid value when the random input happens to be
 * valid), and the server keeps serving. Seeded, so a failure replays exactly.
 */

const SEED = 0x6a7e;
const MESSAGES = 2000;
const METHODS = Object.keys(ipcApi.requests);

let app: GatehouseApp;
let harness: Harness;
const logged: string[] = [];

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(join(rendererDir, 'harness.html'), '<!doctype html><title>Gatehouse</title>');
  // No gateway: the fuzzer is about the transport and validation, and must not place orders anywhere.
  const demo = { start: () => Promise.reject(new Error('no simulator in this test')), stop: async () => {} };
  app = await createApp({
    shell: 'harness',
    version: '0.0.0-fuzz',
    logger: { log: (level, message) => void (level === 'error' && logged.push(message)) },
    userDataDir: mkdtempSync(join(tmpdir(), 'gatehouse-fuzz-')),
    demo,
    credentials: new MemoryCredentialStore(),
  });
  harness = await startHarness({ app, rendererDir, log: () => {} });
});

afterAll(async () => {
  await harness.close();
  await app.dispose();
});

/** mulberry32: small, fast and good enough to spread inputs; the seed makes a run reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

function randomString(): string {
  switch (int(6)) {
    case 0:
      return '';
    case 1:
      return 'x'.repeat(50_000 + int(150_000));
    case 2:
      return String.fromCharCode(...Array.from({ length: 1 + int(40) }, () => int(0xd7ff)));
    case 3:
      return pick(['AAPL', 'DU1000002', 'LMT', 'BUY', 'paper', 'live', 'LIVE', 'DAY', '__proto__', 'constructor']);
    case 4:
      return '\u0000\u202e<script>alert(1)</script>';
    default:
      return random().toString(36).slice(0, int(20));
  }
}

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick([0, -1, 1, 17, 265598, 1e308, -1e308, 0.000001, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    case 3:
      return random() * 1000 - 500;
    case 4:
    case 5:
      return randomString();
    case 6:
      return Array.from({ length: int(6) }, () => randomValue(depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: int(6) }, () => [randomString().slice(0, 30), randomValue(depth + 1)]),
      );
    default:
      return shaped(pick(METHODS), depth + 1);
  }
}

/** An object with the method's own top-level field names, each with a random (mostly wrong) value. */
function shaped(method: string, depth: number): unknown {
  const schema: unknown = ipcApi.requests[method as keyof typeof ipcApi.requests]?.input;
  if (!(schema instanceof z.ZodObject)) return randomValue(depth + 1);
  const keys = Object.keys(schema.shape as Record<string, unknown>).filter(() => random() < 0.8);
  return Object.fromEntries(keys.map((key) => [key, randomValue(depth + 1)]));
}

function deeplyNested(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

type Frame = { data: string | Buffer; id: number | null };

/** The harness's frame limit (1 MiB) closes the socket; that case has its own test below. */
const MAX_FUZZ_FRAME = 900_000;

/** One malformed or random frame; `id` is the id the answer must carry (null when the frame has none). */
function randomFrame(n: number): Frame {
  const frame = anyFrame(n);
  return frame.data.length <= MAX_FUZZ_FRAME ? frame : { data: JSON.stringify({ id: n, method: 'no.such' }), id: n };
}

function anyFrame(n: number): Frame {
  const id = n;
  const method = METHODS[n % METHODS.length] ?? 'app.info';
  const roll = random();
  if (roll < 0.55) {
    const frame: Record<string, unknown> = { id, method };
    if (random() < 0.85) frame.input = random() < 0.6 ? shaped(method, 0) : randomValue();
    return { data: JSON.stringify(frame), id };
  }
  if (roll < 0.65)
    return { data: JSON.stringify({ id, method: randomString().slice(0, 300), input: randomValue() }), id };
  if (roll < 0.72) return { data: `{"id":${id},"method":"${method}","input":${deeplyNested(2000 + int(8000))}}`, id };
  if (roll < 0.78) {
    const text = JSON.stringify({ id, method, input: randomValue() });
    return { data: text.slice(0, int(text.length)), id: null };
  }
  if (roll < 0.84)
    return {
      data: JSON.stringify(
        pick([{ id: String(id), method }, { id: -id - 1, method }, { id: id + 0.5, method }, { method }, [id, method]]),
      ),
      id: null,
    };
  if (roll < 0.88) return { data: JSON.stringify({ id, method, input: {}, extra: randomValue() }), id };
  if (roll < 0.92) return { data: Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256))), id: null };
  if (roll < 0.96) return { data: pick(['', 'null', '42', '"call"', 'undefined', '{', '\u0000']), id: null };
  return { data: JSON.stringify({ id, method: pick(['__proto__', 'constructor', 'toString', 'app.', '.']) }), id };
}

const ReplySchema = z.strictObject({
  id: z.number().int().nonnegative().nullable(),
  result: z.union([
    // A call whose output is void answers { ok: true } (JSON drops the undefined value).
    z.strictObject({ ok: z.literal(true), value: z.unknown().optional() }),
    z.strictObject({
      ok: z.literal(false),
      error: z.strictObject({
        code: z.enum(ERROR_CODES),
        message: z.string().min(1),
        issues: z.array(z.string()).optional(),
      }),
    }),
  ]),
});

function connect(): Promise<WebSocket> {
  const ws = new WebSocket(
    `${harness.origin.replace('http', 'ws')}/api`,
    [HARNESS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${harness.token}`],
    { origin: harness.origin },
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The next reply (events are skipped), or why none came to the frame `sent`. */
function nextReply(ws: WebSocket, sent = ''): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no answer within 5 s to ${sent.slice(0, 300)}`)), 5000);
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in frame) return;
      done(null, frame);
    };
    const onClose = (code: number) => done(new Error(`closed with ${code}`));
    const done = (error: Error | null, frame?: unknown) => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      if (error) reject(error);
      else resolve(frame);
    };
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
}

describe('harness transport fuzz', () => {
  it(`answers ${MESSAGES} random and malformed frames with typed results and stays up`, async () => {
    const ws = await connect();
    const codes = new Map<string, number>();
    for (let n = 0; n < MESSAGES; n++) {
      const frame = randomFrame(n);
      const answered = nextReply(ws, `frame ${n}: ${String(frame.data)}`);
      ws.send(frame.data, { binary: Buffer.isBuffer(frame.data) });
      const reply = ReplySchema.parse(await answered);
      expect(reply.id, `frame ${n}: ${String(frame.data).slice(0, 200)}`).toBe(frame.id);
      const code = reply.result.ok ? 'ok' : reply.result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // Bad input is the caller's fault: never an internal error or an invalid answer from a service.
    expect([...codes.keys()].filter((c) => c === 'internal' || c === 'bad_response')).toEqual([]);
    expect(codes.get('bad_request') ?? 0).toBeGreaterThan(MESSAGES / 2);
    expect(logged).toEqual([]);

    ws.send(JSON.stringify({ id: 1, method: 'session.status' }));
    expect(await nextReply(ws)).toMatchObject({ id: 1, result: { ok: true } });
    ws.close();
  }, 120_000);

  it('closes a connection that sends an oversized frame, and keeps serving others', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(JSON.stringify({ id: 1, method: 'app.info', input: 'x'.repeat(2 * 1024 * 1024) }));
    expect(await closed).toBe(1009);
    const next = await connect();
    next.send(JSON.stringify({ id: 2, method: 'app.info' }));
    expect(await nextReply(next)).toMatchObject({ id: 2, result: { ok: true, value: { version: '0.0.0-fuzz' } } });
    next.close();
  });
});
