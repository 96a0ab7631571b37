import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';
import { AAPL_LISTING } from './listings';
import { rowsInside } from './rows-in-view';

/** The option chain of AAPL from the watchlist: greeks streaming, the bid/ask opening the ticket. */

let harness: RunningHarness;

test.beforeEach(async () => {
  harness = await startHarnessProcess(['--sim-control-port', '0'], (dir) =>
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlistSeeded: true, watchlist: [AAPL_LISTING] })),
  );
});

test.afterEach(async () => {
  await stopHarnessProcess(harness);
});

const chain = (page: Page) => page.getByRole('region', { name: /^Calls and puts expiring \d{8}$/ });
const atTheMoney = (page: Page) => chain(page).locator('[role="row"].chain-atm');
const cell = (page: Page, column: string) => atTheMoney(page).locator(`[role="gridcell"][col-id="${column}"]`);

async function tickRate(value: number): Promise<void> {
  if (!harness.simControl) throw new Error('no simulator control URL');
  const response = await fetch(`${harness.simControl}/market/tick-rate?value=${value}`, { method: 'POST' });
  expect(response.status).toBe(200);
}

async function openAaplChain(page: Page): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await tickRate(200);
  await page.getByRole('button', { name: 'Options AAPL' }).click();
  await expect(page.getByRole('region', { name: 'Option chain AAPL' })).toBeVisible();
  await expect(page.getByLabel('Expiry')).toContainText(/monthly/);
  await expect(page.getByLabel('Expiry')).toContainText(/weekly/);
  await expect(atTheMoney(page)).toHaveCount(1);
  await expect(cell(page, 'strike')).toHaveText(/^\d+\.\d{2} ATM$/);
}

test('the chain streams greeks for the rows in view; a call’s bid opens the ticket to sell at the bid; a naked one stays blocked', async ({
  page,
}) => {
  await openAaplChain(page);
  // An at-the-money call's delta is near one half, the put's near minus one half; theta is a cost.
  await expect(cell(page, 'c.delta')).toHaveText(/^0\.[3-6]\d\d$/);
  await expect(cell(page, 'p.delta')).toHaveText(/^-0\.[3-6]\d\d$/);
  await expect(cell(page, 'c.theta')).toHaveText(/^-\d+\.\d{3}$/);
  await expect(cell(page, 'c.iv')).toHaveText(/^\d+\.\d %$/);
  await expect(cell(page, 'c.openInterest')).toHaveText(/^[\d,.]+K?$/);
  const seen = new Set<string>();
  await expect
    .poll(async () => seen.add((await cell(page, 'c.delta').textContent()) ?? '').size, { timeout: 15_000 })
    .toBeGreaterThan(1);

  // The market holds still, so the bid read is the bid clicked.
  await tickRate(0);
  let bid = '';
  await expect
    .poll(async () => {
      const before = bid;
      await page.waitForTimeout(300);
      bid = (await cell(page, 'c.bid').textContent()) ?? '';
      return bid === before;
    })
    .toBe(true);
  const strike = ((await cell(page, 'strike').textContent()) ?? '').replace(' ATM', '');
  expect(bid).toMatch(/^\d+\.\d{2}$/);
  await cell(page, 'c.bid').click();
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(ticket.getByLabel('Instrument type')).toHaveValue('OPT');
  await expect(ticket.getByLabel('Symbol')).toHaveValue('AAPL');
  await expect(ticket.getByLabel('Strike')).toHaveValue(String(Number(strike)));
  await expect(ticket.getByLabel('Right')).toHaveValue('C');
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked();
  await expect(ticket.getByLabel('Order type')).toHaveValue('LMT');
  await expect(ticket.getByLabel('Limit price')).toHaveValue(String(Number(bid)));
  // Selling a call takes delta away from the account's AAPL (the IRA holds 200): before → after, in shares.
  await expect(ticket.getByLabel('Account', { exact: true })).toContainText('DU1000001');
  await ticket.getByLabel('Account', { exact: true }).selectOption('DU1000001');
  const line = /^Order delta: −(\d+) sh AAPL · DU1000001 AAPL delta \+(\d+) sh → \+?(\d+) sh$/;
  await expect(ticket.getByLabel('Order delta')).toHaveText(line);
  const [, change, before, after] = ((await ticket.getByLabel('Order delta').textContent()) ?? '').match(line) ?? [];
  expect(Number(change)).toBeGreaterThan(20);
  expect(Number(change)).toBeLessThan(80);
  expect(Math.abs(Number(before) - Number(change) - Number(after))).toBeLessThanOrEqual(1);
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  await expect(dialog.getByLabel('Order delta')).toHaveText(line);

  // The IRA's 200 shares cover two calls: three from the chain would leave one naked, and stay blocked.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await ticket.getByLabel('Quantity').fill('3');
  await ticket.getByRole('button', { name: 'Preview order' }).click();
  const rule = dialog.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Options' });
  await expect(rule).toContainText('Blocked');
  await expect(rule).toContainText('naked calls are not allowed in an IRA');
  await expect(dialog.getByRole('button', { name: 'Transmit' })).toBeDisabled();
});

test('with the chain open at 1440 × 900, three positions and three watchlist lines stay in view, resized or not', async ({
  page,
}) => {
  // The watchlist seeded as a new user's (from the positions held), not AAPL alone.
  await stopHarnessProcess(harness);
  harness = await startHarnessProcess();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(harness.url);
  const positions = page.getByRole('region', { name: 'Positions by account' });
  const watchlist = page.getByRole('region', { name: 'Watchlist' });
  await expect(positions.locator('[role="row"][row-id]').nth(3)).toBeAttached();
  await expect(watchlist.locator('[role="row"][row-id]').nth(3)).toBeAttached();
  await watchlist
    .locator('[role="row"][row-id] [col-id="symbol"]', { hasText: /^AAPL$/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Options AAPL' }).click();
  await expect(atTheMoney(page)).toHaveCount(1);
  expect(await rowsInside(positions)).toBeGreaterThanOrEqual(3);
  expect(await rowsInside(watchlist)).toBeGreaterThanOrEqual(3);
  // And the chain its at-the-money strike with one either side.
  expect(await rowsInside(chain(page))).toBeGreaterThanOrEqual(3);
  // A separator moved up into the columns stops short of those rows.
  await page.getByRole('separator', { name: 'Resize Accounts, market and orders and Option chain' }).focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowUp');
  expect(await rowsInside(positions)).toBeGreaterThanOrEqual(3);
  expect(await rowsInside(watchlist)).toBeGreaterThanOrEqual(3);
  // Not merely laid out but uncovered: both end above the chain.
  const chainTop = (await page.getByRole('region', { name: 'Option chain AAPL' }).boundingBox())!.y;
  for (const region of [positions, watchlist]) {
    const box = (await region.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(chainTop);
  }
});

test('the keyboard alone reaches a put’s ask and opens the ticket to buy at the ask', async ({ page }) => {
  await openAaplChain(page);
  await expect(cell(page, 'p.ask')).toHaveText(/^\d+\.\d{2}$/);
  await cell(page, 'strike').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 'p.ask')).toBeFocused();
  await page.keyboard.press('Enter');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(ticket.getByLabel('Right')).toHaveValue('P');
  await expect(ticket.getByRole('radio', { name: 'Buy' })).toBeChecked();
});

test('positions show option rows’ greeks and each account’s delta in shares of the underlying', async ({ page }) => {
  // Wide enough that the greeks columns are rendered (ag-grid renders only the columns in view).
  await page.setViewportSize({ width: 2400, height: 900 });
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  const strip = page.getByRole('list', { name: 'Portfolio greeks' });
  // The individual account holds 100 AAPL and 5 long AAPL calls: 100 shares plus 500 × the calls' delta.
  const individual = strip.getByRole('listitem').filter({ hasText: 'DU1000002' });
  await expect(individual).toContainText(/AAPL Δ \+\d+ sh · Θ [+−]\$\d+\.\d{2}\/day/);
  const delta = Number((await individual.textContent())?.match(/AAPL Δ \+(\d+) sh/)?.[1]);
  expect(delta).toBeGreaterThan(200);
  expect(delta).toBeLessThan(600);

  const optionRow = page
    .getByRole('region', { name: 'Positions by account' })
    .getByRole('row')
    .filter({ has: page.locator('[col-id="symbol"] span[title*=" · OPT · "]') })
    .first();
  await expect(optionRow.locator('[col-id="greek.delta"]')).toHaveText(/^-?0\.\d{3}$/);
  await expect(optionRow.locator('[col-id="greek.theta"]')).toHaveText(/^-\d+\.\d{3}$/);

  await page.getByRole('button', { name: 'Consolidated' }).click();
  await expect(strip.getByRole('listitem').filter({ hasText: 'All accounts' })).toContainText(/AAPL Δ \+\d+ sh/);
});
