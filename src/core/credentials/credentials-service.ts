import type { RoomHandlers } from '../ipc/router';
import type { CredentialStatus } from '../../shared/api/credentials';
import type { LaunchMode } from '../../shared/gateway-launch';
import type { CredentialStore } from './credential-store';
import type { KnownSecrets } from './known-secrets';

/** A mode's login for the main process alone (the gateway launcher); never bound to IPC. */
export interface GatewayLogin {
  username: string;
  password: string;
}

const MODES: readonly LaunchMode[] = ['paper', 'live'];

/**
 * The credentials room: write-only logins in the keychain. A login is "stored" when both its fields
 * are there; the username may be shown, the password never leaves this process except to IB Gateway.
 */
export class CredentialsService {
  constructor(
    private readonly store: CredentialStore,
    private readonly known: KnownSecrets,
  ) {}

  async status(mode: LaunchMode): Promise<CredentialStatus> {
    const username = await this.store.get({ mode, purpose: 'username' });
    const stored = username !== null && (await this.store.has({ mode, purpose: 'password' }));
    return { mode, stored, username };
  }

  async set(mode: LaunchMode, username: string, password: string): Promise<CredentialStatus> {
    // Known before the keychain sees it, so even a failure's log entry cannot carry it.
    this.known.add(password);
    // Password first: a failure in between leaves an old username beside a new password at worst, never
    // a new username that looks stored beside an old password.
    await this.store.set({ mode, purpose: 'password' }, password);
    await this.store.set({ mode, purpose: 'username' }, username);
    return this.status(mode);
  }

  async delete(mode: LaunchMode): Promise<CredentialStatus> {
    await this.store.delete({ mode, purpose: 'password' });
    await this.store.delete({ mode, purpose: 'username' });
    return this.status(mode);
  }

  /** The whole login, or null when either field is missing. */
  async login(mode: LaunchMode): Promise<GatewayLogin | null> {
    const password = await this.store.get({ mode, purpose: 'password' });
    if (password === null) return null;
    this.known.add(password);
    const username = await this.store.get({ mode, purpose: 'username' });
    return username === null ? null : { username, password };
  }

  handlers(): RoomHandlers<'credentials.'> {
    return {
      'credentials.status': async () => {
        const statuses: CredentialStatus[] = [];
        for (const mode of MODES) statuses.push(await this.status(mode));
        return statuses;
      },
      'credentials.set': ({ mode, username, password }) => this.set(mode, username, password),
      'credentials.delete': ({ mode }) => this.delete(mode),
    };
  }
}
