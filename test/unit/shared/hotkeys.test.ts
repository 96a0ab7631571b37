import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOTKEYS,
  formatChord,
  hotkeyProblems,
  matchesChord,
  parseChord,
  type Chord,
} from '../../../src/shared/hotkeys';
import { HotkeySettingsSchema } from '../../../src/shared/hotkey-settings';

const press = (code: string, key: string, mods: Partial<Record<'ctrl' | 'alt' | 'shift' | 'meta', boolean>> = {}) => ({
  code,
  key,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  metaKey: mods.meta ?? false,
});

describe('hotkeys', () => {
  it('parses modifiers in any case and order and shows them in one spelling', () => {
    const chord = parseChord('shift + ctrl+k') as Chord;
    expect(chord).toEqual({ ctrl: true, alt: false, shift: true, meta: false, key: 'K' });
    expect(formatChord(chord)).toBe('Ctrl+Shift+K');
    expect(formatChord(parseChord('F5') as Chord)).toBe('F5');
  });

  it('refuses keys that would type into a field, unknown modifiers and odd keys', () => {
    expect(parseChord('B')).toMatch(/would type into fields/);
    expect(parseChord('Shift+B')).toMatch(/would type into fields/);
    expect(parseChord('Hyper+B')).toMatch(/not a modifier/);
    expect(parseChord('Alt+Alt+B')).toMatch(/twice/);
    expect(parseChord('Alt+Enter')).toMatch(/must end in/);
  });

  it('refuses two actions on one key and the fixed ticket keys', () => {
    expect(hotkeyProblems(DEFAULT_HOTKEYS)).toEqual([]);
    expect(hotkeyProblems({ ...DEFAULT_HOTKEYS, sellAtBid: 'alt+b' })[0]).toMatch(/Alt\+B is used twice/);
    expect(hotkeyProblems({ ...DEFAULT_HOTKEYS, cancelLast: 'Ctrl+T' })[0]).toMatch(/Ctrl\+T is used twice/);
    expect(HotkeySettingsSchema.safeParse({ buyAtAsk: 'B' }).success).toBe(false);
    expect(HotkeySettingsSchema.parse({})).toEqual(DEFAULT_HOTKEYS);
  });

  it('matches letters by physical key, so Alt+B works where Alt types a symbol', () => {
    const altB = parseChord('Alt+B') as Chord;
    expect(matchesChord(altB, press('KeyB', '∫', { alt: true }))).toBe(true);
    expect(matchesChord(altB, press('KeyB', 'b'))).toBe(false);
    expect(matchesChord(altB, press('KeyB', 'B', { alt: true, shift: true }))).toBe(false);
    expect(matchesChord(parseChord('F5') as Chord, press('F5', 'F5'))).toBe(true);
  });
});
