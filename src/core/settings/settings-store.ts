import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSettings, SettingsSchema, type Settings } from '../../shared/settings';
import { describeIssues } from '../ipc/describe-issues';
import { writeFileAtomic } from '../fs/atomic-write';

export const SETTINGS_FILE = 'settings.json';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the file could not be used: what happened and where the old file went. */
  notice: string | null;
}

/**
 * Settings as JSON in the user-data folder, validated by the schema on the way in and out. A file
 * that cannot be read as settings is never overwritten in place: it is kept as settings.json.bak.
 */
export class SettingsStore {
  private settings: Settings = defaultSettings();
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, SETTINGS_FILE);
  }

  async load(): Promise<LoadedSettings> {
    await mkdir(this.dir, { recursive: true });
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: this.settings, notice: null };
      throw error;
    }
    const problem = parseProblem(text);
    if (problem.settings) {
      this.settings = problem.settings;
      return { settings: this.settings, notice: null };
    }
    const backup = `${this.path}.bak`;
    await rename(this.path, backup);
    this.settings = defaultSettings();
    await writeFileAtomic(this.path, serialize(this.settings));
    return {
      settings: this.settings,
      notice: `Your settings file could not be used (${problem.reason}), so Gatehouse started with default settings. The old file is kept as ${backup}.`,
    };
  }

  current(): Settings {
    return this.settings;
  }

  /** Validates the whole result before anything is written; an invalid change leaves file and memory as they were. */
  async update(change: (current: Settings) => unknown): Promise<Settings> {
    const next = SettingsSchema.parse(change(structuredClone(this.settings)));
    await writeFileAtomic(this.path, serialize(next));
    this.settings = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  subscribe(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const serialize = (settings: Settings) => `${JSON.stringify(settings, null, 2)}\n`;

function parseProblem(text: string): { settings: Settings; reason?: never } | { settings?: never; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: 'it is not valid JSON' };
  }
  const parsed = SettingsSchema.safeParse(json);
  if (parsed.success) return { settings: parsed.data };
  return { reason: describeIssues(parsed.error, 3).join('; ') };
}
