import { ALL_CREDENTIAL_KEYS, type CredentialKey, type CredentialStore } from './credential-store';
import { accountName, checkCredentialKey, checkSecret } from './credential-validation';

/** For tests: the keychain's behaviour and validation, kept in this process's memory only. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly secrets = new Map<string, string>();

  async set(key: CredentialKey, secret: string): Promise<void> {
    const account = accountName(checkCredentialKey(key));
    this.secrets.set(account, checkSecret(secret));
  }

  async has(key: CredentialKey): Promise<boolean> {
    return this.secrets.has(accountName(checkCredentialKey(key)));
  }

  async delete(key: CredentialKey): Promise<boolean> {
    return this.secrets.delete(accountName(checkCredentialKey(key)));
  }

  async list(): Promise<CredentialKey[]> {
    return ALL_CREDENTIAL_KEYS.filter((key) => this.secrets.has(accountName(key))).map((key) => ({ ...key }));
  }

  async get(key: CredentialKey): Promise<string | null> {
    return this.secrets.get(accountName(checkCredentialKey(key))) ?? null;
  }
}
