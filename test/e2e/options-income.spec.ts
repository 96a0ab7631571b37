import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';
import { holdMarketStill } from './income-steps';
import { AAPL_LISTING } from './listings';

/** The IRA income row actions: a covered call from the IRA's AAPL position, a secured put from the watchlist. */

let harness: RunningHarness;

test.beforeEach(async () => {
  harness = await startHarnessProcess(['--sim-control-port', '0'], (dir) =>
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlistSeeded: true, watchlist: [AAPL_LISTING] })),
  );
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

async function coveredCallTicket(page: Page) {
  // Big enough that ag-grid renders the action column and every IRA row (it renders only what is in view).
  await page.setViewportSize({ width: 2400, height: 2000 });
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await holdMarketStill(harness);
  await page.getByRole('button', { name: 'Sell covered call AAPL DU1000001' }).click();
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(page.getByText('DU1000001: 2 calls, covered by 200 AAPL, 0 already committed.')).toBeVisible();
  await expect(ticket.getByLabel('Account', { exact: true })).toHaveValue('DU1000001');
  await expect(ticket.getByLabel('Instrument type')).toHaveValue('OPT');
  await expect(ticket.getByLabel('Symbol')).toHaveValue('AAPL');
  await expect(ticket.getByLabel('Right')).toHaveValue('C');
  await expect(ticket.getByLabel('Expiry (YYYYMMDD)')).toHaveValue(/^\d{8}$/);
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked();
  await expect(ticket.getByLabel('Quantity')).toHaveValue('2');
  await expect(ticket.getByLabel('Order type')).toHaveValue('LMT');
  await expect(ticket.getByLabel('Limit price')).toHaveValue(/^\d+(\.\d+)?$/);
  return ticket;
}

test('Sell covered call on the IRA’s AAPL: prefilled, covered in the confirmation, transmitted, held short', async ({
  page,
}) => {
  const ticket = await coveredCallTicket(page);
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  const covered = dialog.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(covered).toContainText('covered by 200 AAPL, 0 already committed');
  // An option's bid is often more than 5% under its mid: the price check asks for an acknowledgement then.
  const nearMarket = dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' });
  if ((await nearMarket.count()) > 0) await nearMarket.check();
  await expect(dialog.getByRole('button', { name: 'Transmit' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Transmit' }).click();
  await expect(dialog).toHaveCount(0);

  // The simulator fills a sell at the bid: the IRA now holds the two calls short.
  const shortCall = page
    .getByRole('region', { name: 'Positions by account' })
    .getByRole('row')
    .filter({ has: page.locator('[col-id="symbol"] span[title*=" · OPT · "]') })
    .filter({ has: page.locator('[col-id="account"]', { hasText: 'DU1000001' }) });
  await expect(shortCall.locator('[col-id="quantity"]')).toHaveText('-2', { timeout: 15_000 });
});

test('a naked call typed over the prefill stays blocked', async ({ page }) => {
  const ticket = await coveredCallTicket(page);
  await ticket.getByLabel('Quantity').fill('3');
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  const rule = dialog.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(rule).toContainText('Blocked');
  await expect(rule).toContainText('naked calls are not allowed in an IRA');
  await expect(dialog.getByRole('button', { name: 'Transmit' })).toBeDisabled();
});

test('Sell cash-secured put on the watchlist’s AAPL sizes puts by the IRA’s settled cash', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await page.getByRole('button', { name: 'Sell cash-secured put AAPL' }).click();
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(
    page.getByText(/^DU1000001: \d puts, secured by \$[\d,.]+ of \$92,500\.00 settled cash\.$/),
  ).toBeVisible();
  await expect(ticket.getByLabel('Right')).toHaveValue('P');
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked();
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  const secured = dialog.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(secured).toContainText('of $92,500.00 settled cash');
});

test('moving the cash-secured put ticket to another account sizes the puts by that account’s settled cash', async ({
  page,
}) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await page.getByRole('button', { name: 'Sell cash-secured put AAPL' }).click();
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(page.getByText(/^DU1000001: \d+ puts?, secured by /)).toBeVisible();
  const iraPuts = await ticket.getByLabel('Quantity').inputValue();
  await ticket.getByLabel('Account', { exact: true }).selectOption('DU1000002');
  const sized = page.getByText(/^DU1000002: \d+ puts?, secured by \$[\d,.]+ of \$[\d,.]+ settled cash\.$/);
  await expect(sized).toBeVisible();
  const puts = /^DU1000002: (\d+) put/.exec((await sized.textContent()) ?? '')?.[1];
  await expect(ticket.getByLabel('Quantity')).toHaveValue(puts ?? 'none');
  expect(Number(puts)).toBeGreaterThan(Number(iraPuts));
});
