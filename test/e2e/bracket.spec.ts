import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';

/** A bracket from the ticket in the IRA: its legs ruled as a group, sent as one, followed leg by leg. */

let harness: RunningHarness;

test.beforeEach(async () => {
  harness = await startHarnessProcess(['--sim-control-port', '0'], (dir) =>
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlistSeeded: true })),
  );
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

async function control(path: string): Promise<void> {
  if (!harness.simControl) throw new Error('the harness printed no simulator control URL');
  const response = await fetch(`${harness.simControl}${path}`, { method: 'POST' });
  expect(response.status, await response.text()).toBe(200);
}

/** The symbol's bid and ask as the watchlist shows them (the prices are held still first). */
async function quoteOf(page: Page, symbol: string): Promise<{ bid: number; ask: number }> {
  const box = page.getByRole('combobox', { name: 'Add symbol' });
  await box.fill(symbol);
  await page
    .getByRole('listbox', { name: 'Matching listings' })
    .getByRole('option')
    .filter({ hasText: new RegExp(`^${symbol} · STK`) })
    .first()
    .click();
  const row = page
    .getByRole('region', { name: 'Watchlist' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: symbol, exact: true }) });
  const cell = (col: string) => row.locator(`[role="gridcell"][col-id="${col}"]`);
  await expect(cell('bid')).toHaveText(/^\d+\.\d{2}$/);
  await expect(cell('ask')).toHaveText(/^\d+\.\d{2}$/);
  return { bid: Number(await cell('bid').textContent()), ask: Number(await cell('ask').textContent()) };
}

test('a bracket in the IRA whose stop fills and cancels the take-profit', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', {
    timeout: 30_000,
  });
  await control('/market/tick-rate?value=0');
  // The IRA holds no MSFT: its exits are sales only of what the entry buys.
  const { bid, ask } = await quoteOf(page, 'MSFT');

  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await ticket.getByLabel('Account', { exact: true }).selectOption('DU1000001');
  await ticket.getByLabel('Symbol').fill('MSFT');
  await ticket.getByRole('radio', { name: 'Buy' }).check();
  await ticket.getByLabel('Quantity').fill('10');
  await ticket.getByLabel('Order type').selectOption('LMT');
  await ticket.getByLabel('Limit price').fill(ask.toFixed(2));
  await ticket.getByText('Bracket: exit with a take-profit and a stop-loss').click();
  await ticket.getByLabel('Take-profit limit').fill((ask * 1.03).toFixed(2));
  // A stop just above the bid: the market is already through it once the entry fills.
  await ticket.getByLabel('Stop-loss stop').fill((bid + 0.01).toFixed(2));
  await ticket.getByLabel('Stop-loss stop').press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Confirm bracket' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const legs = dialog.getByRole('table', { name: 'Bracket legs' });
  await expect(legs.getByRole('row')).toHaveCount(4);
  // Each leg's checks name the leg; an exit's what-if is the entry's.
  await expect(legs.getByRole('row', { name: 'Stop-loss' })).toContainText(
    "stop-loss: IBKR's what-if is asked for the entry",
  );
  await expect(legs.getByRole('row', { name: 'Stop-loss' })).toContainText('Sell 10 MSFT');
  for (const box of await dialog.getByRole('checkbox').all()) await box.check();
  await dialog.getByRole('button', { name: 'Transmit bracket (3 orders)' }).click();

  await expect(dialog.getByLabel('Outcome for the entry')).toContainText('filled 10', { timeout: 15_000 });
  await expect(dialog.getByLabel('Outcome for the stop-loss')).toContainText('filled 10', { timeout: 15_000 });
  await expect(dialog.getByLabel('Outcome for the take-profit')).toContainText('cancelled', { timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
