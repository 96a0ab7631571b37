import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVICE,
  KeytarCredentialStore,
  PROBE_ACCOUNT,
  type KeychainBackend,
} from '../../../../src/core/credentials/keytar-credential-store';
import { AppError } from '../../../../src/shared/result';
import { describeCredentialStoreContract } from './store-contract';

const paperPassword = { mode: 'paper', purpose: 'password' } as const;
const SECRET = 'S3cr3t-hunter2';

/**
 * A keychain in memory that behaves like libsecret: when locked, reads find nothing and deletes
 * delete nothing, without an error; only writes fail. A write may "prompt" and unlock it.
 */
class FakeKeychain implements KeychainBackend {
  readonly items = new Map<string, string>();
  readonly calls: string[] = [];
  locked = false;
  unlockOnWrite = false;
  failWith: Error | null = null;

  async getPassword(service: string, account: string) {
    this.record('get', service, account);
    return this.locked ? null : (this.items.get(`${service}|${account}`) ?? null);
  }

  async setPassword(service: string, account: string, password: string) {
    this.record('set', service, account);
    if (this.locked && this.unlockOnWrite) this.locked = false;
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    this.items.set(`${service}|${account}`, password);
  }

  async deletePassword(service: string, account: string) {
    this.record('delete', service, account);
    return !this.locked && this.items.delete(`${service}|${account}`);
  }

  private record(op: string, service: string, account: string) {
    this.calls.push(`${op} ${service} ${account}`);
    if (this.failWith) throw this.failWith;
  }
}

const storeOver = (keychain: KeychainBackend, options: { confirmMisses?: boolean; timeoutMs?: number } = {}) =>
  new KeytarCredentialStore({ confirmMisses: true, ...options, load: async () => keychain });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeCredentialStoreContract('KeytarCredentialStore over a fake keychain', {
  make: () => storeOver(new FakeKeychain()),
});

describe('KeytarCredentialStore: where things go', () => {
  it("stores under service 'Gatehouse' and account 'mode/purpose' by default", async () => {
    const keychain = new FakeKeychain();
    const store = new KeytarCredentialStore({ load: async () => keychain, confirmMisses: false });
    await store.set({ mode: 'live', purpose: 'username' }, 'trader');
    expect(DEFAULT_SERVICE).toBe('Gatehouse');
    expect([...keychain.items]).toEqual([['Gatehouse|live/username', 'trader']]);
  });

  it('uses the service it is given', async () => {
    const keychain = new FakeKeychain();
    await storeOver(keychain, { confirmMisses: false }).set(paperPassword, SECRET);
    await new KeytarCredentialStore({ service: 'Gatehouse-test-x', load: async () => keychain }).set(
      paperPassword,
      'other',
    );
    expect(keychain.items.get('Gatehouse|paper/password')).toBe(SECRET);
    expect(keychain.items.get('Gatehouse-test-x|paper/password')).toBe('other');
  });

  it('refuses a bad key or secret before touching the keychain', async () => {
    const keychain = new FakeKeychain();
    const store = storeOver(keychain);
    await expect(store.set(paperPassword, '')).rejects.toMatchObject({ code: 'refused' });
    await expect(store.get({ mode: 'paper' } as never)).rejects.toMatchObject({ code: 'refused' });
    expect(keychain.calls).toEqual([]);
  });
});

describe('KeytarCredentialStore: when the keychain fails', () => {
  it.each([
    [
      'no bus',
      'Could not connect: No such file or directory',
      /^No keychain is available: .*gnome-keyring or KeePassXC/,
    ],
    ['no display for D-Bus', 'Cannot autolaunch D-Bus without X11 $DISPLAY', /^No keychain is available/],
    ['no Secret Service', 'The name org.freedesktop.secrets was not provided by any .service files', /^No keychain/],
    ['a locked keyring', 'Cannot create an item in a locked collection', /^The keychain is locked/],
    ['no default keyring', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”', /locked/],
    ['a dismissed prompt (macOS)', 'User canceled the operation.', /^The keychain is locked/],
    ['anything else', 'Der Schlüsselbund ist kaputt', /^The keychain could not complete the request: .*unlocked/],
  ])('%s: unavailable, says how to fix it, and nothing of the original', async (_label, text, expected) => {
    const keychain = new FakeKeychain();
    // The keychain's text carries the secret, to prove it is never passed on.
    keychain.failWith = new Error(`${text} (while storing ${SECRET})`);
    const error = await failure(storeOver(keychain).set(paperPassword, SECRET));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(expected);
    expect(error.message).toMatch(/Nothing was saved\.$/);
    for (const leak of [error.message, error.stack ?? '', String(error.cause ?? '')]) {
      expect(leak).not.toContain(SECRET);
      expect(leak).not.toContain(text);
    }
  });

  it('says what did not happen for each kind of call', async () => {
    const keychain = new FakeKeychain();
    keychain.failWith = new Error('Could not connect: No such file or directory');
    const store = storeOver(keychain);
    expect((await failure(store.get(paperPassword))).message).toMatch(/Nothing was read\.$/);
    expect((await failure(store.has(paperPassword))).message).toMatch(/Nothing was read\.$/);
    expect((await failure(store.list())).message).toMatch(/Nothing was read\.$/);
    expect((await failure(store.delete(paperPassword))).message).toMatch(/Nothing was deleted\.$/);
  });

  it('reports a keychain library that cannot be loaded, and tries again on the next call', async () => {
    let loads = 0;
    const keychain = new FakeKeychain();
    const store = new KeytarCredentialStore({
      load: async () => {
        loads += 1;
        if (loads === 1) throw new Error('libsecret-1.so.0: cannot open shared object file');
        return keychain;
      },
    });
    const error = await failure(store.set(paperPassword, SECRET));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^The keychain library could not be loaded: .*libsecret/);
    expect(error.message).not.toContain('libsecret-1.so.0');
    await store.set(paperPassword, SECRET);
    expect(keychain.items.get('Gatehouse|paper/password')).toBe(SECRET);
  });

  it('gives up on a keychain that never answers, and queues later calls behind it rather than beside it', async () => {
    const calls: string[] = [];
    const hung: KeychainBackend = {
      getPassword: (_s, account) => (calls.push(account), new Promise(() => {})),
      setPassword: (_s, account) => (calls.push(account), new Promise(() => {})),
      deletePassword: (_s, account) => (calls.push(account), new Promise(() => {})),
    };
    const store = storeOver(hung, { timeoutMs: 200 });
    const started = Date.now();
    const [first, second] = await Promise.all([
      failure(store.set(paperPassword, SECRET)),
      failure(store.get(paperPassword)),
    ]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(first.code).toBe('unavailable');
    expect(first.message).toMatch(/^The keychain did not answer within 0\.2 s: .*unlock/);
    expect(first.message).toMatch(/may still be saved/);
    expect(second.message).toMatch(/did not answer.*Nothing was read\.$/);
    // The second call never reached the keychain: one stuck worker thread, not two.
    expect(calls).toEqual(['paper/password']);
  });

  it('lets a call through after an earlier one failed', async () => {
    const keychain = new FakeKeychain();
    const store = storeOver(keychain);
    keychain.failWith = new Error('Could not connect');
    await failure(store.set(paperPassword, SECRET));
    keychain.failWith = null;
    await store.set(paperPassword, SECRET);
    expect(await store.get(paperPassword)).toBe(SECRET);
  });
});

describe('KeytarCredentialStore: a locked keyring is not an empty one', () => {
  const locked = () => {
    const keychain = new FakeKeychain();
    keychain.items.set('Gatehouse|paper/password', SECRET);
    keychain.locked = true;
    return keychain;
  };

  it('without confirmation, libsecret-style answers would read as "nothing stored"', async () => {
    const store = storeOver(locked(), { confirmMisses: false });
    expect(await store.get(paperPassword)).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('with confirmation, every call says the keychain is locked', async () => {
    const store = storeOver(locked());
    for (const call of [
      () => store.get(paperPassword),
      () => store.has(paperPassword),
      () => store.list(),
      () => store.delete(paperPassword),
      () => store.set(paperPassword, 'new-secret'),
    ]) {
      const error = await failure(call());
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/^The keychain is locked/);
    }
  });

  it('reads again once the confirming write has unlocked the keyring, and leaves no probe behind', async () => {
    const keychain = locked();
    keychain.unlockOnWrite = true;
    const store = storeOver(keychain);
    expect(await store.get(paperPassword)).toBe(SECRET);
    expect(keychain.items.has(`Gatehouse|${PROBE_ACCOUNT}`)).toBe(false);
    expect(keychain.calls).toEqual([
      'get Gatehouse paper/password',
      `set Gatehouse ${PROBE_ACCOUNT}`,
      `delete Gatehouse ${PROBE_ACCOUNT}`,
      'get Gatehouse paper/password',
    ]);
  });

  it('does not write to confirm an answer that found something', async () => {
    const keychain = new FakeKeychain();
    const store = storeOver(keychain);
    await store.set(paperPassword, SECRET);
    keychain.calls.length = 0;
    expect(await store.get(paperPassword)).toBe(SECRET);
    expect(await store.delete(paperPassword)).toBe(true);
    expect(keychain.calls.filter((call) => call.includes(PROBE_ACCOUNT))).toEqual([]);
  });
});
