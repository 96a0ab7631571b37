import { AppError } from '../../shared/result';
import { CREDENTIAL_MODES, CREDENTIAL_PURPOSES, type CredentialKey } from './credential-store';

/** Generous for a username or password; anything longer is a mistake (a pasted file, a wrong field). */
export const MAX_SECRET_BYTES = 1024;

const KEY_HELP = "A credential key is { mode: 'paper' | 'live', purpose: 'username' | 'password' }";

/**
 * Keys arrive from IPC, so their type is a claim, not a fact. The message names the field that is
 * wrong but never echoes its value: a caller that swapped key and secret must not leak the secret.
 */
export function checkCredentialKey(key: unknown): CredentialKey {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) {
    throw new AppError('refused', `${KEY_HELP}; got ${key === null ? 'null' : typeof key}.`);
  }
  const { mode, purpose, ...rest } = key as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new AppError('refused', `${KEY_HELP}; it has other fields too.`);
  if (!CREDENTIAL_MODES.includes(mode as never)) {
    throw new AppError('refused', `${KEY_HELP}; its mode is not one of these.`);
  }
  if (!CREDENTIAL_PURPOSES.includes(purpose as never)) {
    throw new AppError('refused', `${KEY_HELP}; its purpose is not one of these.`);
  }
  return { mode, purpose } as CredentialKey;
}

/** The keychain account name: `paper/password`. */
export const accountName = (key: CredentialKey): string => `${key.mode}/${key.purpose}`;

/** Messages describe the secret's shape, never its content. */
export function checkSecret(secret: unknown): string {
  if (typeof secret !== 'string') throw new AppError('refused', 'The secret must be text. Nothing was saved.');
  if (secret.length === 0) throw new AppError('refused', 'The secret is empty. Nothing was saved.');
  if (Buffer.byteLength(secret, 'utf8') > MAX_SECRET_BYTES) {
    throw new AppError('refused', `The secret is longer than ${MAX_SECRET_BYTES} bytes. Nothing was saved.`);
  }
  // libsecret takes a C string: everything after a NUL would be cut off without a word.
  if (secret.includes('\0')) {
    throw new AppError(
      'refused',
      'The secret contains a NUL character, which the keychain cannot store. Nothing was saved.',
    );
  }
  return secret;
}
