import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';
import { holdMarketStill, sellCoveredCalls, tabTo } from './income-steps';
import { AAPL_LISTING } from './listings';

/** Rolling the IRA's covered calls from their position row: by keyboard alone, and a roll left naked. */

let harness: RunningHarness;

test.beforeEach(async ({ page }) => {
  harness = await startHarnessProcess(['--sim-control-port', '0'], (dir) =>
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlistSeeded: true, watchlist: [AAPL_LISTING] })),
  );
  // Big enough that ag-grid renders the action column and every IRA row (it renders only what is in view).
  await page.setViewportSize({ width: 2400, height: 2000 });
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await holdMarketStill(harness);
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

/** "Roll AAPL 20261218 200 C in DU1000001" → "AAPL 20261218 200 C". */
async function optionOf(roll: Locator): Promise<{ name: string; expiry: string; strike: string }> {
  const label = (await roll.getAttribute('aria-label')) ?? '';
  const [, name = '', expiry = '', strike = ''] = /^Roll (AAPL (\d{8}) ([\d.]+) C) in /.exec(label) ?? [];
  return { name, expiry, strike };
}

test('sells the IRA’s covered calls and rolls them to the next monthly by keyboard alone: credit, covered, new row', async ({
  page,
}) => {
  const oldRoll = await sellCoveredCalls(page, 'keyboard');
  const old = await optionOf(oldRoll);
  await oldRoll.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Roll ${old.name} in DU1000001` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('New expiry')).toHaveValue(/^\d{8}$/);
  const expiry = await dialog.getByLabel('New expiry').inputValue();
  expect(expiry > old.expiry).toBe(true);
  await expect(dialog.getByLabel('New expiry').locator('option:checked')).toContainText('monthly');
  await expect(dialog.getByLabel('New strike')).toHaveValue(old.strike);
  await expect(dialog.getByLabel('Contracts')).toHaveValue('2');
  await expect(dialog.getByLabel('Net limit in words')).toHaveText(
    /^For a net credit of [\d.]+ per contract, \$[\d,.]+ in all\.$/,
  );

  // The mid rests while the market holds still: the test takes the credit the market gives now (its net ask).
  // The net market is said as the Net selector says it (a credit, not IBKR's negative combo price).
  const market = await dialog.getByLabel('Net market').textContent();
  expect(market).toMatch(/^Net market per contract: a credit of [\d.]+ to do now, a credit of [\d.]+ at best$/);
  const credit = Number(/a credit of ([\d.]+) to do now/.exec(market ?? '')?.[1]);
  const limit = dialog.getByLabel('Net limit per contract');
  await tabTo(page, limit);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(credit.toFixed(2));
  await expect(dialog.getByLabel('Net limit in words')).toHaveText(
    `For a net credit of ${credit.toFixed(2)} per contract, $${(credit * 200).toFixed(2)} in all.`,
  );
  const preview = dialog.getByRole('button', { name: 'Preview roll' });
  await tabTo(page, preview);
  await page.keyboard.press('Enter');

  const confirm = page.getByRole('dialog', { name: 'Confirm roll' });
  await expect(confirm.getByLabel('Roll', { exact: true })).toContainText(
    `Roll 2 ${old.name} to ${expiry} ${old.strike} C for a net credit of`,
  );
  // A leg has no price of its own: the confirmation never shows it as a market order.
  const legs = confirm.getByRole('table', { name: 'Roll legs' });
  await expect(legs.getByRole('row', { name: 'Buy to close' })).toContainText(
    `Buy 2 ${old.name} to close, priced by the roll's net limit`,
  );
  await expect(legs).not.toContainText('at market');
  // Both legs' markets in cents, as the roll dialog showed them.
  await expect(legs.getByRole('row', { name: 'Sell to open' })).toContainText(/bid \d+\.\d\d, ask \d+\.\d\d/);
  const covered = confirm.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(covered).toContainText('covered by 200 AAPL, 0 already committed');
  // The IRA's withdrawal note is about the account, not a leg: once, not once per leg.
  const usdOnly = confirm.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'USD only' });
  await expect(usdOnly).toHaveCount(1);
  await expect(usdOnly).not.toContainText('to close:');
  await expect(confirm.getByLabel('What-if preview')).toContainText('Commission');
  const transmit = confirm.getByRole('button', { name: 'Transmit roll' });
  await confirm.getByRole('button', { name: 'Back' }).focus();
  await tabTo(page, transmit);
  await expect(transmit).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('status', { name: 'Roll outcome' })).toContainText(/Order \d+/);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);

  const newRoll = page.getByRole('button', { name: `Roll AAPL ${expiry} ${old.strike} C in DU1000001` });
  await expect(newRoll).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByRole('row').filter({ has: newRoll }).getByRole('gridcell', { name: '-2', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: `Roll ${old.name} in DU1000001` })).toHaveCount(0);
});

test('a roll that would leave a naked call is blocked, says why and offers no Transmit', async ({ page }) => {
  const oldRoll = await sellCoveredCalls(page);
  const old = await optionOf(oldRoll);
  await oldRoll.click();
  const dialog = page.getByRole('dialog', { name: `Roll ${old.name} in DU1000001` });
  await expect(dialog.getByLabel('Net limit in words')).toHaveText(/^For a net (credit|debit) of /);
  // Three new calls need 300 shares; closing the two old ones leaves only the 200 held to cover them.
  await dialog.getByLabel('Contracts').fill('3');
  await dialog.getByRole('button', { name: 'Preview roll' }).click();

  const confirm = page.getByRole('dialog', { name: 'Confirm roll' });
  const rule = confirm.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(rule).toContainText('naked calls are not allowed in an IRA');
  await expect(confirm.getByText('A check blocks this roll; it cannot be sent.')).toBeVisible();
  await expect(confirm.getByRole('button', { name: /Transmit/ })).toHaveCount(0);
});
