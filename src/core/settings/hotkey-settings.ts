import type { RoomHandlers } from '../ipc/router';
import type { SettingsStore } from './settings-store';

/** The shortcuts are only stored here; the contract's schema has already refused clashing or typing keys. */
export function hotkeyHandlers(settings: SettingsStore): RoomHandlers<'hotkeys.'> {
  return {
    'hotkeys.get': () => settings.current().hotkeys,
    'hotkeys.set': async (hotkeys) => (await settings.update((s) => ({ ...s, hotkeys }))).hotkeys,
  };
}
