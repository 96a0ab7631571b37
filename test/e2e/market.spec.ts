import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BarSizeSetting, IBApiNext, WhatToShow } from '@stoqey/ib';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';

let harness: RunningHarness;
const ignore = () => undefined;
const quiet = { debug: ignore, info: ignore, warn: ignore, error: ignore };

// These tests build their own list: the person has been here before, so the watchlist is not started
// from the held instruments (workspace.spec.ts covers that first run).
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

async function open(page: Page): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
}

/** Types into the search box and picks the listing with the mouse, or with the arrow keys and Enter. */
async function addSymbol(page: Page, query: string, listing: RegExp, by: 'mouse' | 'keyboard' = 'mouse') {
  const box = page.getByRole('combobox', { name: 'Add symbol' });
  await box.fill(query);
  const options = page.getByRole('listbox', { name: 'Matching listings' }).getByRole('option');
  await expect(options.filter({ hasText: listing })).toHaveCount(1);
  if (by === 'mouse') {
    await options.filter({ hasText: listing }).click();
    return;
  }
  for (let step = 0; step < 10; step++) {
    const active = await box.getAttribute('aria-activedescendant');
    if (active && listing.test((await page.locator(`[id="${active}"]`).textContent()) ?? '')) break;
    await box.press('ArrowDown');
  }
  await box.press('Enter');
}

const watchlist = (page: Page) => page.getByRole('region', { name: 'Watchlist' });
const row = (page: Page, symbol: string) =>
  watchlist(page)
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: symbol, exact: true }) });
const cell = (page: Page, symbol: string, column: string) =>
  row(page, symbol).locator(`[role="gridcell"][col-id="${column}"]`);

test('a symbol added through search streams quotes, and the chart draws its bars', async ({ page }) => {
  await open(page);
  await control('/market/tick-rate?value=400');
  await addSymbol(page, 'AAP', /^AAPL · STK · NASDAQ · USD — APPLE INC/);

  await expect(cell(page, 'AAPL', 'marketDataType')).toHaveText('Live');
  await expect(cell(page, 'AAPL', 'bid')).toHaveText(/^\d+\.\d{2}$/);
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        seen.add(`${await cell(page, 'AAPL', 'bid').textContent()} ${await cell(page, 'AAPL', 'last').textContent()}`);
        return seen.size;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(2);
  // A changed price flashes in its text colour, never a background: a background appearing on a cell made
  // every frame with a flash re-layerize the whole page. Read in the frame the flash is in (it lasts 250 ms).
  const flash = await page.waitForFunction(
    `(() => {
      const cell = document.querySelector('.watchlist-grid .ag-cell-data-changed');
      if (!cell) return null;
      const style = getComputedStyle(cell);
      return { color: style.color, background: style.backgroundColor };
    })()`,
    undefined,
    { polling: 'raf', timeout: 10_000 },
  );
  expect(await flash.jsonValue()).toEqual({ color: 'rgb(11, 87, 208)', background: 'rgba(0, 0, 0, 0)' });

  const legend = page.getByRole('status', { name: 'Chart legend' });
  await expect(legend).toContainText(/AAPL 1D · \d{3,} bars · O \d+\.\d{2} H/);
  await expect(page.getByLabel('AAPL price chart').locator('canvas').first()).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Chart range' }).getByRole('radio', { name: '6M' }).check();
  await expect(legend).toContainText(/AAPL 6M · \d+ bars/);
});

test('delayed data is labelled Delayed when the login has no live subscription', async ({ page }) => {
  await control('/market/delayed?on=true');
  await open(page);
  await addSymbol(page, 'MSFT', /^MSFT · STK · NASDAQ/);
  await expect(cell(page, 'MSFT', 'marketDataType')).toHaveText('Delayed');
  await expect(cell(page, 'MSFT', 'last')).toHaveText(/^\d+\.\d{2}$/);
  await expect(page.getByRole('list', { name: 'Market data problems' })).toHaveCount(0);
});

test('the watchlist is reordered from the keyboard, trimmed, and remembered', async ({ page }) => {
  await open(page);
  await addSymbol(page, 'KO', /^KO · STK/, 'keyboard');
  await addSymbol(page, 'SPY', /^SPY · STK/, 'keyboard');
  await addSymbol(page, 'XOM', /^XOM · STK/, 'keyboard');
  const symbols = () => watchlist(page).locator('[role="gridcell"][col-id="symbol"]').allTextContents();
  await expect.poll(symbols).toEqual(['KO', 'SPY', 'XOM']);

  // XOM was just added, so it is selected: move it up twice, once by button, once by Alt+↑ on its row.
  await page.getByRole('button', { name: 'Move up' }).click();
  await expect.poll(symbols).toEqual(['KO', 'XOM', 'SPY']);
  await cell(page, 'XOM', 'last').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(symbols).toEqual(['XOM', 'KO', 'SPY']);
  await cell(page, 'KO', 'last').click();
  await page.getByRole('button', { name: 'Remove KO' }).click();
  await expect.poll(symbols).toEqual(['XOM', 'SPY']);

  await page.reload();
  await expect.poll(symbols).toEqual(['XOM', 'SPY']);
  await expect(page.getByText(/Lines \d+ \/ 100/)).toBeVisible();
});

test('a chart the gateway refuses for pacing (162) says so in the panel', async ({ page }) => {
  if (!harness.simControl) throw new Error('the harness printed no simulator control URL');
  const status = (await (await fetch(`${harness.simControl}/status`)).json()) as { port: number };
  // Another program on the same IBKR login asked for AAPL's 1D chart a moment ago.
  const other = new IBApiNext({ host: '127.0.0.1', port: status.port, reconnectInterval: 0, logger: quiet });
  try {
    other.connect(99);
    await other.getHistoricalData(
      { conId: 265598, exchange: 'SMART' },
      '',
      '1 D',
      BarSizeSetting.MINUTES_ONE,
      WhatToShow.TRADES,
      0,
      2,
    );
  } finally {
    other.disconnect();
  }
  await open(page);
  await addSymbol(page, 'AAPL', /^AAPL · STK · NASDAQ/);
  await expect(page.getByRole('region', { name: 'Market' }).getByRole('alert')).toContainText(
    /refused the chart request for pacing \(IB error 162/,
  );
  await expect(page.getByRole('status', { name: 'Chart legend' })).toHaveText('AAPL 1D: no chart');
});
