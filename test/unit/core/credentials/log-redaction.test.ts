import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger, type Logger, type LogLevel } from '../../../../src/core/log';
import { redactingLogger, redactSecrets, REDACTED } from '../../../../src/core/log-redaction';

const SECRET = 'hunter2-S3cret';

describe('redactSecrets', () => {
  it('reads a megabyte-long word, quoted or not, in one pass (a refused request may carry one)', () => {
    // The unbounded key pattern backtracked over the word from every position: hours for this input.
    const word = 'x'.repeat(1_000_000);
    const started = performance.now();
    expect(redactSecrets(`a ${word} "${word}": "b" c`, [])).toBe(`a ${word} "${word}": "b" c`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still finds password keys inside long dotted names and JSON', () => {
    expect(redactSecrets('db.main.password=abc user=x', [])).toBe(`db.main.password=${REDACTED} user=x`);
    expect(redactSecrets('{"gatewayPassword": "a\\"b"}', [])).toBe(`{"gatewayPassword": "${REDACTED}"}`);
    expect(redactSecrets(`${'y'.repeat(5_000)} secret_token=zz`, [])).toContain(`secret_token=${REDACTED}`);
  });

  it('replaces every occurrence of every known secret', () => {
    expect(redactSecrets(`a ${SECRET} b ${SECRET} c trader-jo`, [SECRET, 'trader-jo'])).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED}`,
    );
  });

  it('treats a secret as text, not as a pattern', () => {
    const secret = 'p@$$.*(w0rd]+';
    expect(redactSecrets(`x${secret}y and pXXXXw0rd`, [secret])).toBe(`x${REDACTED}y and pXXXXw0rd`);
  });

  it('replaces a longer secret whole even when a shorter one is inside it', () => {
    expect(redactSecrets('abcdef', ['abc', 'abcdef'])).toBe(REDACTED);
  });

  it('catches a secret as it appears JSON-escaped or URL-encoded', () => {
    const secret = 'pa"ss\\wo rd&';
    const json = JSON.stringify({ pwd: secret });
    const url = `https://x/?p=${encodeURIComponent(secret)}`;
    expect(redactSecrets(json, [secret])).toBe(`{"pwd":"${REDACTED}"}`);
    expect(redactSecrets(url, [secret])).toBe(`https://x/?p=${REDACTED}`);
  });

  it('redacts obvious password fields even when the value is not a known secret', () => {
    expect(redactSecrets('login user=jo&password=abc123&x=1', [])).toBe(`login user=jo&password=${REDACTED}&x=1`);
    expect(redactSecrets('DB_PASSWORD=abc123 next', [])).toBe(`DB_PASSWORD=${REDACTED} next`);
    expect(redactSecrets('{"user":"jo","password":"a\\"bc","n":1}', [])).toBe(
      `{"user":"jo","password":"${REDACTED}","n":1}`,
    );
    expect(redactSecrets('{"ibPassword" : "abc"}', [])).toBe(`{"ibPassword" : "${REDACTED}"}`);
  });

  it('leaves text without secrets alone, and ignores an empty secret', () => {
    const text = 'connected to 127.0.0.1:4002 as client 7';
    expect(redactSecrets(text, ['', 'not-there'])).toBe(text);
  });
});

describe('redactingLogger', () => {
  interface Entry {
    level: LogLevel;
    message: string;
    error?: unknown;
  }
  const recorder = () => {
    const entries: Entry[] = [];
    const logger: Logger = { log: (level, message, error) => entries.push({ level, message, error }) };
    return { entries, logger };
  };

  it('redacts the message and passes the level through', () => {
    const { entries, logger } = recorder();
    redactingLogger(logger, () => [SECRET]).log('warn', `login failed for ${SECRET}`);
    expect(entries).toEqual([{ level: 'warn', message: `login failed for ${REDACTED}`, error: undefined }]);
  });

  it("redacts an error's message, stack and cause, keeps its name, and leaves the original as it was", () => {
    const { entries, logger } = recorder();
    const original = new TypeError(`bad ${SECRET}`, { cause: new Error(`deeper ${SECRET}`) });
    redactingLogger(logger, () => [SECRET]).log('error', 'failed', original);
    const logged = entries[0]?.error as Error;
    expect(logged.name).toBe('TypeError');
    expect(logged.message).toBe(`bad ${REDACTED}`);
    expect(logged.stack).toContain(`bad ${REDACTED}`);
    expect(logged.stack).not.toContain(SECRET);
    expect((logged.cause as Error).message).toBe(`deeper ${REDACTED}`);
    expect(original.message).toBe(`bad ${SECRET}`);
  });

  it('redacts an error that is not an Error', () => {
    const { entries, logger } = recorder();
    redactingLogger(logger, () => [SECRET]).log('error', 'failed', `raw ${SECRET}`);
    expect(entries[0]?.error).toBe(`raw ${REDACTED}`);
  });

  it('asks for the known secrets on every entry, so a secret learned later is covered', () => {
    const { entries, logger } = recorder();
    const known: string[] = [];
    const redacting = redactingLogger(logger, () => known);
    known.push(SECRET);
    redacting.log('info', SECRET);
    expect(entries[0]?.message).toBe(REDACTED);
  });

  it('withholds an entry rather than log it unredacted when the secrets cannot be read', () => {
    const { entries, logger } = recorder();
    redactingLogger(logger, () => {
      throw new Error('keychain gone');
    }).log('info', `about ${SECRET}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.message).toMatch(/withheld/);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });

  describe('in front of the console logger', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('keeps the secret off stderr, message and stack alike', () => {
      const written: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      const logger = redactingLogger(consoleLogger('test'), () => [SECRET]);
      logger.log('error', `gateway login as ${SECRET}`, new Error(`rejected ${SECRET}`));
      const output = written.join('');
      expect(output).toContain(`gateway login as ${REDACTED}`);
      expect(output).toContain(`Error: rejected ${REDACTED}`);
      expect(output).not.toContain(SECRET);
    });
  });
});
