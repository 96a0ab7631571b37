import { create } from 'zustand';
import type { PositionRow } from '../../../shared/accounts';
import type { HotkeySettings } from '../../../shared/hotkeys';

interface HotkeySlice {
  /** The person's shortcuts; null until loaded (the defaults apply meanwhile). */
  keys: HotkeySettings | null;
  helpOpen: boolean;
  /** Bumped by the kill-switch shortcut: the kill-switch button opens its own confirmation. */
  killAsked: number;
  /** The positions row buy / sell at the touch acts on; null when it is the watchlist's selected row. */
  position: PositionRow | null;
}

export const useHotkeyStore = create<HotkeySlice>(() => ({
  keys: null,
  helpOpen: false,
  killAsked: 0,
  position: null,
}));

export const setHelpOpen = (helpOpen: boolean) => useHotkeyStore.setState({ helpOpen });
export const askKillSwitch = () => useHotkeyStore.setState((s) => ({ killAsked: s.killAsked + 1 }));
export const setTouchRow = (position: PositionRow | null) => useHotkeyStore.setState({ position });
