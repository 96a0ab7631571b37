import { useEffect, useState, type ReactNode } from 'react';
import { useAccountsStore } from '../stores/accounts-store';

/** With no gateway the accounts never come: the rest of the window waits this long at most. */
const WAIT_AT_MOST_MS = 1000;

/**
 * Mounts its children once the first accounts snapshot is on screen, or after WAIT_AT_MOST_MS. Positions
 * are what a person opens the window for; on a slow machine every grid and chart created before them
 * (each measures and lays itself out) delays them by hundreds of milliseconds.
 */
export function AfterFirstAccounts({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) return;
    let frame = 0;
    let afterPaint: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs after that frame is painted.
    const openAfterPaint = () => {
      frame = requestAnimationFrame(() => (afterPaint = setTimeout(() => setOpen(true), 0)));
    };
    const cap = setTimeout(() => setOpen(true), WAIT_AT_MOST_MS);
    const ready = (status: string) => status === 'ready';
    let stop = () => {};
    if (ready(useAccountsStore.getState().status)) openAfterPaint();
    else
      stop = useAccountsStore.subscribe((state) => {
        if (!ready(state.status)) return;
        stop();
        openAfterPaint();
      });
    return () => {
      stop();
      clearTimeout(cap);
      clearTimeout(afterPaint);
      cancelAnimationFrame(frame);
    };
  }, [open]);
  return open ? children : null;
}
