import { expect, startHarnessProcess, stopHarnessProcess, test, type RunningHarness } from './harness-fixture';

/**
 * The order gate fails closed, as a person meets it in the ticket: an account whose type IBKR has not
 * sent cannot be chosen, and becomes choosable, with where its type came from, once it arrives.
 */

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarnessProcess(['--sim-control-port', '0']);
});
test.afterEach(async () => stopHarnessProcess(harness));

const control = async (path: string) => {
  const response = await fetch(`${harness.simControl}${path}`, { method: 'POST' });
  expect(response.ok).toBe(true);
};

test("an account whose type has not arrived cannot be chosen in the ticket until IBKR's type arrives", async ({
  page,
}) => {
  // The gateway is slow to send AccountType on the connection the page sees: withheld, then a fresh socket.
  await control('/faults/withhold-account-type?on=true');
  await control('/faults/drop');
  await page.goto(harness.url);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected', {
    timeout: 30_000,
  });

  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  const account = ticket.getByLabel('Account', { exact: true });
  const ira = account.getByRole('option', { name: /DU1000001/ });
  await expect(ira).toHaveText("DU1000001 — Type not yet known (waiting for IBKR's account type)");
  await expect(ira).toBeDisabled();
  // The fault withholds every account's type: none can be chosen, and nothing can be previewed.
  await expect(account.getByRole('option', { name: /DU1000002/ })).toBeDisabled();
  await expect(account).toHaveValue('');
  await expect(ticket.getByRole('status')).toContainText('IBKR has not sent the account type of any account yet');
  await expect(ticket.getByRole('button', { name: 'Preview order' })).toBeDisabled();

  await control('/faults/withhold-account-type?on=false');
  await expect(ira).toBeEnabled({ timeout: 10_000 });
  await expect(ira).toHaveText('DU1000001 — IRA');
  await account.selectOption('DU1000001');
  await expect(ticket.getByLabel("Account type: IRA, from IBKR's account type")).toBeVisible();
  await expect(ticket.getByRole('button', { name: 'Preview order' })).toBeEnabled();
});
