import { AppError } from '../../shared/result';
import { ALL_CREDENTIAL_KEYS, type CredentialKey, type CredentialStore } from './credential-store';
import { accountName, checkCredentialKey, checkSecret } from './credential-validation';
import { classifyKeychainError, keychainError, keychainTimeout, type KeychainOperation } from './keychain-errors';

/** The part of keytar this store uses; a seam for tests and for a successor library. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarCredentialStoreOptions {
  /** The keychain service name; tests use a unique one so a developer's real entries are never touched. */
  service?: string;
  /**
   * How long one keychain call may take. Long enough to type an unlock password into the prompt,
   * short enough that a keychain which never answers does not leave the caller waiting forever.
   */
  timeoutMs?: number;
  /**
   * Whether to confirm a "not there" answer by writing. Defaults to Linux, where libsecret reports a
   * locked keyring whose unlock prompt was dismissed (or could not be shown) as "no such item".
   */
  confirmMisses?: boolean;
  /** Loads the backend; defaults to keytar. */
  load?: () => Promise<KeychainBackend>;
}

export const DEFAULT_SERVICE = 'Gatehouse';
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Written and deleted again to tell "locked" from "absent"; never one of the real accounts. */
export const PROBE_ACCOUNT = 'gatehouse/unlock-check';

/**
 * Imported on first use rather than at startup: on a machine without libsecret the app still starts
 * and the person gets a message instead of a crash. keytar is CommonJS and Node's ESM loader exposes
 * only some of its functions as named exports, so the functions are taken from `default`.
 */
async function loadKeytar(): Promise<KeychainBackend> {
  const loaded = (await import('keytar')) as unknown as Partial<KeychainBackend> & { default?: KeychainBackend };
  const api = loaded.default ?? loaded;
  if (typeof api.getPassword !== 'function' || typeof api.setPassword !== 'function') {
    throw new Error('keytar did not export the expected functions');
  }
  return api as KeychainBackend;
}

/**
 * IB Gateway logins in the OS keychain through keytar — and nowhere else: when the keychain cannot
 * be used every call rejects with an 'unavailable' AppError that says how to fix it. Keychain calls
 * run one at a time, so a keychain that hangs ties up one libuv worker thread, not all of them.
 */
export class KeytarCredentialStore implements CredentialStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly confirmMisses: boolean;
  private readonly load: () => Promise<KeychainBackend>;
  private backend: Promise<KeychainBackend> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: KeytarCredentialStoreOptions = {}) {
    this.service = options.service ?? DEFAULT_SERVICE;
    if (this.service.length === 0) throw new AppError('internal', 'The keychain service name must not be empty.');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.confirmMisses = options.confirmMisses ?? process.platform === 'linux';
    this.load = options.load ?? loadKeytar;
  }

  async set(key: CredentialKey, secret: string): Promise<void> {
    const account = accountName(checkCredentialKey(key));
    const checked = checkSecret(secret);
    await this.call('save', (k) => k.setPassword(this.service, account, checked));
  }

  async has(key: CredentialKey): Promise<boolean> {
    return (await this.get(key)) !== null;
  }

  async delete(key: CredentialKey): Promise<boolean> {
    const account = accountName(checkCredentialKey(key));
    return this.confirmed(
      'delete',
      () => this.call('delete', (k) => k.deletePassword(this.service, account)),
      (deleted) => !deleted,
    );
  }

  async list(): Promise<CredentialKey[]> {
    const readAll = async () => {
      const present: CredentialKey[] = [];
      for (const key of ALL_CREDENTIAL_KEYS) {
        const secret = await this.call('read', (k) => k.getPassword(this.service, accountName(key)));
        if (secret !== null) present.push({ ...key });
      }
      return present;
    };
    return this.confirmed('read', readAll, (present) => present.length < ALL_CREDENTIAL_KEYS.length);
  }

  async get(key: CredentialKey): Promise<string | null> {
    const account = accountName(checkCredentialKey(key));
    return this.confirmed(
      'read',
      () => this.call('read', (k) => k.getPassword(this.service, account)),
      (secret) => secret === null,
    );
  }

  /**
   * A miss may mean "locked", not "absent" (see `confirmMisses`). Only a write tells them apart: it
   * fails on a locked keyring, or prompts to unlock it — after which the first answer is stale, so
   * the attempt is repeated.
   */
  private async confirmed<T>(operation: KeychainOperation, attempt: () => Promise<T>, isMiss: (value: T) => boolean) {
    const first = await attempt();
    if (!this.confirmMisses || !isMiss(first)) return first;
    await this.call(operation, (k) => k.setPassword(this.service, PROBE_ACCOUNT, 'not a secret'));
    await this.call(operation, (k) => k.deletePassword(this.service, PROBE_ACCOUNT));
    return attempt();
  }

  /** One keychain call: queued behind the others, bounded in time, its failure translated. */
  private call<T>(operation: KeychainOperation, run: (backend: KeychainBackend) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      const backend = await this.backendOrFail(operation);
      try {
        return await run(backend);
      } catch (error) {
        throw keychainError(classifyKeychainError(error), operation);
      }
    });
    // One failed call must not fail the ones queued after it; the caller still sees its own failure.
    this.queue = result.catch(() => {});
    return withTimeout(result, this.timeoutMs, () => keychainTimeout(this.timeoutMs, operation));
  }

  private async backendOrFail(operation: KeychainOperation): Promise<KeychainBackend> {
    this.backend ??= this.load();
    try {
      return await this.backend;
    } catch {
      // Not remembered: the next call tries again rather than repeating a failure that may have passed.
      this.backend = null;
      throw keychainError('noLibrary', operation);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
