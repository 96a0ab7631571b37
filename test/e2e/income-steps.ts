import { expect, type Page } from '@playwright/test';
import type { RunningHarness } from './harness-fixture';

/** Steps the options specs share: a market that holds still, and two covered calls sold in the IRA. */

/** The market holds still, so the bid the prefill read is the bid the preview and the submit check against. */
export async function holdMarketStill(harness: RunningHarness): Promise<void> {
  if (!harness.simControl) throw new Error('no simulator control URL');
  const response = await fetch(`${harness.simControl}/market/tick-rate?value=0`, { method: 'POST' });
  expect(response.status).toBe(200);
}

/**
 * Sells the covered calls the IRA's AAPL row offers (two, on its 200 shares) through the ticket and waits
 * until they are held short; returns the Roll action of the short call row.
 */
export async function sellCoveredCalls(page: Page) {
  await page.getByRole('button', { name: 'Sell covered call AAPL DU1000001' }).click();
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket.getByLabel('Quantity')).toHaveValue('2');
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  // An option's bid is often more than 5% under its mid: the price check asks for an acknowledgement then.
  const nearMarket = dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' });
  if ((await nearMarket.count()) > 0) await nearMarket.check();
  await dialog.getByRole('button', { name: 'Transmit' }).click();
  await expect(dialog).toHaveCount(0);
  const roll = page.getByRole('button', { name: /^Roll AAPL \d{8} [\d.]+ C in DU1000001$/ });
  await expect(roll).toBeVisible({ timeout: 15_000 });
  return roll;
}
