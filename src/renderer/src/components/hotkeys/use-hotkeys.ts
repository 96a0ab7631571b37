import { useEffect } from 'react';
import { DEFAULT_HOTKEYS, HOTKEY_ACTIONS, matchesChord, parseChord } from '../../../../shared/hotkeys';
import { setHelpOpen, useHotkeyStore } from '../../stores/hotkey-store';
import { report } from '../../stores/notice-store';
import { HOTKEY_HANDLERS } from './hotkey-actions';

const NOT_TYPED_INTO = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** A key pressed in a field types into it; shortcuts must not steal it. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return target instanceof HTMLInputElement && !NOT_TYPED_INTO.has(target.type);
}

/** The configurable shortcuts and `?` for their list, from anywhere in the window but a text field. */
export function useHotkeys(): void {
  useEffect(() => {
    void report(window.gatehouse.hotkeys.get()).then((keys) => keys && useHotkeyStore.setState({ keys }));
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || typingIn(event.target)) return;
      if (event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const keys = useHotkeyStore.getState().keys ?? DEFAULT_HOTKEYS;
      const action = HOTKEY_ACTIONS.find((name) => {
        const chord = parseChord(keys[name]);
        return typeof chord !== 'string' && matchesChord(chord, event);
      });
      if (action === undefined) return;
      event.preventDefault();
      HOTKEY_HANDLERS[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
