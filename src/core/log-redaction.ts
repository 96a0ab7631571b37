import type { Logger } from './log';

export const REDACTED = '[redacted]';

// `password=…` up to a separator, and `"password":"…"` with escaped quotes inside; also `db_password`,
// `passwd`, `secret` and the like. A key starts where a key character does not precede it and is at most
// 200 characters long: unbounded, the search backtracks over every long word from every position, and
// one 60 kB word in a refused request held the whole process for 10 s.
const KEY = '[\\w.-]{0,200}?(?:password|passwd|secret)[\\w.-]{0,200}';
const KEY_VALUE = new RegExp(`(?<![\\w.-])(${KEY})=[^\\s&;,"']+`, 'gi');
const JSON_VALUE = new RegExp(`("${KEY}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');

/** A secret as it may appear in a log line: as is, JSON-escaped and URL-encoded. */
function spellings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/** Replaces every known secret and every obvious password field in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  // Longest first, so a secret that contains another is replaced whole.
  const forms = [...new Set([...secrets].filter((s) => s.length > 0).flatMap(spellings))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED);
  return out.replace(KEY_VALUE, `$1=${REDACTED}`).replace(JSON_VALUE, `$1"${REDACTED}"`);
}

/** An Error carrying the same name, message and stack (and cause), each redacted. */
function redactError(error: unknown, secrets: string[], depth = 0): unknown {
  if (!(error instanceof Error)) return error === undefined ? undefined : redactSecrets(String(error), secrets);
  const copy = new Error(redactSecrets(error.message, secrets));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactSecrets(error.stack, secrets);
  if (error.cause !== undefined && depth < 5) copy.cause = redactError(error.cause, secrets, depth + 1);
  return copy;
}

/**
 * A Logger that redacts before the inner one sees anything. `knownSecrets` is asked on every entry,
 * so a secret learned after startup is covered; if asking fails, the entry is withheld, not leaked.
 */
export function redactingLogger(inner: Logger, knownSecrets: () => Iterable<string>): Logger {
  return {
    log(level, message, error) {
      let secrets: string[];
      try {
        secrets = [...knownSecrets()];
      } catch {
        inner.log(level, 'A log entry was withheld because the secrets to redact from it could not be read.');
        return;
      }
      inner.log(level, redactSecrets(message, secrets), redactError(error, secrets));
    },
  };
}
