/**
 * Settings → Credentials end to end, against the real OS keychain (gnome-keyring under
 * dbus-run-session in CI): a known password goes in through the UI, and then every WebSocket frame the
 * page received, the harness's log, and every file in its user-data folder (settings, audit) are
 * searched for it. It must be nowhere.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';

const PASSWORD = `e2e-S3cret-${randomUUID().slice(0, 8)}"&<`;
const USERNAME = 'e2e-trader';
const HOW =
  "dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx playwright test test/e2e/credentials.spec.ts'";

let harness: RunningHarness | null = null;

test.afterEach(async () => {
  if (harness) await stopHarnessProcess(harness);
  harness = null;
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every frame the page receives: answers to calls and events. */
function recordFrames(page: Page): string[] {
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => received.push(String(payload))));
  return received;
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a password stored through Settings is never sent back, logged or written to a file', async ({ page }) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    const reason = `no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset), so no Secret Service for the harness; run: ${HOW}`;
    if (process.env.CI) throw new Error(`CI must run the keychain end-to-end test: ${reason}`);
    test.skip(true, reason);
  }
  let userData = '';
  harness = await startHarnessProcess(['--keychain-service', `Gatehouse-e2e-${randomUUID()}`], (dir) => {
    userData = dir;
  });
  const received = recordFrames(page);
  await page.goto(harness.url);

  let dialog = await openSettings(page);
  const paper = dialog.getByRole('group', { name: 'Paper login' });
  await expect(paper.getByLabel('Paper login status')).toHaveText('Not stored');
  await paper.getByLabel('Paper username').fill(USERNAME);
  await paper.getByLabel('Paper password').fill(PASSWORD);
  await paper.getByRole('button', { name: 'Save paper login' }).click();
  await expect(paper.getByLabel('Paper login status')).toHaveText(`Stored for user ${USERNAME}`);
  await expect(paper.getByLabel('Paper password')).toHaveValue('');

  // A malformed call that carries the password is answered without it.
  const refused = await page.evaluate(
    (password) => window.gatehouse.credentials.set({ mode: 'paper', username: '', password }),
    PASSWORD,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });

  // A fresh page: the status comes from the keychain, the password field is empty.
  await page.reload();
  dialog = await openSettings(page);
  const again = dialog.getByRole('group', { name: 'Paper login' });
  await expect(again.getByLabel('Paper login status')).toHaveText(`Stored for user ${USERNAME}`);
  await expect(again.getByLabel('Paper password')).toHaveValue('');
  await expect(dialog.getByRole('group', { name: 'Live login' }).getByLabel('Live login status')).toHaveText(
    'Not stored',
  );

  await again.getByRole('button', { name: 'Delete paper login' }).click();
  await expect(again.getByLabel('Paper login status')).toHaveText('Not stored');

  // The Gateway section writes settings.json, which the scan below then covers.
  const gateway = dialog.getByRole('region', { name: 'IB Gateway' });
  await gateway.getByRole('checkbox', { name: 'Start IB Gateway with the stored login' }).check();
  await gateway.getByLabel('IB Gateway folder').fill('/nowhere/Jts/ibgateway/1030');
  await gateway.getByRole('button', { name: 'Save gateway settings' }).click();
  await expect(gateway.getByRole('alert')).toHaveText(
    'There is no IB Gateway installation folder at /nowhere/Jts/ibgateway/1030.',
  );
  await gateway.getByRole('checkbox', { name: 'Start IB Gateway with the stored login' }).uncheck();
  await gateway.getByLabel('Disarm live trading after this many idle minutes').fill('20');
  await gateway.getByRole('button', { name: 'Save gateway settings' }).click();
  await expect(gateway.getByRole('status')).toContainText('Saved.');
  expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({
    liveIdleDisarmMinutes: 20,
  });

  await stopHarnessProcess(harness);
  const log = harness.log();
  harness = null;

  expect(received.length).toBeGreaterThan(5);
  const spellings = [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), encodeURIComponent(PASSWORD)];
  const files = filesUnder(userData);
  expect(files.some((file) => file.endsWith('settings.json'))).toBe(true);
  const places: Record<string, string> = {
    'a WebSocket frame the page received': received.join('\n'),
    "the harness's log": log,
    ...Object.fromEntries(files.map((file) => [file, readFileSync(file, 'utf8')])),
  };
  for (const [where, text] of Object.entries(places)) {
    for (const spelling of spellings) expect(text.includes(spelling), `${where} contains the password`).toBe(false);
  }
});

test('with no keychain the Settings dialog says so plainly and nothing is saved anywhere else', async ({ page }) => {
  // The harness inherits this process's environment: point it at a bus that is not there.
  const saved = { bus: process.env.DBUS_SESSION_BUS_ADDRESS, runtime: process.env.XDG_RUNTIME_DIR };
  const empty = mkdtempSync(join(tmpdir(), 'gatehouse-no-bus-'));
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(empty, 'no-bus')}`;
  process.env.XDG_RUNTIME_DIR = empty;
  let userData = '';
  try {
    harness = await startHarnessProcess(['--keychain-service', `Gatehouse-e2e-${randomUUID()}`], (dir) => {
      userData = dir;
    });
  } finally {
    for (const [name, value] of [
      ['DBUS_SESSION_BUS_ADDRESS', saved.bus],
      ['XDG_RUNTIME_DIR', saved.runtime],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  await page.goto(harness.url);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole('alert', { name: 'Keychain problem' })).toContainText('No keychain is available');
  const paper = dialog.getByRole('group', { name: 'Paper login' });
  await paper.getByLabel('Paper username').fill(USERNAME);
  await paper.getByLabel('Paper password').fill(PASSWORD);
  await paper.getByRole('button', { name: 'Save paper login' }).click();
  await expect(paper.getByRole('alert')).toContainText('No keychain is available');
  await expect(paper.getByRole('alert')).toContainText('Nothing was saved.');
  for (const file of filesUnder(userData)) expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
});
