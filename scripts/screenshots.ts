/**
 * `npm run screenshots`: the docs' pictures of the real UI, taken through the harness on the built-in
 * simulator at 1440 × 900 — the whole window in light and dark (docs/screenshot.png, docs/screenshot-dark.png),
 * the watchlist with its chart (docs/market.png), AAPL's option chain (docs/chain.png) and a three-account
 * allocation's confirmation (docs/allocation.png). Builds the renderer and harness first; needs Chromium
 * (GATEHOUSE_CHROMIUM, default /usr/bin/chromium). `--out DIR` writes elsewhere than docs/.
 */
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarnessProcess, stopHarnessProcess } from '../test/e2e/harness-fixture';
import { CHROMIUM } from '../playwright.config';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs' } } });
const outDir = values.out ?? 'docs';
mkdirSync(outDir, { recursive: true });

for (const build of ['build:renderer', 'build:harness'])
  execFileSync('npm', ['run', '--silent', build], { stdio: 'inherit' });

/** Live data on screen: every account's positions priced, the watchlist quoted and its first row charted. */
async function waitForLiveData(page: Page) {
  const positions = page.getByRole('region', { name: 'Positions by account' });
  for (const account of ['DU1000001', 'DU1000002', 'DU1000003'])
    await positions
      .locator(`[row-id^="${account}:"] [col-id="marketValue"]`)
      .first()
      .filter({ hasText: /\d/ })
      .waitFor();
  await page
    .getByRole('region', { name: 'Watchlist' })
    .locator('[role="row"][row-id] [col-id="last"]')
    .first()
    .filter({ hasText: /\d/ })
    .waitFor();
  await page
    .getByRole('status', { name: 'Chart legend' })
    .filter({ hasText: / bars · / })
    .waitFor();
  // A few quote batches, so prices have moved and flashed once.
  await page.waitForTimeout(1500);
}

/** The AAPL chain opened from the watchlist, its at-the-money row quoted with greeks. */
async function shootChain(page: Page, path: string) {
  const watchlist = page.getByRole('region', { name: 'Watchlist' });
  await watchlist
    .locator('[role="row"][row-id] [col-id="symbol"]', { hasText: /^AAPL$/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Options AAPL' }).click();
  await page
    .getByRole('region', { name: /^Calls and puts expiring \d{8}$/ })
    .locator('[role="row"].chain-atm [col-id="c.delta"]')
    .filter({ hasText: /\d/ })
    .waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await page.getByRole('button', { name: 'Close chain' }).click();
}

/** 500 AAPL bought in each account: the IRA's row blocked for margin, the two others ready to transmit. */
async function shootAllocation(page: Page) {
  await page.goto(harness.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor();
  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await ticket.getByLabel('Several accounts (one order each)').check();
  await ticket.getByLabel('Sizing').selectOption('same');
  await ticket.getByLabel('Symbol').fill('AAPL');
  await ticket.getByRole('radio', { name: 'Buy' }).check();
  await ticket.getByLabel('Order type').selectOption('MKT');
  await ticket.getByLabel('Quantity per account').fill('500');
  await ticket.getByLabel('Quantity per account').press('Enter');
  await page.getByRole('dialog', { name: 'Confirm allocation' }).waitFor({ timeout: 20_000 });
  const path = join(outDir, 'allocation.png');
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await page.close();
}

const harness = await startHarnessProcess();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    // Reduced motion: the watchlist does not flash changed prices, which would tint half its cells in a still.
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      colorScheme,
      reducedMotion: 'reduce',
    });
    await page.goto(harness.url);
    await waitForLiveData(page);
    const whole = join(outDir, colorScheme === 'light' ? 'screenshot.png' : 'screenshot-dark.png');
    await page.screenshot({ path: whole });
    console.log(`wrote ${whole}`);
    if (colorScheme === 'light') {
      const market = join(outDir, 'market.png');
      await page.getByRole('region', { name: 'Market' }).screenshot({ path: market });
      console.log(`wrote ${market}`);
      await shootChain(page, join(outDir, 'chain.png'));
    }
    await page.close();
  }
  await shootAllocation(await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' }));
} finally {
  await browser.close();
  await stopHarnessProcess(harness);
}
