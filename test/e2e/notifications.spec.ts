import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';
import { fillTicket, placeRestingBuy } from './ticket-steps';

let harness: RunningHarness;

test.beforeEach(async () => {
  // The watchlist starts empty (not seeded with the holdings, AAPL's options among them): tests add what they use.
  harness = await startHarnessProcess(['--sim-control-port', '0'], (dir) =>
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlistSeeded: true })),
  );
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

async function open(page: Page): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', { timeout: 30_000 });
  // The toasts and the shortcuts load together, after the first positions: a key pressed before is not heard.
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeAttached();
}

async function control(path: string): Promise<void> {
  if (!harness.simControl) throw new Error('the harness printed no simulator control URL');
  const response = await fetch(`${harness.simControl}${path}`, { method: 'POST' });
  expect(response.status, await response.text()).toBe(200);
}

test('a fill shows a toast that Close dismisses', async ({ page }) => {
  await open(page);
  await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 5, type: 'MKT' });
  await page.getByRole('dialog', { name: 'Confirm order' }).getByRole('button', { name: 'Transmit' }).click();
  const toast = page.getByRole('status', { name: 'Filled: Buy 5 AAPL at market' });
  await expect(toast).toContainText('5 at');
  await toast.getByRole('button', { name: 'Close: Filled: Buy 5 AAPL at market' }).click();
  await expect(toast).toHaveCount(0);
});

test('an alert set in the panel fires once with a toast, stays listed as fired, and Remove removes it', async ({
  page,
}) => {
  await open(page);
  const panel = page.getByRole('region', { name: 'Price alerts' });
  await panel.getByLabel('Symbol').fill('AAPL');
  await panel.getByLabel('When').selectOption('above');
  await panel.getByRole('spinbutton', { name: 'Price' }).fill('1');
  await panel.getByRole('button', { name: 'Add alert' }).click();
  await expect(page.getByRole('status', { name: 'Alert: AAPL above 1.00' })).toBeVisible({ timeout: 10_000 });
  const listed = panel.getByRole('list', { name: 'Price alerts' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(/AAPL above 1\.00 — fired at \d+\.\d{2}/);
  await listed.getByRole('button', { name: /^Remove alert AAPL above 1\.00/ }).click();
  await expect(panel).toContainText('No price alerts.');
});

test('? opens the keyboard shortcuts, which list the ticket key and the defaults', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('region', { name: 'Price alerts' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('F2');
  await expect(dialog).toContainText('Alt+B');
  await expect(dialog).toContainText('Ctrl+Shift+K');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Alt+B on the selected watchlist row opens the ticket to buy at the ask', async ({ page }) => {
  await open(page);
  await control('/market/tick-rate?value=0');
  const box = page.getByRole('combobox', { name: 'Add symbol' });
  await box.fill('AAP');
  await page
    .getByRole('listbox', { name: 'Matching listings' })
    .getByRole('option')
    .filter({ hasText: /^AAPL · STK · NASDAQ/ })
    .click();
  const row = page
    .getByRole('region', { name: 'Watchlist' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'AAPL', exact: true }) });
  const ask = row.locator('[role="gridcell"][col-id="ask"]');
  await expect(ask).toHaveText(/^\d+\.\d{2}$/);
  await row.getByRole('gridcell', { name: 'AAPL', exact: true }).click();
  const askText = (await ask.textContent()) ?? '';

  await page.keyboard.press('Alt+B');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(ticket.getByLabel('Symbol')).toHaveValue('AAPL');
  await expect(ticket.getByRole('radio', { name: 'Buy' })).toBeChecked();
  await expect(ticket.getByLabel('Order type')).toHaveValue('LMT');
  expect(Number(await ticket.getByLabel('Limit price').inputValue())).toBeCloseTo(Number(askText), 2);
});

test('Alt+C cancels the last order sent from this window, with a toast; Ctrl+Shift+K asks before the kill switch', async ({
  page,
}) => {
  await open(page);
  await placeRestingBuy(page);
  // The cancel request acts on the open orders IB Gateway reported, as the grid's Cancel button does.
  await expect(page.getByRole('button', { name: /^Cancel order \d+ BUY 1 AAPL/ })).toBeVisible({ timeout: 10_000 });

  await page.getByRole('heading', { name: 'Gatehouse' }).click();
  await page.keyboard.press('Alt+C');
  await expect(page.getByRole('status', { name: /^Cancelled: Buy 1 AAPL/ })).toBeVisible({ timeout: 10_000 });

  await page.keyboard.press('Control+Shift+K');
  const ask = page.getByRole('dialog', { name: 'Cancel all orders and disarm?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep orders' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kill switch' })).toBeVisible();
});
