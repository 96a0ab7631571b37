import { expect, startHarnessProcess, stopHarnessProcess, test, type RunningHarness } from './harness-fixture';

/** One idea in the three accounts from the ticket: each child ruled by its own account. */

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarnessProcess();
});
test.afterEach(async () => stopHarnessProcess(harness));

test('an allocation to the three accounts: the IRA child is blocked for margin, the two others are transmitted', async ({
  page,
}) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', {
    timeout: 30_000,
  });
  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await ticket.getByLabel('Several accounts (one order each)').check();
  const accounts = ticket.getByRole('group', { name: 'Accounts' });
  for (const id of ['DU1000001', 'DU1000002', 'DU1000003']) await expect(accounts.getByLabel(id)).toBeChecked();
  await ticket.getByLabel('Sizing').selectOption('same');
  await ticket.getByLabel('Symbol').fill('AAPL');
  await ticket.getByRole('radio', { name: 'Buy' }).check();
  await ticket.getByLabel('Order type').selectOption('MKT');
  // 500 AAPL is more than the IRA's $92,500 of settled cash; the two margin accounts can pay for it.
  await ticket.getByLabel('Quantity per account').fill('500');
  await ticket.getByLabel('Quantity per account').press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Confirm allocation' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const rows = dialog.getByRole('table', { name: 'Orders by account' });
  await expect(rows.getByRole('row', { name: 'DU1000001' })).toContainText('No margin');
  await expect(dialog.getByLabel('Send to DU1000001')).toBeDisabled();
  await expect(dialog.getByLabel('Send to DU1000001')).not.toBeChecked();
  await expect(dialog.getByLabel('Send to DU1000002')).toBeChecked();
  await expect(dialog.getByLabel('Send to DU1000003')).toBeChecked();
  await expect(rows.getByRole('row', { name: 'DU1000002' })).toContainText('500 shares in each account');

  await dialog.getByRole('button', { name: 'Transmit 2 orders' }).click();
  await expect(dialog.getByLabel('Outcome for DU1000002')).toContainText('filled 500', { timeout: 15_000 });
  await expect(dialog.getByLabel('Outcome for DU1000003')).toContainText('filled 500', { timeout: 15_000 });
  await expect(dialog.getByLabel('Outcome for DU1000001')).toHaveText('');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test("sizing by risk fills the ticket's quantity, capped by the IRA's settled cash, and says so", async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', {
    timeout: 30_000,
  });
  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await ticket.getByLabel('Account', { exact: true }).selectOption('DU1000001');
  await ticket.getByLabel('Symbol').fill('AAPL');
  await ticket.getByLabel('Order type').selectOption('LMT');
  await ticket.getByLabel('Limit price').fill('200');
  await ticket.getByText('Size by risk').click();
  await ticket.getByLabel('Risk per trade').fill('1000');
  await ticket.getByLabel('Stop price for sizing').fill('199');
  await ticket.getByRole('button', { name: 'Size', exact: true }).click();
  // $1,000 at $1 a share is 1,000 shares; the IRA's $92,500 of settled cash buys 462 at $200.
  await expect(ticket.getByRole('status', { name: 'Sizing' })).toContainText(
    "capped at 462 shares by the IRA's $92,500.00 of settled cash",
  );
  await expect(ticket.getByLabel('Quantity')).toHaveValue('462');
});
