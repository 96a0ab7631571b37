/**
 * KeytarCredentialStore when there is no usable keychain: each case runs in a child process, because
 * the D-Bus session is per process and a keychain call that never answers cannot be cancelled.
 * Linux only: these are the Secret Service's ways to fail.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from './child-process';
import type { ChildCall, ChildResult } from './keychain-child';

const SECRET = 'S3cret-hunter2';
const EVERY_CALL: ChildCall[] = [
  ['set', 'paper', 'password', SECRET],
  ['get', 'paper', 'password'],
  ['has', 'paper', 'password'],
  ['list'],
  ['delete', 'paper', 'password'],
];

const emptyRuntimeDir = mkdtempSync(join(tmpdir(), 'gatehouse-no-bus-'));
afterAll(() => rmSync(emptyRuntimeDir, { recursive: true, force: true }));

/**
 * The environment without any way to a session bus or a display (no prompt may pop up). GLib also
 * looks for $XDG_RUNTIME_DIR/bus, so that points at an empty folder: on a desktop it would otherwise
 * find the developer's own session and keyring.
 */
function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: emptyRuntimeDir, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  if (!('DBUS_SESSION_BUS_ADDRESS' in extra)) delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

function expectAllUnavailable(results: ChildResult[], message: RegExp): void {
  expect(results).toHaveLength(EVERY_CALL.length);
  for (const result of results) {
    expect(result).toMatchObject({ ok: false, code: 'unavailable' });
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain(SECRET);
    }
  }
}

const onPath = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('KeytarCredentialStore with no usable keychain', () => {
  const service = `Gatehouse-test-${randomUUID()}`;

  it('no session bus at the address given: a fix-it message, at once', async () => {
    const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tmpdir(), `no-bus-${randomUUID()}`)}` });
    const run = await runChild({ service, timeoutMs: 5_000, calls: EVERY_CALL }, env);
    expectAllUnavailable(
      run.results,
      /^No keychain is available: Gatehouse keeps IB Gateway logins only in the OS keychain \(Secret Service on Linux — install and unlock gnome-keyring or KeePassXC; Keychain on macOS; Credential Manager on Windows\)\. Nothing was (saved|read|deleted)\.$/,
    );
    expect(run.results.every((result) => result.ms < 2_000)).toBe(true);
  });

  it('no session bus at all (nor a display to start one): the same message', async () => {
    const run = await runChild({ service, timeoutMs: 5_000, calls: EVERY_CALL }, isolatedEnv());
    expectAllUnavailable(run.results, /^No keychain is available: .*Nothing was (saved|read|deleted)\.$/);
  });

  describe('a bus that accepts the connection and never answers', () => {
    let server: Server;
    const sockets = new Set<Socket>();
    const path = join(tmpdir(), `silent-bus-${randomUUID()}`);

    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(path, resolve));
    });

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('every call gives up after its timeout instead of hanging', async () => {
      const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path}` });
      const run = await runChild({ service, timeoutMs: 500, calls: EVERY_CALL }, env);
      expectAllUnavailable(run.results, /^The keychain did not answer within 0\.5 s: .*unlock/);
      for (const result of run.results) expect(result.ms).toBeLessThan(1_500);
      expect(sockets.size).toBeGreaterThan(0); // it did reach the silent bus
    });
  });

  const haveKeyring = onPath('dbus-run-session') && onPath('gnome-keyring-daemon');
  describe('a locked gnome-keyring whose unlock prompt cannot be shown', () => {
    // A keyring of its own in a scratch home: the developer's login keyring is never opened.
    const home = mkdtempSync(join(tmpdir(), 'gatehouse-keyring-'));
    const env = isolatedEnv({
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_RUNTIME_DIR: home,
    });
    const unlocked = [
      'dbus-run-session',
      '--',
      'sh',
      '-c',
      'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"',
      'sh',
    ];
    // Without --unlock the bus starts gnome-keyring on demand, locked, and its prompter has no display.
    const locked = ['dbus-run-session', '--'];

    afterAll(() => rmSync(home, { recursive: true, force: true }));

    it('says "locked" for every call instead of "nothing stored", and loses nothing', async (ctx) => {
      if (!haveKeyring) {
        const reason = 'dbus-run-session or gnome-keyring-daemon is not installed';
        if (process.env.CI) throw new Error(`CI must run the keychain tests: ${reason}`);
        ctx.skip(reason);
      }
      const seeded = await runChild({ service, timeoutMs: 5_000, calls: [['set', 'paper', 'password', SECRET]] }, env, {
        prefix: unlocked,
      });
      expect(seeded.results).toEqual([expect.objectContaining({ ok: true })]);

      const whileLocked = await runChild({ service, timeoutMs: 5_000, calls: EVERY_CALL }, env, { prefix: locked });
      expectAllUnavailable(whileLocked.results, /^The keychain is locked, or its unlock prompt was dismissed/);

      // What libsecret says on its own, and why the store confirms a miss: "nothing there".
      const unconfirmed = await runChild(
        { service, timeoutMs: 5_000, confirmMisses: false, calls: [['get', 'paper', 'password']] },
        env,
        { prefix: locked },
      );
      expect(unconfirmed.results).toEqual([expect.objectContaining({ ok: true, value: null })]);

      const afterwards = await runChild(
        {
          service,
          timeoutMs: 5_000,
          calls: [
            ['get', 'paper', 'password'],
            ['delete', 'paper', 'password'],
          ],
        },
        env,
        { prefix: unlocked },
      );
      expect(afterwards.results).toEqual([
        expect.objectContaining({ ok: true, value: SECRET }),
        expect.objectContaining({ ok: true, value: true }),
      ]);
    });
  });
});
