import { z } from 'zod';
import { request, type RequestMap } from './define';
import { LaunchModeSchema } from '../gateway-launch';

/** Generous for an IBKR login field; the keychain store enforces the same bound in bytes. */
const LoginFieldSchema = (what: string) =>
  z
    .string({ error: `The ${what} must be text.` })
    .min(1, `The ${what} is empty.`)
    .max(1024, `The ${what} is longer than 1,024 characters.`);

/** What the renderer may learn about a stored login: whether it is there, and whose. Never the password. */
export const CredentialStatusSchema = z.strictObject({
  mode: LaunchModeSchema,
  /** Both the username and the password are in the keychain. */
  stored: z.boolean(),
  username: z.string().nullable(),
});
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

/**
 * IB Gateway logins in the OS keychain, write-only from here: the renderer can store, replace and
 * delete a login and learn whose it is, but no answer ever carries a password.
 */
export const credentialsRequests = {
  'credentials.status': request(
    z.void(),
    z.array(CredentialStatusSchema),
    'For paper and live: whether an IB Gateway login is in the keychain, and its username.',
  ),
  'credentials.set': request(
    z.strictObject({
      mode: LaunchModeSchema,
      username: LoginFieldSchema('username'),
      password: LoginFieldSchema('password'),
    }),
    CredentialStatusSchema,
    "Store or replace a mode's IB Gateway login in the OS keychain.",
  ),
  'credentials.delete': request(
    z.strictObject({ mode: LaunchModeSchema }),
    CredentialStatusSchema,
    "Remove a mode's IB Gateway login from the OS keychain.",
  ),
} as const satisfies RequestMap;
