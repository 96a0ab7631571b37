/**
 * Time and timers, injected wherever behaviour depends on them (the session's heartbeat and backoff, the
 * quote batching window, history pacing, the order watchdog) so tests can drive them to the millisecond.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
