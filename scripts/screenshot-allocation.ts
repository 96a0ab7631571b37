/**
 * Takes the README's allocation-confirmation screenshot through the harness (1440×900):
 * `npx tsx scripts/screenshot-allocation.ts [out.png]`. Buys 500 AAPL in each of the three accounts, so the
 * IRA's row is blocked for margin while the two others may go. Needs a built renderer and harness
 * (npm run build:renderer && npm run build:harness) and Chromium.
 */
import { chromium } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess } from '../test/e2e/harness-fixture';
import { CHROMIUM } from '../playwright.config';

const out = process.argv[2] ?? 'docs/allocation.png';
const harness = await startHarnessProcess();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
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
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await stopHarnessProcess(harness);
}
