import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness-fixture';

/**
 * The workspace as a new user sees it on a 1440 × 900 screen (issue 21): what a trader reads first is in
 * view without scrolling, and every grid saves what it shows as CSV.
 */

test.use({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });

const positions = (page: Page) => page.getByRole('region', { name: 'Positions by account' });
const balances = (page: Page) => page.getByRole('region', { name: 'Balances grid' });

/**
 * A column header that is on screen and inside its grid's visible width with the grid not scrolled (a header
 * past the grid's edge is clipped by it, not by the window), and whose text is not cut ("Net liquida…").
 */
async function expectInView(page: Page, header: Locator) {
  const seen = await header.evaluate((cell) => {
    const grid = cell.closest('.ag-root-wrapper')?.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const text = cell.querySelector<HTMLElement>('.ag-header-cell-text');
    return {
      inGrid: !!grid && box.left >= grid.left && box.right <= grid.right && box.bottom <= grid.bottom,
      inWindow: box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
      scrolled: cell.closest('.ag-header-viewport')?.scrollLeft ?? 0,
      cut: !!text && (text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight),
    };
  });
  expect(seen, await header.innerText()).toEqual({ inGrid: true, inWindow: true, scrolled: 0, cut: false });
}

test('the figures a trader reads first are in view at 1440 × 900 without scrolling', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(positions(page).locator('[role="row"][row-id]').first()).toBeVisible();
  await expect(balances(page).locator('[role="row"][row-id]').first()).toBeVisible();

  for (const name of [
    'Symbol',
    'Account',
    'Quantity',
    'Market value',
    'Unrealized P&L (USD)',
    'Daily P&L (USD)',
    'Daily %',
  ])
    await expectInView(page, positions(page).getByRole('columnheader', { name, exact: true }));
  for (const name of ['Net liquidation', 'Daily P&L', 'Settled cash', 'Buying power', 'Excess liquidity'])
    await expectInView(page, balances(page).getByRole('columnheader', { name, exact: true }));

  // One name per instrument: no "AAPL AAPL" beside each other.
  const aapl = positions(page).locator('[row-id="DU1000001:265598"]');
  await expect(aapl.locator('[col-id="symbol"]')).toHaveText('AAPL');
  await expect(aapl.locator('[col-id="symbol"] [title]')).toHaveAttribute('title', /AAPL · STK · USD/);
  // The actions stay reachable by name.
  await expect(page.getByRole('button', { name: 'Close position 200 AAPL in DU1000001' })).toBeVisible();
});

async function downloadCsv(page: Page, button: string): Promise<{ name: string; lines: string[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), lines: text.replace(/^\uFEFF/, '').split(/\r?\n/) };
}

test('every grid exports what it shows as CSV, header row first', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(positions(page).locator('[row-id="DU1000001:265598"]')).toBeVisible();
  await expect(balances(page).locator('[row-id="Total"] [col-id="netLiquidation"]')).not.toHaveText('');

  const held = await downloadCsv(page, 'Export positions to CSV');
  expect(held.name).toMatch(/^gatehouse-positions-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(held.lines[0]).toBe(
    '"Symbol","Account","Quantity","Market value","Unrealized P&L (USD)","Daily P&L (USD)","Daily %",' +
      '"Expiry","Delta","Gamma","Theta","Vega","Avg cost","Market price","% of account","Contract","Type","Currency"',
  );
  // Figures as numbers a spreadsheet adds up, not "1,234.50".
  const aapl = held.lines.find((line) => line.startsWith('"AAPL","DU1000001"'));
  expect(aapl).toMatch(/^"AAPL","DU1000001","200","-?\d+(\.\d+)?",/);

  const money = await downloadCsv(page, 'Export balances to CSV');
  expect(money.lines[0]).toMatch(
    /^"Account","Net liquidation","Daily P&L","Settled cash","Buying power","Excess liquidity",/,
  );
  // The accounts and the total row.
  expect(money.lines.filter((line) => /^"(DU\d+|Total)"/.test(line))).toHaveLength(4);

  await page.getByRole('tab', { name: /Executions/ }).click();
  const fills = await downloadCsv(page, 'Export executions to CSV');
  expect(fills.lines[0]).toMatch(/^"[^"]+"(,"[^"]+")+$/);

  await page.getByRole('tab', { name: /Open orders/ }).click();
  const orders = await downloadCsv(page, 'Export open orders to CSV');
  expect(orders.lines[0]).not.toContain('""');
  expect(orders.lines[0]).toMatch(/"Order/);

  const watched = await downloadCsv(page, 'Export watchlist to CSV');
  expect(watched.lines[0]).toMatch(/^"Symbol","Data","Last","Change","% Change",.*"Day range","Volume"/);
});

const watchlistConIds = (page: Page) =>
  page.evaluate(async () => {
    const result = await window.gatehouse.market.watchlist();
    return result.ok ? result.value.entries.map((entry) => entry.conId) : null;
  });

test('on a first run the watchlist starts with the instruments held, the first charted; emptied, it stays empty', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  const watchlist = page.getByRole('region', { name: 'Watchlist' });
  await expect(watchlist.locator('[role="row"][row-id]').first()).toBeVisible();

  const held = await page.evaluate(async () => {
    const result = await window.gatehouse.accounts.snapshot();
    if (!result.ok) return null;
    return [...new Set(result.value.positions.filter((p) => p.quantity !== 0).map((p) => p.conId))];
  });
  expect(held?.length).toBeGreaterThan(1);
  await expect.poll(async () => (await watchlistConIds(page))?.toSorted()).toEqual(held?.toSorted());

  // The first row is selected and charted, with the average cost of each account holding it.
  const first = watchlist.locator('[role="row"][row-index="0"]');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const symbol = (await first.locator('[col-id="symbol"]').innerText()).trim();
  await expect(page.getByLabel(`${symbol} price chart`)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Chart legend' })).toContainText(`${symbol} 1D`);
  // The same prices the chart draws as dashed lines.
  await expect(page.getByLabel('Average cost')).toContainText(/^Avg cost DU\d+ \d/);

  // Seeded once: a reload neither adds the held instruments again nor brings back removed ones.
  const [removed] = (await watchlistConIds(page)) ?? [];
  await page.evaluate((conId) => window.gatehouse.market.removeFromWatchlist({ conId: conId ?? 0 }), removed);
  await page.reload();
  await expect(watchlist.locator('[role="row"][row-id]').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Positions by account' }).locator('[row-id]').first()).toBeVisible();
  await expect
    .poll(async () => (await watchlistConIds(page))?.toSorted())
    .toEqual(held?.filter((conId) => conId !== removed).toSorted());

  // Emptied by the person: it stays empty after the positions arrive again.
  for (const conId of (await watchlistConIds(page)) ?? [])
    await page.evaluate((id) => window.gatehouse.market.removeFromWatchlist({ conId: id }), conId);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Positions by account' }).locator('[row-id]').first()).toBeVisible();
  await expect(watchlist.getByText('No symbols yet')).toBeVisible();
  // Longer than the seeding takes after the positions' paint (one frame and a lookup).
  await page.waitForTimeout(1_000);
  expect(await watchlistConIds(page)).toEqual([]);
});
