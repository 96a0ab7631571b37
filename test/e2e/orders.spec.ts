import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSimulator } from '../../src/simulator';
import { buildCatalog } from '../../src/simulator/world/instruments';
import { startHarnessProcess, stopHarnessProcess, type RunningHarness } from './harness-fixture';
import { fillTicket, openModify } from './ticket-steps';

async function connected(page: Page, harness: RunningHarness): Promise<void> {
  await page.goto(harness.url);
  // Generous: the machine is shared, and the first page load builds every grid.
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', { timeout: 30_000 });
}

test.describe('order entry', () => {
  let harness: RunningHarness;
  test.beforeEach(async () => {
    harness = await startHarnessProcess();
  });
  test.afterEach(async () => {
    await stopHarnessProcess(harness);
  });

  test('ticket → confirmation → transmit → the fill shows in the order status, the audit log and executions', async ({
    page,
  }) => {
    await connected(page, harness);
    await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 5, type: 'MKT' });
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Order', { exact: true })).toHaveText(
      'Buy 5 AAPL at market, day, in Individual DU1000002',
    );
    await expect(dialog.getByLabel('Mode: DEMO')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Checks' })).toContainText('Live market data');
    await expect(dialog.getByLabel('What-if preview')).toContainText('Commission');
    await dialog.getByRole('button', { name: 'Transmit' }).click();
    await expect(dialog).toHaveCount(0);

    const status = page.getByRole('region', { name: 'Order status' });
    await expect(status).toContainText('Buy 5 AAPL at market');
    await expect(status).toContainText('Filled');
    await expect(status).toContainText('5 / 5');

    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit.getByLabel('Kind').selectOption('fill');
    await expect(audit.getByRole('table', { name: 'Audit records' })).toContainText('filled 5 @');

    await page.getByRole('tab', { name: /Executions/ }).click();
    await expect(page.getByRole('tabpanel')).toContainText('AAPL');
  });

  test('an IRA short sale is blocked: Transmit stays disabled and Escape cancels', async ({ page }) => {
    await connected(page, harness);
    await fillTicket(page, { account: 'DU1000001', symbol: 'AAPL', side: 'Sell', quantity: 300, type: 'MKT' });
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    await expect(dialog.getByLabel('Order', { exact: true })).toHaveText(
      /^Sell 300 AAPL at market, day, in .*IRA DU1000001$/,
    );
    const checks = dialog.getByRole('list', { name: 'Checks' });
    await expect(checks.getByRole('listitem').filter({ hasText: 'No short selling' })).toContainText('Blocked');
    await expect(dialog.getByRole('button', { name: 'Transmit' })).toBeDisabled();
    await expect(dialog).toContainText('A check blocks this order');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Order status' })).toContainText('No orders sent');
  });

  test('a warning needs its own acknowledgement before Transmit is enabled', async ({ page }) => {
    await connected(page, harness);
    await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 1, type: 'LMT' });
    // No limit price yet: the server says what is missing, and nothing opens.
    await expect(page.getByRole('form', { name: 'Order ticket' }).getByRole('alert')).toContainText(
      'needs a limit price',
    );
    const ticket = page.getByRole('form', { name: 'Order ticket' });
    await ticket.getByLabel('Limit price').fill('100');
    await ticket.getByLabel('Limit price').press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    const transmit = dialog.getByRole('button', { name: 'Transmit' });
    await expect(transmit).toBeDisabled();
    await dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' }).check();
    await expect(transmit).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('Close on a position row opens the ticket prefilled with its account, symbol, side and quantity', async ({
    page,
  }) => {
    await connected(page, harness);
    await page.getByRole('button', { name: 'Close position 100 AAPL in DU1000002' }).click();
    const ticket = page.getByRole('form', { name: 'Order ticket' });
    await expect(ticket).toBeVisible();
    await expect(ticket.getByLabel('Account', { exact: true })).toHaveValue('DU1000002');
    await expect(ticket.getByLabel('Symbol')).toHaveValue('AAPL');
    await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked();
    await expect(ticket.getByLabel('Quantity')).toHaveValue('100');
    await ticket.getByRole('button', { name: 'Close ticket' }).click();
    await page.getByRole('button', { name: 'Trim position 200 AAPL in DU1000001' }).click();
    await expect(ticket.getByLabel('Account', { exact: true })).toHaveValue('DU1000001');
    await expect(ticket.getByLabel('Quantity')).toHaveValue('100');
  });

  test('Modify on an open order row changes the working order under the same id', async ({ page }) => {
    await connected(page, harness);
    await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 1, type: 'LMT' });
    const ticket = page.getByRole('form', { name: 'Order ticket' });
    // Far under the market: it stays working (and warns, which needs its acknowledgement).
    await ticket.getByLabel('Limit price').fill('100');
    await ticket.getByLabel('Limit price').press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    await dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' }).check();
    await dialog.getByRole('button', { name: 'Transmit' }).click();
    await expect(dialog).toHaveCount(0);

    const { orderId, change } = await openModify(page, /^Modify order \d+ BUY 1 AAPL$/);
    await expect(change.getByLabel('Quantity')).toHaveValue('1');
    await expect(change.getByLabel('Limit price')).toHaveValue('100');
    await expect(change.getByLabel('Account', { exact: true })).toBeDisabled();
    await change.getByLabel('Quantity').fill('3');
    await change.getByLabel('Quantity').press('Enter');
    await expect(dialog.getByLabel('Order', { exact: true })).toHaveText(
      `Modify order ${orderId}: Buy 3 AAPL at 100.00 limit, day, in Individual DU1000002`,
    );
    await dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' }).check();
    await dialog.getByRole('button', { name: 'Transmit' }).click();
    await expect(page.getByRole('button', { name: `Modify order ${orderId} BUY 3 AAPL` })).toBeVisible({
      timeout: 10_000,
    });
    await expect(page.getByRole('button', { name: /^Modify order \d+ BUY 1 AAPL$/ })).toHaveCount(0);
  });

  test('Modify fills the ticket for an option order too: expiry, strike and right fixed, quantity changed', async ({
    page,
  }) => {
    const call = buildCatalog(Date.now())
      .map((listing) => listing.instrument)
      .find((i) => i.secType === 'OPT' && i.symbol === 'AAPL' && i.right === 'C' && i.strike === 230);
    if (!call?.lastTradeDate) throw new Error('the simulator lists no AAPL 230 call');
    // Accessible names collapse the OCC symbol's padding spaces.
    const shown = call.localSymbol.replace(/\s+/g, ' ');
    await connected(page, harness);
    // Far under the market: it stays working.
    await fillTicket(page, {
      account: 'DU1000002',
      symbol: 'AAPL',
      side: 'Buy',
      quantity: 1,
      type: 'LMT',
      limitPrice: 0.05,
      option: { expiry: call.lastTradeDate, strike: 230, right: 'C' },
    });
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    const acknowledgeAll = async () => {
      for (const box of await dialog.getByRole('checkbox', { name: /^Acknowledge/ }).all()) await box.check();
    };
    await expect(dialog.getByLabel('Order', { exact: true })).toContainText('Buy 1 AAPL');
    await acknowledgeAll();
    await dialog.getByRole('button', { name: 'Transmit' }).click();
    await expect(dialog).toHaveCount(0);

    const { orderId, change } = await openModify(page, new RegExp(`^Modify order \\d+ BUY 1 ${shown}$`));
    await expect(change.getByLabel('Instrument type')).toHaveValue('OPT');
    await expect(change.getByLabel('Symbol')).toHaveValue('AAPL');
    await expect(change.getByLabel('Expiry (YYYYMMDD)')).toHaveValue(call.lastTradeDate);
    await expect(change.getByLabel('Strike')).toHaveValue('230');
    await expect(change.getByLabel('Right')).toBeDisabled();
    await expect(change.getByLabel('Limit price')).toHaveValue('0.05');
    await change.getByLabel('Quantity').fill('2');
    await change.getByLabel('Quantity').press('Enter');
    await expect(dialog.getByLabel('Order', { exact: true })).toContainText(`Modify order ${orderId}: Buy 2 AAPL`);
    await acknowledgeAll();
    await dialog.getByRole('button', { name: 'Transmit' }).click();
    await expect(page.getByRole('button', { name: `Modify order ${orderId} BUY 2 ${shown}` })).toBeVisible({
      timeout: 10_000,
    });
  });

  test('the kill switch asks first, then holds orders back until re-armed', async ({ page }) => {
    await connected(page, harness);
    await page.getByRole('button', { name: 'Kill switch' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel all orders and disarm?' })
      .getByRole('button', { name: 'Cancel all orders and disarm' })
      .click();
    await expect(page.getByRole('alert', { name: 'Kill switch' })).toContainText('refused until you re-arm');
    await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 1, type: 'MKT' });
    const dialog = page.getByRole('dialog', { name: 'Confirm order' });
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Kill switch' })).toContainText('Blocked');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Re-arm order entry…' }).click();
    const rearm = page.getByRole('dialog', { name: 'Re-arm order entry' });
    await rearm.getByLabel('Type REARM to re-arm order entry').fill('REARM');
    await rearm.getByRole('button', { name: 'Re-arm' }).click();
    await expect(page.getByRole('alert', { name: 'Kill switch' })).toHaveCount(0);
  });
});

test('a crash right after the intent is on disk: the record survives and the order exists at most once', async ({
  page,
}) => {
  // The gateway lives outside the harness here, so it outlives the crash like a real IB Gateway would.
  const sim = await startSimulator({ port: 0, seed: 42, tickRate: 20 });
  const userData = mkdtempSync(join(tmpdir(), 'gatehouse-crash-'));
  writeFileSync(
    join(userData, 'settings.json'),
    JSON.stringify({ mode: 'paper', gateway: { paper: { host: '127.0.0.1', port: sim.port, clientId: 17 } } }),
  );
  process.env.GATEHOUSE_TEST_CRASH_AFTER_ORDER_INTENT = '1';
  let harness: RunningHarness;
  try {
    harness = await startHarnessProcess(['--user-data', userData]);
  } finally {
    delete process.env.GATEHOUSE_TEST_CRASH_AFTER_ORDER_INTENT;
  }
  try {
    await connected(page, harness);
    await fillTicket(page, { account: 'DU1000002', symbol: 'AAPL', side: 'Buy', quantity: 3, type: 'MKT' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      harness.process.once('exit', (_code, signal) => resolve(signal)),
    );
    await page.getByRole('dialog', { name: 'Confirm order' }).getByRole('button', { name: 'Transmit' }).click();
    expect(await exited).toBe('SIGKILL');

    const auditFile = readdirSync(userData).find((name) => /^audit-.*\.jsonl$/.test(name));
    if (!auditFile) throw new Error('no audit file after the crash');
    const intents = readFileSync(join(userData, auditFile), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"submit-intent"'))
      .map((line) => JSON.parse(line) as { orderId: number; previewId: string });
    expect(intents).toHaveLength(1);
    const [intent] = intents;
    const atGateway = () =>
      [...sim.world.openOrders(), ...sim.world.completedOrders()].filter(
        (o) => o.request.orderRef === intent?.previewId,
      );
    // The process died between the fsync and placeOrder, so the order never left.
    expect(atGateway()).toHaveLength(0);

    harness = await startHarnessProcess(['--user-data', userData]);
    await connected(page, harness);
    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit.getByLabel('Kind').selectOption('reconciled');
    await expect(audit.getByRole('table', { name: 'Audit records' })).toContainText(`order ${intent?.orderId}`);
    await expect(audit.getByRole('table', { name: 'Audit records' })).toContainText('It was not re-sent');
    await audit.getByLabel('Kind').selectOption('submit-intent');
    // Header row + the one intent: the restart wrote no second one and sent nothing.
    await expect(audit.getByRole('table', { name: 'Audit records' }).getByRole('row')).toHaveCount(2);
    expect(atGateway()).toHaveLength(0);
  } finally {
    await stopHarnessProcess(harness);
    await sim.close();
  }
});
