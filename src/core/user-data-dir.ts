import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives Gatehouse on this OS, for the harness, so both
 * shells share settings. GATEHOUSE_USER_DATA overrides it (tests use a fresh folder each).
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GATEHOUSE_USER_DATA) return env.GATEHOUSE_USER_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Gatehouse');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Gatehouse');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Gatehouse');
}
