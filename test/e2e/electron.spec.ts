import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { electronBinary } from '../../scripts/electron-binary';

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine (it cannot be downloaded here); the harness tests cover the same UI and services.',
  );

  test('opens one sandboxed window on the gatehouse:// protocol showing the connection state', async () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` first').toBe(true);
    const app = await electron.launch({ executablePath: binary ?? undefined, args: ['.'] });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toMatch(/^gatehouse:\/\/app\//);
      await expect(window.getByRole('status', { name: 'Connection status' })).toContainText('DEMO');
      const nodeVisible = await window.evaluate(() => typeof (globalThis as { process?: unknown }).process);
      expect(nodeVisible).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
