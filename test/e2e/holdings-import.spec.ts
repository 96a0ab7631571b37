import type { Page } from '@playwright/test';
import { expect, test } from './harness-fixture';

/** Another broker's holdings imported as an external account, in Chromium through the harness and its demo simulator. */

test.use({ viewport: { width: 1900, height: 1200 } });

const AAPL = 265598;
const CSV = 'symbol,quantity,cost_basis\nAAPL,10,"$1,500.00"\nKO,ten,5\nZZZQX,5,100\n';
const positions = (page: Page) => page.getByRole('region', { name: 'Positions by account' });

test('a CSV with one bad line: the line is listed, the rest kept on confirmation, marked not tradable, then removed', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(positions(page).getByRole('note')).toHaveCount(0);

  await page.getByRole('button', { name: 'Other brokers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Holdings at other brokers' });
  await dialog.getByLabel('Account name').fill('Fidelity 401k');
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'positions.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText('2 rows imported, 1 rows refused');
  await expect(dialog.getByRole('list', { name: 'Refused rows' }).getByRole('listitem')).toHaveText([
    'Line 3: quantity "ten" for KO is not a number',
  ]);
  await dialog.getByRole('button', { name: 'Keep without the refused rows' }).click();
  await expect(dialog.getByRole('list', { name: 'External accounts' })).toContainText('Fidelity 401k · 2 holdings');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // The linked accounts' rows hidden by their chips, so the external rows are in view.
  const chips = page.getByRole('group', { name: 'Show accounts' }).getByRole('button');
  for (const chip of await chips.all()) await chip.click();
  const aapl = positions(page).locator(`[row-id="EXT-FIDELITY-401K:${AAPL}"]`);
  await expect(aapl.getByRole('note')).toHaveText('external — not tradable here');
  await expect(aapl.getByRole('button')).toHaveCount(0);
  await expect(aapl.locator('[col-id="marketValue"]')).toHaveText(/^[\d,]+\.\d\d$/);
  await expect(positions(page).getByRole('note').filter({ hasText: 'no IBKR price' })).toHaveText(
    'external — not tradable here · no IBKR price',
  );

  await page.getByRole('button', { name: 'Other brokers…' }).click();
  await dialog.getByRole('button', { name: 'Remove Fidelity 401k' }).click();
  await expect(dialog.getByRole('list', { name: 'External accounts' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(aapl).toHaveCount(0);
  await expect(positions(page).getByRole('note')).toHaveCount(0);
});
