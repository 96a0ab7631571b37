import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './harness-fixture';

test('the window loads and shows the connection state', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Gatehouse' })).toBeVisible();
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText('Connected');
  await expect(status).toContainText('DEMO');
  await expect(page.getByLabel('Trading mode: DEMO')).toBeVisible();
});

test('a mode change made through the contract reaches the status bar as an event', async ({ page, harness }) => {
  await page.goto(harness.url);
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText('DEMO');
  const result = await page.evaluate(() => window.gatehouse.session.setMode({ mode: 'paper' }));
  expect(result.ok).toBe(true);
  await expect(status).toContainText('PAPER');
  await expect(page.getByLabel('Trading mode: PAPER')).toBeVisible();
});

test('a malformed request gets a typed validation error and the server stays up', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('DEMO');
  const bad = await page.evaluate(() =>
    // Deliberately outside the contract's types: what a compromised or buggy renderer might send.
    (window.gatehouse.session.setMode as (input: unknown) => Promise<unknown>)({ mode: 'all-in' }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [expect.stringContaining('mode')] } });
  const after = await page.evaluate(() => window.gatehouse.app.info());
  expect(after).toEqual({
    ok: true,
    value: { name: 'Gatehouse', version: expect.any(String), shell: 'harness', notices: [] },
  });
  expect(harness.process.exitCode).toBeNull();
});

/** Opens a WebSocket to the harness from inside a page and reports whether it opened. */
async function tryWebSocket(page: Page, url: string, protocols: string[]) {
  return page.evaluate(
    ({ url, protocols }) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, protocols);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onerror = () => resolve('refused');
      }),
    { url, protocols },
  );
}

test('a request without the token is refused', async ({ page, harness }) => {
  await page.goto(harness.url);
  const api = `${harness.origin.replace('http', 'ws')}/api`;
  expect(await tryWebSocket(page, api, ['gatehouse.v1'])).toBe('refused');
  expect(await tryWebSocket(page, api, ['gatehouse.v1', 'gatehouse.token.0000'])).toBe('refused');
  // The same page with the real token gets in, so the refusals above are about the token alone.
  expect(await tryWebSocket(page, api, ['gatehouse.v1', `gatehouse.token.${harness.token}`])).toBe('open');
});

test('a request from another origin is refused even with the token', async ({ page, harness }) => {
  const foreign: Server = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    const api = `${harness.origin.replace('http', 'ws')}/api`;
    expect(await tryWebSocket(page, api, ['gatehouse.v1', `gatehouse.token.${harness.token}`])).toBe('refused');
    expect(harness.log()).toContain('refused a WebSocket (origin http://127.0.0.1:');
  } finally {
    foreign.close();
  }
});
