import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness-fixture';
import { rowsInside } from './rows-in-view';
import { placeRestingBuy } from './ticket-steps';

/**
 * The workspace layout (issue 21 point 3): resizable panes whose sizes are kept, the ticket docked in a pane of
 * its own, a compact density, and buy / sell at the touch from a positions row.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const positionRows = (page: Page) =>
  page.getByRole('region', { name: 'Positions by account' }).locator('[role="row"][row-id]');

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(positionRows(page).first()).toBeVisible();
}

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;
const width = async (locator: Locator) => (await locator.boundingBox())?.width ?? 0;

test('a separator dragged or moved with the arrow keys resizes its panes, and the sizes are kept', async ({
  page,
  harness,
}) => {
  await open(page, harness.url);
  const balances = page.getByRole('region', { name: 'Balances', exact: true });
  const positions = page.getByRole('region', { name: 'Positions', exact: true });
  const between = page.getByRole('separator', { name: 'Resize Balances and Positions' });
  const before = { balances: await height(balances), positions: await height(positions) };

  const bar = (await between.boundingBox())!;
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 + 40, { steps: 4 });
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 + 80, { steps: 4 });
  await page.mouse.up();
  expect(await height(balances)).toBeCloseTo(before.balances + 80, -1);
  expect(await height(positions)).toBeCloseTo(before.positions - 80, -1);

  const columns = page.getByRole('separator', { name: 'Resize Accounts and Market and orders' });
  const market = page.getByRole('region', { name: 'Market' });
  const marketWidth = await width(market);
  const shownAt = Number(await columns.getAttribute('aria-valuenow'));
  await columns.focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  expect(await width(market)).toBeCloseTo(marketWidth - 48, -1);
  expect(Number(await columns.getAttribute('aria-valuenow'))).toBeGreaterThan(shownAt);
  // Never past a pane's minimum, however far it is pushed.
  await page.keyboard.press('End');
  expect(await width(market)).toBeGreaterThanOrEqual(359);

  const kept = { balances: await height(balances), market: await width(market) };
  await page.reload();
  await expect(positionRows(page).first()).toBeVisible();
  await expect(market).toBeVisible();
  expect(await height(balances)).toBeCloseTo(kept.balances, 0);
  expect(await width(market)).toBeCloseTo(kept.market, 0);
});

/** The boxes of the panels beside the ticket: none may share a pixel with it. */
const OTHER_PANELS = ['Balances', 'Positions', 'Orders and executions', 'Market', 'Order status', 'Audit log'];

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`the ticket, docked, covers no other panel at ${viewport.width} × ${viewport.height}`, async ({
    page,
    harness,
  }) => {
    await page.setViewportSize(viewport);
    await open(page, harness.url);
    await expect(page.getByRole('region', { name: 'Audit log' })).toBeVisible();
    await page.getByRole('button', { name: 'New order (F2)' }).click();
    const ticket = page.getByRole('form', { name: 'Order ticket' });
    await expect(ticket.getByLabel('Symbol')).toBeVisible();
    const box = (await ticket.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    for (const name of OTHER_PANELS) {
      const other = (await page.getByRole('region', { name, exact: true }).boundingBox())!;
      const overlaps =
        box.x < other.x + other.width &&
        other.x < box.x + box.width &&
        box.y < other.y + other.height &&
        other.y < box.y + box.height;
      expect(overlaps, `the ticket overlaps ${name}`).toBe(false);
    }
  });
}

// The e2e default window and the shortest the layout is made for: the balances and positions above leave the
// open orders their row, the one a person modifies or cancels.
for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 720 },
]) {
  test(`without the chain at ${viewport.width} × ${viewport.height}, an open order's row stays in view`, async ({
    page,
    harness,
  }) => {
    await page.setViewportSize(viewport);
    await open(page, harness.url);
    await placeRestingBuy(page);

    const openOrders = page.getByRole('tabpanel', { name: 'Open orders (1)' });
    await expect(openOrders.locator('[role="row"][row-id]')).toHaveCount(1);
    expect(await rowsInside(openOrders)).toBe(1);
    // Still there with the separator above moved down as far as it goes.
    await page.getByRole('separator', { name: 'Resize Positions and Orders and executions' }).focus();
    await page.keyboard.press('End');
    expect(await rowsInside(openOrders)).toBe(1);
    // And the pane holding them is not cut off by the window.
    const pane = (await page.getByRole('region', { name: 'Orders and executions', exact: true }).boundingBox())!;
    expect(pane.y + pane.height).toBeLessThanOrEqual(viewport.height);
  });
}

test('compact density makes the grids’ rows shorter and is kept', async ({ page, harness }) => {
  await open(page, harness.url);
  const row = positionRows(page).first();
  const comfortable = await height(row);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Compact' }).check();
  await settings.getByRole('button', { name: 'Close', exact: true }).click();
  await expect.poll(() => height(row)).toBeLessThan(comfortable - 10);
  const compact = await height(row);

  await page.reload();
  await expect(positionRows(page).first()).toBeVisible();
  expect(await height(positionRows(page).first())).toBe(compact);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings.getByRole('radio', { name: 'Compact' })).toBeChecked();
});

test('Alt+B / Alt+S on a positions row open the ticket at the touch in that row’s account', async ({
  page,
  harness,
}) => {
  await open(page, harness.url);
  // AAPL is held in two accounts; the second one's row.
  const row = page.getByRole('region', { name: 'Positions by account' }).locator('[row-id="DU1000002:265598"]');
  await expect(
    page.getByRole('region', { name: 'Watchlist' }).getByRole('gridcell', { name: 'AAPL' }).first(),
  ).toBeVisible();
  // The shortcuts load with the toasts, after the first positions: a key pressed before is not heard.
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeAttached();
  await row.locator('[col-id="marketValue"]').click();

  await page.keyboard.press('Alt+B');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket.getByLabel('Account', { exact: true })).toHaveValue('DU1000002');
  await expect(ticket.getByLabel('Symbol')).toHaveValue('AAPL');
  await expect(ticket.getByRole('radio', { name: 'Buy' })).toBeChecked();
  await expect(ticket.getByLabel('Order type')).toHaveValue('LMT');
  expect(Number(await ticket.getByLabel('Limit price').inputValue())).toBeGreaterThan(0);

  await ticket.getByRole('button', { name: 'Close ticket' }).click();
  await row.locator('[col-id="marketValue"]').click();
  await page.keyboard.press('Alt+S');
  await expect(ticket.getByLabel('Account', { exact: true })).toHaveValue('DU1000002');
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked();

  await ticket.getByRole('button', { name: 'Close ticket' }).click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Buy at the ask (selected watchlist or positions row)',
  );
});
