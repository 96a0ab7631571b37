import { expect, it } from 'vitest';
import type { AccountsSnapshot } from '../../../src/shared/accounts';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, touch, until } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/**
 * IBKR allows two reqAccountSummary at a time per client. The accounts view and the order gate read the
 * same positions and summaries, so one connection asks the gateway once for each: one reqPositions and
 * one reqAccountSummary per tag set, however many parts of Gatehouse read them.
 */

const AAPL = 265598;
const o = ordersAppForSuite();

it('one connection sends one reqPositions and one reqAccountSummary per tag set', async () => {
  // Both readers have what they need: the accounts view its balances, the order gate its held facts.
  let snapshot: AccountsSnapshot | null = null;
  await until(
    () => snapshot?.status === 'ready' && snapshot.balances.length > 0,
    10_000,
    async () => (snapshot = await o.call<AccountsSnapshot>('accounts.snapshot')),
  );
  const preview = await o.preview({
    account: ACCOUNT_IDS.individual,
    contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
    action: 'SELL',
    quantity: 1,
    orderType: 'LMT',
    limitPrice: touch(o.sim, AAPL, 'SELL'),
    tif: 'DAY',
  });
  const started = o.sim.connections().filter((c) => c.clientId >= 0);
  expect(started).toHaveLength(1);
  expect(started[0]?.requests.reqPositions).toBe(1);
  expect(started[0]?.requests.reqAccountSummary).toBe(2);
  expect(checkOf(preview, 'account-kind-known')?.outcome).toBe('pass');
  await o.call('orders.discard', { previewId: preview.previewId });
});

it('the socket the session dials after a drop is asked once for each too', async () => {
  const before = new Set(o.sim.connections().map((c) => c.id));
  expect(o.sim.faults.drop()).toBeGreaterThan(0);
  await until(() => o.app.session.current().state !== 'connected', 5_000);
  await until(() => o.app.session.current().state === 'connected', 15_000);
  const fresh = () => o.sim.connections().find((c) => !before.has(c.id) && c.clientId >= 0);
  // Both readers hold their answers again once the new socket's summaries have arrived.
  await until(() => (fresh()?.requests.reqAccountSummary ?? 0) >= 2, 5_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(fresh()?.requests.reqPositions).toBe(1);
  expect(fresh()?.requests.reqAccountSummary).toBe(2);
}, 30_000);
