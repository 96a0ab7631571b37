import type { Logger } from './log';

/**
 * Sends what would otherwise crash the process through `logger` (the redacting one) before exiting, so
 * crash output gets the same redaction as every other line instead of Node's raw dump on stderr.
 */
export function logCrashes(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('uncaughtException', (error) => {
    logger.log('error', 'Gatehouse stopped on an unexpected error', error);
    exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.log('error', 'Gatehouse stopped on an unhandled promise rejection', reason);
    exit(1);
  });
}
