/**
 * The person's layout choices — grid columns, split sizes, density — kept in the window's own storage
 * between runs. Electron keeps it in the user-data folder; the harness page under its origin (one port).
 */
const PREFIX = 'gatehouse.';

/** What was kept under `key`, or null when nothing (or something unreadable, then dropped) was. */
export function readKept(key: string): unknown {
  const text = localStorage.getItem(PREFIX + key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    forget(key);
    return null;
  }
}

export function keep(key: string, value: unknown): void {
  localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function forget(key: string): void {
  localStorage.removeItem(PREFIX + key);
}
