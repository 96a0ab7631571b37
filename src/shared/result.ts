/**
 * Every call across the contract resolves to a Result rather than throwing: thrown errors lose their
 * fields when they cross contextBridge, and the UI needs a code it can act on, not only a message.
 */
export const ERROR_CODES = [
  /** The request's name or payload did not match the contract. */
  'bad_request',
  /** The service answered with something the contract does not allow; a bug, reported as such. */
  'bad_response',
  /** The service understood the request and refused it for a reason the message gives. */
  'refused',
  /** Something the request needs (the gateway, the keychain) is not there right now. */
  'unavailable',
  /** The transport itself failed: disconnected, timed out, or the server went away. */
  'transport',
  /** An unexpected failure inside the service. The message is safe to show; details are logged. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for bad_request, as "path: problem" lines. */
  issues?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: string[]): Result<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
});

/** Thrown by services for failures the person can act on; the router turns it into a Result. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'bad_request' | 'bad_response' | 'transport'>,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
