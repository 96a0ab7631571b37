import { useEffect } from 'react';

/** Often enough for the shortest idle-disarm time (1 min), rare enough to cost nothing. */
export const ACTIVITY_PING_MS = 20_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Tells the services the person is using the window, at most once per ACTIVITY_PING_MS. */
export function useActivityPing(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_PING_MS) return;
      last = now;
      void window.gatehouse.session.activity();
    };
    for (const name of EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, []);
}
