import type { Clock } from '../clock';

export interface IdleDisarmOptions {
  /** The system's timers unless a test brings its own. */
  clock?: Clock;
  /** Read on every check; call `reschedule()` when it changes. */
  idleMs: () => number;
  /** Called once when armed live trading has gone `idleMs` without activity. */
  onIdle: (idleMs: number) => void;
}

/**
 * Disarms armed live trading after a stretch without the person using the window. One timer, set for
 * the moment the idle time would run out; activity only moves `lastActivity`, so a busy person costs
 * a timestamp per ping rather than a timer.
 */
export class IdleDisarm {
  private armed = false;
  private lastActivity = 0;
  private timer: unknown = null;
  private readonly clock: Clock;

  constructor(private readonly options: IdleDisarmOptions) {
    this.clock = options.clock ?? {
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
  }

  /** Follow the session: the clock starts when live trading is armed and stops when it is not. */
  setArmed(armed: boolean): void {
    if (armed === this.armed) return;
    this.armed = armed;
    this.cancel();
    if (armed) {
      this.lastActivity = this.clock.now();
      this.schedule(this.options.idleMs());
    }
  }

  /** The idle time setting changed: measure the running idle time against the new one now. */
  reschedule(): void {
    if (!this.armed) return;
    this.cancel();
    this.check();
  }

  activity(): void {
    this.lastActivity = this.clock.now();
  }

  dispose(): void {
    this.armed = false;
    this.cancel();
  }

  private schedule(inMs: number): void {
    this.timer = this.clock.setTimeout(() => this.check(), Math.max(0, inMs));
  }

  private check(): void {
    this.timer = null;
    if (!this.armed) return;
    const idleMs = this.options.idleMs();
    const left = this.lastActivity + idleMs - this.clock.now();
    if (left > 0) {
      this.schedule(left);
      return;
    }
    this.armed = false;
    this.options.onIdle(idleMs);
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
