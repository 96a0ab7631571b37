/**
 * Takes the README's screenshot of the real UI through the harness: `npx tsx scripts/screenshot.ts`.
 * Needs a built renderer (npm run build) and Chromium (GATEHOUSE_CHROMIUM, default /usr/bin/chromium).
 */
import { chromium } from '@playwright/test';
import { startHarnessProcess, stopHarnessProcess } from '../test/e2e/harness-fixture';
import { CHROMIUM } from '../playwright.config';

const out = process.argv[2] ?? 'docs/screenshot.png';
const harness = await startHarnessProcess();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
  await page.goto(harness.url);
  await page.getByRole('status', { name: 'Connection status' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await stopHarnessProcess(harness);
}
