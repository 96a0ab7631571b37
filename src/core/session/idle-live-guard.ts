import type { Clock } from '../clock';
import { IdleDisarm } from './idle-disarm';

export interface IdleLiveGuardOptions {
  session: {
    subscribe(listener: (state: { liveArmed: boolean }) => void): () => void;
    disarm(reason?: string): unknown;
  };
  idleMinutes: () => number;
  /** Called with a listener for settings changes; returns the unsubscribe. */
  onSettingsChange: (listener: () => void) => () => void;
  clock?: Clock;
}

export interface IdleLiveGuard {
  /** The person used the window. */
  activity(): void;
  dispose(): void;
}

/** Armed live trading disarms itself after the configured idle minutes, and says why until re-armed. */
export function guardIdleLiveTrading(options: IdleLiveGuardOptions): IdleLiveGuard {
  const idle = new IdleDisarm({
    clock: options.clock,
    idleMs: () => options.idleMinutes() * 60_000,
    onIdle: (ms) =>
      options.session.disarm(
        `Live trading was disarmed after ${ms / 60_000} min without activity in Gatehouse. Arm it again by typing LIVE.`,
      ),
  });
  const stopSession = options.session.subscribe((state) => idle.setArmed(state.liveArmed));
  const stopSettings = options.onSettingsChange(() => idle.reschedule());
  return {
    activity: () => idle.activity(),
    dispose() {
      stopSession();
      stopSettings();
      idle.dispose();
    },
  };
}
