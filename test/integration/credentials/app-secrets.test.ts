/**
 * The credentials room through the app's one router, as both shells bind it: a password goes in and
 * never comes out — not in an answer (good or failed), an event, a log line or a file in user data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type GatehouseApp } from '../../../src/core/app';
import type { CredentialKey, CredentialStore } from '../../../src/core/credentials/credential-store';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import { createDemoGateway } from '../../../src/core/gateway/demo-gateway';
import type { Logger } from '../../../src/core/log';
import { ipcApi } from '../../../src/shared/api';
import { startSimulator } from '../../../src/simulator';

const PASSWORD = 'Zq7-app-S3cret"\\&x';
const USERNAME = 'trader-jo';

let dir: string;
let app: GatehouseApp;
let logged: string[];
let published: string[];
let answers: string[];

async function start(credentials: CredentialStore = new MemoryCredentialStore()): Promise<void> {
  const logger: Logger = {
    log: (level, message, error) =>
      logged.push(
        `${level} ${message}\n${error instanceof Error ? `${error.stack}\n${String(error.cause)}` : String(error)}`,
      ),
  };
  app = await createApp({
    shell: 'harness',
    version: '0.0.0-test',
    logger,
    userDataDir: dir,
    demo: createDemoGateway(
      (o) => startSimulator({ ...o, tickRate: 0 }),
      () => undefined,
    ),
    credentials,
  });
  app.events.subscribe((event, payload) => published.push(`${event} ${JSON.stringify(payload)}`));
}

async function call(method: string, input?: unknown) {
  const result = await app.router.call(method, input);
  answers.push(`${method} ${JSON.stringify(result)}`);
  return result;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectNoSecretAnywhere(): void {
  const spellings = [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), encodeURIComponent(PASSWORD)];
  const haystacks = {
    answers: answers.join('\n'),
    events: published.join('\n'),
    log: logged.join('\n'),
    files: filesUnder(dir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
  };
  for (const [where, text] of Object.entries(haystacks)) {
    for (const spelling of spellings) expect(text.includes(spelling), `${where} contains the password`).toBe(false);
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-app-secrets-'));
  logged = [];
  published = [];
  answers = [];
});

afterEach(async () => {
  await app?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('credentials through the app router', () => {
  it('stores, reports the username only, replaces and deletes a login', async () => {
    const store = new MemoryCredentialStore();
    await start(store);
    expect(await call('credentials.status')).toEqual({
      ok: true,
      value: [
        { mode: 'paper', stored: false, username: null },
        { mode: 'live', stored: false, username: null },
      ],
    });
    expect(await call('credentials.set', { mode: 'paper', username: USERNAME, password: PASSWORD })).toEqual({
      ok: true,
      value: { mode: 'paper', stored: true, username: USERNAME },
    });
    expect(await store.get({ mode: 'paper', purpose: 'password' })).toBe(PASSWORD);
    expect(
      await call('credentials.set', { mode: 'paper', username: 'someone-else', password: `${PASSWORD}2` }),
    ).toEqual({ ok: true, value: { mode: 'paper', stored: true, username: 'someone-else' } });
    expect(await store.get({ mode: 'paper', purpose: 'password' })).toBe(`${PASSWORD}2`);
    expect(await call('credentials.delete', { mode: 'paper' })).toEqual({
      ok: true,
      value: { mode: 'paper', stored: false, username: null },
    });
    expect(await store.list()).toEqual([]);
    expectNoSecretAnywhere();
  });

  it('malformed requests carrying the password answer without it', async () => {
    await start();
    const bad = [
      { mode: 'paper', username: '', password: PASSWORD },
      { mode: 'demo', username: USERNAME, password: PASSWORD },
      { mode: 'paper', username: USERNAME, password: PASSWORD, note: PASSWORD },
      { mode: 'paper', username: 42, password: PASSWORD },
      { mode: 'paper', username: USERNAME, password: PASSWORD.repeat(100) },
      { mode: 'paper', username: USERNAME, password: [PASSWORD] },
    ];
    for (const input of bad) {
      const result = await call('credentials.set', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(answers.join('\n')).toContain('password: The password is longer than 1,024 characters.');
    expectNoSecretAnywhere();
  });

  it('a keychain that fails with the secret in its error: a safe answer, and a redacted log', async () => {
    const leaky: CredentialStore = Object.assign(new MemoryCredentialStore(), {
      set: async (_key: CredentialKey, secret: string) => {
        throw new Error(`backend exploded while writing ${secret}`, { cause: new Error(`cause: ${secret}`) });
      },
    });
    await start(leaky);
    const result = await call('credentials.set', { mode: 'live', username: USERNAME, password: PASSWORD });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Gatehouse could not complete credentials.set; the details are in the log.' },
    });
    expect(logged.join('\n')).toContain('backend exploded while writing [redacted]');
    expectNoSecretAnywhere();
  });

  it('after a login is stored, no request of the whole contract answers with it', async () => {
    await start();
    await call('credentials.set', { mode: 'paper', username: USERNAME, password: PASSWORD });
    await call('credentials.set', { mode: 'live', username: USERNAME, password: PASSWORD });
    for (const name of Object.keys(ipcApi.requests)) {
      if (name === 'session.reconnect' || name === 'credentials.delete') continue;
      await call(name, undefined);
    }
    expect(answers.length).toBeGreaterThan(Object.keys(ipcApi.requests).length - 2);
    expectNoSecretAnywhere();
  });
});
