import { describe, expect, it } from 'vitest';
import { isExternalLink } from '../../../src/main/external-links';
import { mainWindowOptions } from '../../../src/main/window-options';
import { contentSecurityPolicy } from '../../../src/shared/csp';

describe('main window security', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('ships a CSP that allows only its own scripts and no network in Electron', () => {
    const csp = contentSecurityPolicy({ connect: "'none'" });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it.each([
    ['https://www.interactivebrokers.com/', true],
    ['http://127.0.0.1:4002', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['gatehouse://app/index.html', false],
    ['not a url', false],
  ])('%s may open externally: %s', (url, allowed) => {
    expect(isExternalLink(url)).toBe(allowed);
  });
});
