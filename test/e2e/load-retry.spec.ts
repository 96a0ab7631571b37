import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from './harness-fixture';

/**
 * A failed first load says so and offers a Retry that loads. The failure is made on the page's side of the
 * harness WebSocket (Playwright routes the socket): the named call's first answer is replaced by the
 * error a transport or a busy service gives, and every other frame passes untouched.
 */
async function failFirstCall(page: Page, method: string): Promise<{ forwarded: () => number }> {
  let failed = false;
  let forwarded = 0;
  await page.routeWebSocket(/\/api/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; method?: string };
      if (frame.method === method && !failed) {
        failed = true;
        ws.send(
          JSON.stringify({
            id: frame.id,
            result: { ok: false, error: { code: 'transport', message: 'The request timed out.' } },
          }),
        );
        return;
      }
      if (frame.method === method) forwarded++;
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  return { forwarded: () => forwarded };
}

async function connected(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', { timeout: 30_000 });
}

test('open orders: a failed first load shows the error and a Retry that loads the book', async ({ page, harness }) => {
  const route = await failFirstCall(page, 'orders.open');
  await connected(page, harness.url);
  const pane = page.getByRole('region', { name: 'Orders and executions' });
  const alert = pane.getByRole('alert', { name: 'Orders and executions' });
  await expect(alert).toContainText('Open orders and executions could not be loaded: The request timed out.');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  expect(route.forwarded()).toBe(1);
});

test("the ticket's accounts: a failed load shows the error and a Retry that loads them", async ({ page, harness }) => {
  await failFirstCall(page, 'orders.accounts');
  await connected(page, harness.url);
  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  const alert = ticket.getByRole('alert', { name: 'Accounts' });
  await expect(alert).toContainText('The accounts could not be loaded: The request timed out.');
  await expect(ticket.getByLabel('Account', { exact: true })).toContainText('Accounts not loaded');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(ticket.getByLabel('Account', { exact: true })).toContainText('DU1000002');
});
