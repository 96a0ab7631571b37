import { expect, startHarnessProcess, stopHarnessProcess, test, type RunningHarness } from './harness-fixture';
import { fillTicket } from './ticket-steps';

/** A trailing stop from the ticket: the open-orders grid shows its trigger as IBKR moves it with the market. */

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarnessProcess();
});
test.afterEach(async () => stopHarnessProcess(harness));

test('a trailing stop whose trigger moves in the open-orders grid', async ({ page }) => {
  // Wide enough that the grid renders its Trigger column (it draws only the columns in view).
  await page.setViewportSize({ width: 2560, height: 1200 });
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', {
    timeout: 30_000,
  });
  // The individual account holds 50 MSFT: a trailing stop under the bid protects 10 of them.
  await fillTicket(page, { account: 'DU1000002', symbol: 'MSFT', side: 'Sell', quantity: 10, type: 'TRAIL' });
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await ticket.getByLabel('Trail by').selectOption('percent');
  await ticket.getByLabel('Trailing percent').fill('4');
  await ticket.getByLabel('Trailing percent').press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(confirm).toBeVisible({ timeout: 20_000 });
  for (const box of await confirm.getByRole('checkbox').all()) await box.check();
  await confirm.getByRole('button', { name: 'Transmit' }).click();

  const row = page
    .getByRole('region', { name: 'Orders and executions' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'TRAIL', exact: true }) });
  const trigger = row.locator('[role="gridcell"][col-id="trigger"]');
  await expect(trigger).toHaveText(/^\d+\.\d{2}$/, { timeout: 15_000 });
  const first = Number(await trigger.textContent());
  // The walk makes new highs; the trigger follows each 4 % under the highest bid, and only up.
  await expect
    .poll(async () => Number(await trigger.textContent()), { timeout: 45_000, intervals: [500] })
    .toBeGreaterThan(first);
});
