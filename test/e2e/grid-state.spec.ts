import { createServer } from 'node:net';
import { expect, startHarnessProcess, stopHarnessProcess, test } from './harness-fixture';

/**
 * Column state (order, widths, sort, hidden) is kept between runs. The harness page's storage belongs to
 * its origin, so both runs use the same port, as Electron's window always has the same origin.
 */

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test('a sort chosen in the positions grid is there again after Gatehouse restarts', async ({ page }) => {
  const port = await freePort();
  const positions = page.getByRole('region', { name: 'Positions by account' });
  const symbol = positions.getByRole('columnheader', { name: 'Symbol' });
  const symbolsInRowOrder = () =>
    positions.evaluate((grid) =>
      [...grid.querySelectorAll<HTMLElement>('[role="row"][row-id]')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.querySelector<HTMLElement>('[col-id="symbol"]')?.innerText ?? ''),
    );

  let harness = await startHarnessProcess(['--port', String(port)]);
  try {
    await page.goto(harness.url);
    await expect(positions.locator('[role="row"][row-id]').first()).toBeVisible();
    await symbol.click();
    await symbol.click();
    await expect(symbol).toHaveAttribute('aria-sort', 'descending');
  } finally {
    await stopHarnessProcess(harness);
  }

  // Away first: the new URL differs from the old one only in its fragment, which would not reload the page.
  await page.goto('about:blank');
  harness = await startHarnessProcess(['--port', String(port)]);
  try {
    await page.goto(harness.url);
    await expect(positions.locator('[role="row"][row-id]').first()).toBeVisible();
    await expect(symbol).toHaveAttribute('aria-sort', 'descending');
    const symbols = await symbolsInRowOrder();
    expect(symbols.length).toBeGreaterThan(1);
    expect(symbols).toEqual([...symbols].sort().reverse());
  } finally {
    await stopHarnessProcess(harness);
  }
});
