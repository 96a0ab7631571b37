import { useEffect } from 'react';
import { openTicket } from '../../stores/order-store';

/** F2 or Ctrl+T opens the order ticket from anywhere in the window. */
export function useTicketHotkey(): void {
  useEffect(() => {
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
