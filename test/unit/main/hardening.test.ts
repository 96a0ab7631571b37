import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/window-options';
import { contentSecurityPolicy } from '../../../src/shared/csp';

/**
 * The security posture as a whole, beyond single options: no webPreferences key that opens the renderer
 * up is set to anything but its safe value, and the CSP's directives allow exactly what each shell needs.
 */

/** Every webPreferences key that, switched on, gives page content more than a sandboxed web page has. */
const MUST_BE_OFF = [
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'webviewTag',
  'navigateOnDragDrop',
  'enableBlinkFeatures',
  'plugins',
  'enableWebSQL',
  'enableRemoteModule',
] as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('BrowserWindow security options', () => {
  const prefs = (mainWindowOptions('/app/preload.cjs').webPreferences ?? {}) as Record<string, unknown>;

  it('isolates the preload, sandboxes the renderer and keeps web security on', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it.each(MUST_BE_OFF)('%s is off or absent', (key) => {
    expect(prefs[key] === undefined || prefs[key] === false || prefs[key] === '').toBe(true);
  });

  it('loads no code but its own preload', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });
});

describe.each([
  ['Electron', "'none'", ["'none'"]],
  ['harness', "'self'", ["'self'"]],
])('Content-Security-Policy (%s)', (_shell, connect, expectedConnect) => {
  const csp = contentSecurityPolicy({ connect });
  const parsed = directives(csp);

  it('denies by default and allows nothing inline or evaluated', () => {
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
  });

  it('allows network only where the shell needs it', () => {
    expect(parsed.get('connect-src')).toEqual(expectedConnect);
  });

  it('loads scripts and styles only from the app itself, and nothing from elsewhere', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('style-src')).toEqual(["'self'"]);
    for (const [name, sources] of parsed) {
      for (const source of sources) expect(`${name} ${source}`).toMatch(/ ('self'|'none'|data:)$/);
    }
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
