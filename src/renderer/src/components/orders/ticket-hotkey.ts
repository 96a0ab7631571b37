import { useLayoutEffect } from 'react';
import { openTicket } from '../../stores/ticket-store';

/**
 * F2 or Ctrl+T opens the order ticket from anywhere in the window. Bound in a layout effect, during the
 * commit, so it works from the first painted frame: a passive effect runs after paint and after every
 * child's effects (the grids'), and a key pressed in between was lost.
 */
export function useTicketHotkey(): void {
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrlT = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 't';
      if (event.key !== 'F2' && !ctrlT) return;
      event.preventDefault();
      openTicket();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
