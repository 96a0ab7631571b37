/**
 * The optional IB Gateway launch from the window: a paper login stored through Settings, the launch
 * pointed at the stand-in IBC (test/fixtures/fake-ibc), then Paper mode — the status bar shows the
 * wait for the port, then the connection to the simulator the stand-in opened; quitting stops it.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';

const PASSWORD = `launch-S3cret-${randomUUID().slice(0, 8)}`;
let harness: RunningHarness | null = null;

test.afterEach(async () => {
  if (harness) await stopHarnessProcess(harness);
  harness = null;
  for (const name of ['FAKE_IBC_REPORT', 'FAKE_IBC_DELAY_MS']) delete process.env[name];
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

test('Paper mode starts IB Gateway with the stored login, shows the wait, connects, and stops it on quit', async ({
  page,
}) => {
  test.skip(process.platform === 'win32', "IBC's start script is a shell script here");
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    const reason = 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset), so no keychain for the login';
    if (process.env.CI) throw new Error(`CI must run this test under dbus-run-session: ${reason}`);
    test.skip(true, reason);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-launch-'));
  const gatewayPath = join(scratch, 'Jts', 'ibgateway', '1030');
  mkdirSync(gatewayPath, { recursive: true });
  const reportPath = join(scratch, 'report.json');
  const port = await freePort();
  // The harness passes its environment on to IBC: this is how the stand-in learns where to report.
  process.env.FAKE_IBC_REPORT = reportPath;
  process.env.FAKE_IBC_DELAY_MS = '2500';
  harness = await startHarnessProcess(['--keychain-service', `Gatehouse-e2e-${randomUUID()}`], (dir) =>
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        gateway: { paper: { host: '127.0.0.1', port, clientId: 17 } },
        gatewayLaunch: {
          enabled: true,
          gatewayPath,
          ibcPath: resolve('test/fixtures/fake-ibc'),
          modes: ['paper'],
          waitSeconds: 60,
        },
      }),
    ),
  );
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => received.push(String(payload))));
  await page.goto(harness.url);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('checkbox', { name: 'Start IB Gateway with the stored login' })).toBeChecked();
  const paper = dialog.getByRole('group', { name: 'Paper login' });
  await paper.getByLabel('Paper username').fill('e2e-trader');
  await paper.getByLabel('Paper password').fill(PASSWORD);
  await paper.getByRole('button', { name: 'Save paper login' }).click();
  await expect(paper.getByLabel('Paper login status')).toHaveText('Stored for user e2e-trader');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('radiogroup', { name: 'Trading mode' }).getByRole('radio', { name: 'Paper' }).click();
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(`Starting IB Gateway… waiting for port ${port}`);
  await expect(status).toContainText('Connected', { timeout: 30_000 });
  await expect(status).toContainText('3 accounts');

  const report = () => JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>;
  expect(report()).toMatchObject({ username: 'e2e-trader', password: PASSWORD, loginInArgv: false, port });

  // Clean up the keychain entry, then quit: the gateway Gatehouse started stops with it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('group', { name: 'Paper login' }).getByRole('button', { name: 'Delete paper login' }).click();
  await expect(dialog.getByLabel('Paper login status')).toHaveText('Not stored');
  await stopHarnessProcess(harness);
  const log = harness.log();
  harness = null;
  expect(report().stopped).toBe(true);
  expect(received.join('\n')).not.toContain(PASSWORD);
  expect(log).not.toContain(PASSWORD);
});
