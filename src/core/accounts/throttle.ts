import { systemClock, type Clock } from '../clock';

export interface Throttle {
  /** Something changed: run soon, at most once per interval (the first change runs at once). */
  poke(): void;
  dispose(): void;
}

/** Coalesces bursts of changes into at most one run per interval, leading edge first. */
export function createThrottle(run: () => void, intervalMs: number, scheduler: Clock = systemClock): Throttle {
  let timer: unknown = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  const fire = () => {
    timer = null;
    lastRun = scheduler.now();
    run();
  };
  return {
    poke() {
      if (timer !== null) return;
      timer = scheduler.setTimeout(fire, Math.max(0, lastRun + intervalMs - scheduler.now()));
    },
    dispose() {
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
    },
  };
}
