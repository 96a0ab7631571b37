/**
 * The real KeytarCredentialStore against a real Secret Service (gnome-keyring in CI):
 *   dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm test'
 * Every test writes under a service name of its own run, so a developer's real entries are never touched.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CREDENTIAL_KEYS } from '../../../src/core/credentials/credential-store';
import { accountName } from '../../../src/core/credentials/credential-validation';
import {
  KeytarCredentialStore,
  PROBE_ACCOUNT,
  type KeychainBackend,
} from '../../../src/core/credentials/keytar-credential-store';
import { describeCredentialStoreContract } from '../../unit/core/credentials/store-contract';

const SERVICE = `Gatehouse-test-${randomUUID()}`;
const ACCOUNTS = [...ALL_CREDENTIAL_KEYS.map(accountName), PROBE_ACCOUNT];
const HOW =
  "dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm test'";

let skipAnnounced = false;

/**
 * No session bus, no keychain to test: a skip with its reason locally, a failure in CI. The reason
 * also goes to stderr once, because Vitest's reporters do not all show skip notes.
 */
function needKeychain(ctx: { skip: (note?: string) => never }): void {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return;
  if (process.env.CI) {
    throw new Error(
      `CI must run the keychain tests against a Secret Service, and DBUS_SESSION_BUS_ADDRESS is unset. Run: ${HOW}`,
    );
  }
  const reason = `no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset), so no Secret Service to test against; run: ${HOW}`;
  if (!skipAnnounced) console.warn(`keytar.test.ts: skipping the real-keychain tests: ${reason}`);
  skipAnnounced = true;
  ctx.skip(reason);
}

// keytar itself, to check what the store did from outside it and to clean up after it.
const raw = async (): Promise<KeychainBackend> => {
  const loaded = (await import('keytar')) as unknown as { default: KeychainBackend };
  return loaded.default;
};

async function removeEverything(): Promise<void> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return;
  const keytar = await raw();
  for (const account of ACCOUNTS) await keytar.deletePassword(SERVICE, account);
}

const makeStore = () => new KeytarCredentialStore({ service: SERVICE, timeoutMs: 10_000 });

describeCredentialStoreContract('KeytarCredentialStore over the real keychain', {
  make: makeStore,
  cleanup: removeEverything,
  gate: needKeychain,
});

describe('KeytarCredentialStore over the real keychain', () => {
  afterAll(async () => {
    await removeEverything();
    if (!process.env.DBUS_SESSION_BUS_ADDRESS) return;
    // Read back one by one: keytar's findCredentials crashes the process on a locked keyring.
    const keytar = await raw();
    for (const account of ACCOUNTS) expect(await keytar.getPassword(SERVICE, account)).toBeNull();
  });

  it('keeps the secret in the keychain under its service and mode/purpose account, not in the object', async (ctx) => {
    needKeychain(ctx);
    await makeStore().set({ mode: 'live', purpose: 'password' }, 'live-secret-1');
    const keytar = await raw();
    expect(await keytar.getPassword(SERVICE, 'live/password')).toBe('live-secret-1');
    expect(await makeStore().get({ mode: 'live', purpose: 'password' })).toBe('live-secret-1');
    expect(
      await new KeytarCredentialStore({ service: `${SERVICE}-other` }).has({ mode: 'live', purpose: 'password' }),
    ).toBe(false);
    await removeEverything();
  });

  it('confirms a miss on the real keyring without leaving its probe entry behind', async (ctx) => {
    needKeychain(ctx);
    expect(await makeStore().get({ mode: 'paper', purpose: 'username' })).toBeNull();
    expect(await (await raw()).getPassword(SERVICE, PROBE_ACCOUNT)).toBeNull();
  });

  it('stores the longest secret it accepts, byte for byte', async (ctx) => {
    needKeychain(ctx);
    const secret = `${'ü'.repeat(500)}${'x'.repeat(24)}`; // 1,024 bytes
    const store = makeStore();
    await store.set({ mode: 'paper', purpose: 'password' }, secret);
    expect(await store.get({ mode: 'paper', purpose: 'password' })).toBe(secret);
    await removeEverything();
  });
});
