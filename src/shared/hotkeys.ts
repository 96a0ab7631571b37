/** What a configurable shortcut does; the ticket's F2 / Ctrl+T is fixed and only listed. */
export const HOTKEY_ACTIONS = ['buyAtAsk', 'sellAtBid', 'cancelLast', 'killSwitch'] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

export const HOTKEY_LABELS: Record<HotkeyAction, string> = {
  buyAtAsk: 'Buy at the ask (selected watchlist or positions row)',
  sellAtBid: 'Sell at the bid (selected watchlist or positions row)',
  cancelLast: 'Cancel the last order sent from this window',
  killSwitch: 'Kill switch (asks for confirmation)',
};

export type HotkeySettings = Record<HotkeyAction, string>;

export const DEFAULT_HOTKEYS: HotkeySettings = {
  buyAtAsk: 'Alt+B',
  sellAtBid: 'Alt+S',
  cancelLast: 'Alt+C',
  killSwitch: 'Ctrl+Shift+K',
};

/** Shortcuts the window already uses, listed in the help overlay and never available for reassignment. */
export const FIXED_HOTKEYS: readonly { keys: string; label: string }[] = [
  { keys: 'F2', label: 'Open the order ticket' },
  { keys: 'Ctrl+T', label: 'Open the order ticket' },
  { keys: '?', label: 'Show these shortcuts' },
];

export interface Chord {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** Upper case for letters, e.g. "B", "F5", "ESCAPE". */
  key: string;
}

const MODIFIERS = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
} as const;
const FUNCTION_KEY = /^F([1-9]|1[0-2])$/;
const PLAIN_KEY = /^[A-Z0-9]$/;

/** "Ctrl+Shift+K" → a chord, or a sentence saying why it is not one. */
export function parseChord(text: string): Chord | string {
  const parts = text.split('+').map((part) => part.trim());
  const key = parts.pop()?.toUpperCase() ?? '';
  const chord: Chord = { ctrl: false, alt: false, shift: false, meta: false, key };
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase() as keyof typeof MODIFIERS] as keyof Chord | undefined;
    if (modifier === undefined || modifier === 'key') return `"${part}" is not a modifier (Ctrl, Alt, Shift or Meta).`;
    if (chord[modifier]) return `"${text}" names ${part} twice.`;
    chord[modifier] = true;
  }
  if (!PLAIN_KEY.test(key) && !FUNCTION_KEY.test(key)) return `"${text}" must end in a letter, a digit or F1–F12.`;
  // Shift alone still types a character in a field: only Ctrl, Alt or Meta keep a letter from typing.
  if (!FUNCTION_KEY.test(key) && !chord.ctrl && !chord.alt && !chord.meta) {
    return `"${text}" would type into fields: add Ctrl, Alt or Meta.`;
  }
  return chord;
}

/** The one spelling a chord is shown and compared in. */
export function formatChord(chord: Chord): string {
  const names = [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Meta'];
  return [...names.filter((name) => name !== false), chord.key].join('+');
}

/** Problems with a whole set of shortcuts: unparsable keys, two actions on one key, or a fixed key taken. */
export function hotkeyProblems(keys: Record<HotkeyAction, string>): string[] {
  const problems: string[] = [];
  const taken = new Map<string, string>(FIXED_HOTKEYS.map(({ keys: fixed, label }) => [fixed, label]));
  for (const action of HOTKEY_ACTIONS) {
    const chord = parseChord(keys[action]);
    if (typeof chord === 'string') {
      problems.push(`${HOTKEY_LABELS[action]}: ${chord}`);
      continue;
    }
    const shown = formatChord(chord);
    const holder = taken.get(shown);
    if (holder !== undefined) problems.push(`${shown} is used twice: ${holder} and ${HOTKEY_LABELS[action]}.`);
    else taken.set(shown, HOTKEY_LABELS[action]);
  }
  return problems;
}

/** The part of a KeyboardEvent a chord is matched against. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** Alt+letter types a symbol on macOS (Alt+B is "∫"), so letters and digits are matched by physical key. */
export function matchesChord(chord: Chord, press: KeyPress): boolean {
  if (press.ctrlKey !== chord.ctrl || press.altKey !== chord.alt) return false;
  if (press.shiftKey !== chord.shift || press.metaKey !== chord.meta) return false;
  if (FUNCTION_KEY.test(chord.key)) return press.key.toUpperCase() === chord.key;
  const physical = press.code.replace(/^(Key|Digit)/, '');
  return physical === chord.key;
}
