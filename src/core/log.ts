export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, error?: unknown): void;
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);

/** One line per entry on stderr; the shells decide where stderr goes. */
export const consoleLogger = (prefix: string): Logger => ({
  log(level, message, error) {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} [${prefix}] ${message}`;
    process.stderr.write(error === undefined ? `${line}\n` : `${line}\n${describe(error)}\n`);
  },
});
