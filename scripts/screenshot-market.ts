/**
 * Takes the watchlist-and-chart screenshot of docs/window.md through the harness: `npx tsx scripts/screenshot-market.ts`.
 * Starts from a settings file with a small watchlist. Needs a built renderer (npm run build) and Chromium.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Listing } from '../src/shared/market';
import { startHarnessProcess, stopHarnessProcess } from '../test/e2e/harness-fixture';
import { CHROMIUM } from '../playwright.config';

const out = process.argv[2] ?? 'docs/market.png';
const stock = (conId: number, symbol: string, primaryExchange: string, description: string): Listing => ({
  conId,
  symbol,
  secType: 'STK',
  exchange: 'SMART',
  primaryExchange,
  currency: 'USD',
  description,
});
const watchlist: Listing[] = [
  stock(265598, 'AAPL', 'NASDAQ', 'APPLE INC'),
  stock(272093, 'MSFT', 'NASDAQ', 'MICROSOFT CORP'),
  stock(4815747, 'NVDA', 'NASDAQ', 'NVIDIA CORP'),
  stock(756733, 'SPY', 'ARCA', 'SPDR S&P 500 ETF TRUST'),
  stock(8894, 'KO', 'NYSE', 'COCA-COLA CO/THE'),
  { ...stock(14204, 'SAP', 'IBIS', 'SAP SE'), currency: 'EUR' },
  {
    conId: 12087792,
    symbol: 'EUR',
    secType: 'CASH',
    exchange: 'IDEALPRO',
    primaryExchange: 'IDEALPRO',
    currency: 'USD',
    description: 'European Monetary Union Euro',
  },
];

const harness = await startHarnessProcess(['--sim-tick-rate', '300'], (dir) =>
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ watchlist })),
);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' });
  await page.goto(harness.url);
  await page
    .getByRole('status', { name: 'Chart legend' })
    .filter({ hasText: / bars · / })
    .waitFor();
  await page.waitForTimeout(1500);
  await page.getByRole('region', { name: 'Market' }).screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await stopHarnessProcess(harness);
}
