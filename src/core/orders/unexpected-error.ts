import { AppError } from '../../shared/result';

/** What the person is told when checking an order failed for a reason nobody wrote a message for. */
export const INTERNAL_CHECK_FAILURE = 'Gatehouse could not check this order (internal error, logged).';

/**
 * Expected refusals are AppErrors, thrown on purpose with a message written for the person: they pass
 * through. Anything else is a bug or a surprise: its stack goes to the log, and the person is told that
 * much, never shown its text as if a rule had given it as a reason.
 */
export function orderCheckError(error: unknown, logError: (message: string, error: unknown) => void): AppError {
  if (error instanceof AppError) return error;
  logError('checking an order failed unexpectedly', error);
  return new AppError('internal', INTERNAL_CHECK_FAILURE);
}
