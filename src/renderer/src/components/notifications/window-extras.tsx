import { useEffect } from 'react';
import { startNotificationFeed } from '../../stores/notification-store';
import { ShortcutsDialog } from '../hotkeys/shortcuts-dialog';
import { useHotkeys } from '../hotkeys/use-hotkeys';
import { Toasts } from './toasts';

/** Toasts, the shortcuts and their help: loaded after the first positions, like the other panels. */
export function WindowExtras() {
  useEffect(() => startNotificationFeed(window.gatehouse), []);
  useHotkeys();
  return (
    <>
      <Toasts />
      <ShortcutsDialog />
    </>
  );
}
