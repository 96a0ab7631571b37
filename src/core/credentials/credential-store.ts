export const CREDENTIAL_MODES = ['paper', 'live'] as const;
export const CREDENTIAL_PURPOSES = ['username', 'password'] as const;

export type CredentialMode = (typeof CREDENTIAL_MODES)[number];
export type CredentialPurpose = (typeof CREDENTIAL_PURPOSES)[number];

/** One IB Gateway login field for one mode; paper and live each have their own login. */
export interface CredentialKey {
  mode: CredentialMode;
  purpose: CredentialPurpose;
}

/** Every key there can be, in the order `list()` reports them. */
export const ALL_CREDENTIAL_KEYS: readonly CredentialKey[] = CREDENTIAL_MODES.flatMap((mode) =>
  CREDENTIAL_PURPOSES.map((purpose) => ({ mode, purpose })),
);

/**
 * Where IB Gateway logins live (DESIGN §5). Every method validates its key (and `set` its secret)
 * and rejects with an AppError: 'refused' for a bad key or secret, 'unavailable' when the keychain
 * cannot be used — never a silent fallback to somewhere else. No message ever contains a secret.
 */
export interface CredentialStore {
  /** Stores or replaces the secret for `key`. */
  set(key: CredentialKey, secret: string): Promise<void>;
  has(key: CredentialKey): Promise<boolean>;
  /** Whether something was deleted; deleting what is not there is not an error. */
  delete(key: CredentialKey): Promise<boolean>;
  /** The keys that have a secret — never the secrets themselves. */
  list(): Promise<CredentialKey[]>;
  /**
   * The secret itself, for the main process alone (to log in to IB Gateway). It must never be bound
   * to IPC or the harness WebSocket, returned from the app API, or logged: the renderer may set and
   * clear credentials but never read them.
   */
  get(key: CredentialKey): Promise<string | null>;
}
