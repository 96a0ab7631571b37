import { create } from 'zustand';
import type { HotkeySettings } from '../../../shared/hotkeys';

interface HotkeySlice {
  /** The person's shortcuts; null until loaded (the defaults apply meanwhile). */
  keys: HotkeySettings | null;
  helpOpen: boolean;
  /** Bumped by the kill-switch shortcut: the kill-switch button opens its own confirmation. */
  killAsked: number;
}

export const useHotkeyStore = create<HotkeySlice>(() => ({ keys: null, helpOpen: false, killAsked: 0 }));

export const setHelpOpen = (helpOpen: boolean) => useHotkeyStore.setState({ helpOpen });
export const askKillSwitch = () => useHotkeyStore.setState((s) => ({ killAsked: s.killAsked + 1 }));
