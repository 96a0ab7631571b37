import { AppError } from '../../shared/result';

/** What the caller was doing, so the message can say what did (not) happen. */
export type KeychainOperation = 'save' | 'read' | 'delete';

const OUTCOME: Record<KeychainOperation, string> = {
  save: 'Nothing was saved.',
  read: 'Nothing was read.',
  delete: 'Nothing was deleted.',
};

const KEYCHAINS =
  'Secret Service on Linux — install and unlock gnome-keyring or KeePassXC; Keychain on macOS; Credential Manager on Windows';

const MESSAGES = {
  noLibrary:
    'The keychain library could not be loaded: Gatehouse keeps IB Gateway logins only in the OS keychain, which on Linux needs libsecret (e.g. `sudo apt install libsecret-1-0`) and a Secret Service such as gnome-keyring or KeePassXC.',
  noKeychain: `No keychain is available: Gatehouse keeps IB Gateway logins only in the OS keychain (${KEYCHAINS}).`,
  locked:
    'The keychain is locked, or its unlock prompt was dismissed or could not be shown: unlock your login keyring (gnome-keyring via Passwords and Keys, or KeePassXC with its Secret Service integration on; on macOS the login keychain) and try again.',
  other: `The keychain could not complete the request: make sure it is running and unlocked (${KEYCHAINS}), then try again.`,
};

export type KeychainFailure = keyof typeof MESSAGES;

// libsecret/GIO and gnome-keyring texts as seen in English locales; a translated text falls through
// to `other`, whose advice still covers every cause.
const NO_KEYCHAIN = [
  /could not connect/i,
  /autolaunch/i,
  /not provided by any \.service files/i,
  /ServiceUnknown/i,
  /name has no owner/i,
  /no such interface/i,
];
const LOCKED = [/locked/i, /dismiss/i, /cancel/i, /prompt/i, /object does not exist at path/i, /interaction/i];

export function classifyKeychainError(error: unknown): KeychainFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (NO_KEYCHAIN.some((pattern) => pattern.test(text))) return 'noKeychain';
  if (LOCKED.some((pattern) => pattern.test(text))) return 'locked';
  return 'other';
}

/**
 * The keychain's own error is read for its kind and then dropped: its text is not ours to vouch
 * for, so neither it nor its stack goes into the message, a `cause` or a log.
 */
export const keychainError = (failure: KeychainFailure, operation: KeychainOperation): AppError =>
  new AppError('unavailable', `${MESSAGES[failure]} ${OUTCOME[operation]}`);

const LATE: Record<KeychainOperation, string> = {
  save: 'The login may still be saved if the keychain answers later.',
  read: OUTCOME.read,
  delete: 'The login may still be deleted if the keychain answers later.',
};

export const keychainTimeout = (timeoutMs: number, operation: KeychainOperation): AppError =>
  new AppError(
    'unavailable',
    `The keychain did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s: it may be waiting for you to unlock it. Answer its prompt (or unlock it), then try again. ${LATE[operation]}`,
  );
