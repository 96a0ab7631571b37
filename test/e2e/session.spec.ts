import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';

let harness: RunningHarness;

test.beforeEach(async () => {
  harness = await startHarnessProcess(['--sim-control-port', '0']);
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

async function fault(path: string): Promise<void> {
  if (!harness.simControl) throw new Error('the harness printed no simulator control URL');
  const response = await fetch(`${harness.simControl}${path}`, { method: 'POST' });
  expect(response.status, await response.text()).toBe(200);
}

test('demo mode connects to the built-in simulator with its three accounts', async ({ page }) => {
  await page.goto(harness.url);
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText('Connected');
  await expect(status).toContainText('DEMO');
  await expect(status).toContainText('3 accounts');
  await expect(page.getByRole('alert', { name: 'Trading status' })).toHaveCount(0);
});

test('when the simulator drops the connection the status goes down and comes back', async ({ page }) => {
  await page.goto(harness.url);
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText('Connected');
  // A restart drops the connection and keeps the port closed for a moment, so "down" is visible for sure.
  await fault('/faults/restart?seconds=2');
  await expect(status).toContainText('Reconnecting…');
  await expect(status).toContainText('Connected', { timeout: 15_000 });
});

test('read-only turns order entry off and says so, and is remembered', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await page.getByRole('checkbox', { name: 'Read-only' }).check();
  await expect(page.getByRole('alert', { name: 'Trading status' })).toContainText('Read-only is on');
  await expect(page.getByLabel('Trading mode: DEMO')).toContainText('read-only');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Read-only' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Read-only' }).uncheck();
  await expect(page.getByRole('alert', { name: 'Trading status' })).toHaveCount(0);
});

test('switching to live asks first; cancelling keeps the mode', async ({ page }) => {
  await page.goto(harness.url);
  const modes = page.getByRole('radiogroup', { name: 'Trading mode' });
  // click, not check: the radio stays unchecked until the dialog is confirmed.
  await modes.getByRole('radio', { name: 'Live' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to live trading?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Trading mode: DEMO')).toBeVisible();
  await modes.getByRole('radio', { name: 'Live' }).click();
  await dialog.getByRole('button', { name: 'Switch to live' }).click();
  await expect(page.getByLabel('Trading mode: LIVE')).toBeVisible();
  // No live gateway runs here: the session keeps trying, and says where.
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('127.0.0.1:4001');
});

test('a corrupt settings file is kept as .bak, defaults are used, and the person is told', async ({ page }) => {
  await stopHarnessProcess(harness);
  harness = await startHarnessProcess([], (dir) => writeFileSync(join(dir, 'settings.json'), '{"mode": "live",'));
  await page.goto(harness.url);
  await expect(page.getByRole('alert', { name: 'Notices' })).toContainText('settings.json.bak');
  await expect(page.getByLabel('Trading mode: DEMO')).toBeVisible();
});
