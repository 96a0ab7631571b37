import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHarness } from './harness-fixture';

/** Steps the options specs share: a market that holds still, and two covered calls sold in the IRA. */

/** The market holds still, so the bid the prefill read is the bid the preview and the submit check against. */
export async function holdMarketStill(harness: RunningHarness): Promise<void> {
  if (!harness.simControl) throw new Error('no simulator control URL');
  const response = await fetch(`${harness.simControl}/market/tick-rate?value=0`, { method: 'POST' });
  expect(response.status).toBe(200);
}

/** Tabs forward until `target` has the focus, ticking each warning's acknowledgement it passes; at most `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    const box = await page.evaluate(() => {
      const el = document.activeElement;
      // Only a warning's acknowledgement: other boxes (the ticket's "Several accounts") change the form.
      const named = el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : '';
      return el instanceof HTMLInputElement && el.type === 'checkbox' && !el.checked && named.startsWith('Acknowledge');
    });
    if (box) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Sells the covered calls the IRA's AAPL row offers (two, on its 200 shares) through the ticket, with the
 * mouse or with the keyboard alone, and waits until they are held short; returns the Roll action of the
 * short call row.
 */
export async function sellCoveredCalls(page: Page, by: 'mouse' | 'keyboard' = 'mouse') {
  const press = async (button: Locator) => {
    if (by === 'mouse') return button.click();
    await tabTo(page, button);
    await page.keyboard.press('Enter');
  };
  // The row's action, as the positions grid's keyboard navigation reaches it (focus, then Enter).
  const action = page.getByRole('button', { name: 'Sell covered call AAPL DU1000001' });
  if (by === 'mouse') await action.click();
  else {
    await action.focus();
    await page.keyboard.press('Enter');
  }
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket.getByLabel('Quantity')).toHaveValue('2');
  await press(ticket.getByRole('button', { name: 'Preview order' }));
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(dialog).toBeVisible();
  // An option's bid is often more than 5% under its mid: the price check asks for an acknowledgement then
  // (tabTo ticks it on the way to Transmit).
  const nearMarket = dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' });
  if (by === 'mouse' && (await nearMarket.count()) > 0) await nearMarket.check();
  await press(dialog.getByRole('button', { name: 'Transmit' }));
  await expect(dialog).toHaveCount(0);
  const roll = page.getByRole('button', { name: /^Roll AAPL \d{8} [\d.]+ C in DU1000001$/ });
  await expect(roll).toBeVisible({ timeout: 15_000 });
  return roll;
}
