/**
 * Runs a KeytarCredentialStore in its own process, for conditions a test cannot set up in its own:
 * a different (or broken) D-Bus session. Prints one JSON line of results, then exits.
 *
 *   node --import tsx keychain-child.ts '{"service":"…","timeoutMs":1000,"calls":[["set","paper","password","s"]]}'
 */
import { KeytarCredentialStore } from '../../../src/core/credentials/keytar-credential-store';
import type { CredentialKey } from '../../../src/core/credentials/credential-store';

export type ChildCall = [
  op: 'set' | 'get' | 'has' | 'delete' | 'list',
  mode?: string,
  purpose?: string,
  secret?: string,
];
export interface ChildConfig {
  service: string;
  timeoutMs: number;
  confirmMisses?: boolean;
  calls: ChildCall[];
}
export type ChildResult =
  { ok: true; value: unknown; ms: number } | { ok: false; code: string; message: string; ms: number };

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const store = new KeytarCredentialStore(config);
const results: ChildResult[] = [];
for (const [op, mode, purpose, secret] of config.calls) {
  const key = { mode, purpose } as CredentialKey;
  const started = Date.now();
  try {
    const value =
      op === 'set' ? await store.set(key, secret ?? '') : op === 'list' ? await store.list() : await store[op](key);
    results.push({ ok: true, value: value ?? null, ms: Date.now() - started });
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    results.push({ ok: false, code, message, ms: Date.now() - started });
  }
}
// Written synchronously: stdout is a pipe, and pipes are synchronous on Linux.
process.stdout.write(`${JSON.stringify(results)}\n`);
// A keychain call that never answered still holds a libuv worker thread, and process.exit() joins
// the worker threads, so it would hang too. Only a signal ends such a process.
if (results.some((result) => !result.ok && /did not answer/.test(result.message))) process.kill(process.pid, 'SIGKILL');
process.exit(0);
