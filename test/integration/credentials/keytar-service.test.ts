/**
 * The credentials room's service over the real keychain (gnome-keyring in CI), under a service name
 * of this run's own: store, replace, list, delete — and what the keychain holds afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CredentialsService } from '../../../src/core/credentials/credentials-service';
import { KnownSecrets } from '../../../src/core/credentials/known-secrets';
import { KeytarCredentialStore, type KeychainBackend } from '../../../src/core/credentials/keytar-credential-store';

const SERVICE = `Gatehouse-test-${randomUUID()}`;
const HOW =
  "dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm test'";

function needKeychain(ctx: { skip: (note?: string) => never }): void {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return;
  if (process.env.CI) throw new Error(`CI must run the keychain tests against a Secret Service. Run: ${HOW}`);
  ctx.skip(`no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset); run: ${HOW}`);
}

const raw = async (): Promise<KeychainBackend> =>
  ((await import('keytar')) as unknown as { default: KeychainBackend }).default;

afterAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return;
  const keytar = await raw();
  for (const account of ['paper/username', 'paper/password', 'live/username', 'live/password']) {
    await keytar.deletePassword(SERVICE, account);
  }
});

describe('CredentialsService over the real keychain', () => {
  it('stores, replaces, lists and deletes logins per mode, under its service', async (ctx) => {
    needKeychain(ctx);
    const store = new KeytarCredentialStore({ service: SERVICE, timeoutMs: 10_000 });
    const service = new CredentialsService(store, new KnownSecrets());
    const keytar = await raw();

    expect(await service.status('paper')).toEqual({ mode: 'paper', stored: false, username: null });
    await service.set('paper', 'paper-user', 'paper-S3cret-1');
    await service.set('live', 'live-user', 'live-S3cret-1');
    expect(await keytar.getPassword(SERVICE, 'paper/password')).toBe('paper-S3cret-1');
    expect(await keytar.getPassword(SERVICE, 'live/username')).toBe('live-user');
    expect(await store.list()).toHaveLength(4);

    expect(await service.set('paper', 'paper-user-2', 'paper-S3cret-2')).toEqual({
      mode: 'paper',
      stored: true,
      username: 'paper-user-2',
    });
    expect(await service.login('paper')).toEqual({ username: 'paper-user-2', password: 'paper-S3cret-2' });

    expect(await service.delete('paper')).toEqual({ mode: 'paper', stored: false, username: null });
    expect(await keytar.getPassword(SERVICE, 'paper/password')).toBeNull();
    expect(await store.list()).toEqual([
      { mode: 'live', purpose: 'username' },
      { mode: 'live', purpose: 'password' },
    ]);
    expect(await service.status('live')).toEqual({ mode: 'live', stored: true, username: 'live-user' });
    await service.delete('live');
    expect(await store.list()).toEqual([]);
  });
});
