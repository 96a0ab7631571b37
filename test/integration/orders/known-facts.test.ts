import { afterAll, describe, expect, it } from 'vitest';
import type { OrderPreview, TicketAccount } from '../../../src/shared/orders';
import type { OrderTicketInput } from '../../../src/shared/ticket';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, touch, until } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/**
 * The order gate fails closed: an account the login does not have, an account whose type has not
 * arrived, and positions or balances not yet sent on this connection each block the order, at preview
 * and at submit, until the gateway has said what the rules need.
 */

const IRA = ACCOUNT_IDS.ira;
const AAPL = 265598;

const o = ordersAppForSuite();

// Registered after the fixture, so it runs before the app closes.
afterAll(() => {
  o.sim.faults.withholdAccountType(false);
  o.sim.faults.delayAccountData(0);
});

const INDIVIDUAL = ACCOUNT_IDS.individual;

const sell = (account: string, quantity: number): OrderTicketInput => ({
  account,
  contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
  action: 'SELL',
  quantity,
  orderType: 'LMT',
  limitPrice: touch(o.sim, AAPL, 'SELL'),
  tif: 'DAY',
});

const blocks = (p: OrderPreview) => p.checks.filter((c) => c.outcome === 'block').map((c) => c.id);

/** Orders the simulator holds or has finished for this preview. */
const atGateway = (previewId: string) =>
  [...o.sim.world.openOrders(), ...o.sim.world.completedOrders()].filter((x) => x.request.orderRef === previewId);

/** A new socket to the gateway, as after a drop: what the old one was told is stale now. */
async function reconnect(): Promise<void> {
  const before = new Set(o.sim.connections().map((c) => c.id));
  await o.call('session.reconnect');
  await until(() => {
    const s = o.app.session.current();
    const fresh = o.sim.connections().some((c) => !before.has(c.id) && c.clientId >= 0);
    return fresh && s.state === 'connected' && s.accounts.length === 3;
  }, 10_000);
}

/**
 * The gateway drops the socket and the session dials again by itself, on the same IBApiNext: the path
 * where IBApiNext replays the previous socket's answers to anyone who subscribes anew.
 */
async function dropAndReconnectByItself(): Promise<void> {
  const before = new Set(o.sim.connections().map((c) => c.id));
  expect(o.sim.faults.drop()).toBeGreaterThan(0);
  await until(() => o.app.session.current().state !== 'connected', 5_000);
  await until(() => {
    const s = o.app.session.current();
    const fresh = o.sim.connections().some((c) => !before.has(c.id) && c.clientId >= 0);
    return fresh && s.state === 'connected' && s.accounts.length === 3;
  }, 15_000);
}

/** Previews the ticket again (discarding each) until `done` holds for one, which it returns. */
async function previewUntil(ticket: () => OrderTicketInput, done: (p: OrderPreview) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const preview = await o.preview(ticket());
    if (done(preview)) return preview;
    await o.call('orders.discard', { previewId: preview.previewId });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no preview met the condition within ${ms} ms`);
}

async function expectRefusedAtSubmit(preview: OrderPreview): Promise<void> {
  const result = await o.submit(preview.previewId);
  expect(result.outcome).toBe('refused');
  expect(atGateway(preview.previewId)).toHaveLength(0);
}

describe('the order gate fails closed', () => {
  it('blocks an account the gateway did not report for this login, and never sends it', async () => {
    const preview = await o.preview(sell('DU9999999', 1));
    expect(preview.blocked).toBe(true);
    expect(blocks(preview)).toContain('account-reported');
    expect(checkOf(preview, 'account-reported')?.message).toContain('DU9999999 is not one of the accounts');
    // The gateway's own refusal of the what-if (321, invalid account) blocks too, in IBKR's words.
    expect(checkOf(preview, 'what-if')?.outcome).toBe('block');
    expect(checkOf(preview, 'what-if')?.message).toContain('321');
    await expectRefusedAtSubmit(preview);
  });

  it('rules nothing on an IRA whose AccountType has not arrived, then rules it as an IRA once it does', async () => {
    o.sim.faults.withholdAccountType(true);
    await reconnect();
    const accounts = await o.call<TicketAccount[]>('orders.accounts');
    expect(accounts.find((a) => a.id === IRA)).toMatchObject({ kind: null, kindSource: null, ibAccountType: null });

    // 300 AAPL is more than the IRA's 200: a short sale, which must not pass as an individual account's.
    const waiting = await o.preview(sell(IRA, 300));
    expect(waiting.blocked).toBe(true);
    expect(blocks(waiting)).toContain('account-kind-known');
    expect(checkOf(waiting, 'shortable')).toBeUndefined();
    expect(waiting.account).toMatchObject({ kind: null });
    await expectRefusedAtSubmit(waiting);

    o.sim.faults.withholdAccountType(false);
    const known = await previewUntil(
      () => sell(IRA, 300),
      (p) => checkOf(p, 'account-kind-known')?.outcome === 'pass',
      5_000,
    );
    expect(known.account).toMatchObject({ kind: 'traditional-ira', kindSource: 'ibkr' });
    expect(blocks(known)).toContain('ira-no-short');
    await o.call('orders.discard', { previewId: known.previewId });
  }, 30_000);

  it("after a drop the session heals by itself, the previous socket's account type does not count", async () => {
    const before = await o.call<TicketAccount[]>('orders.accounts');
    expect(before.find((a) => a.id === IRA)).toMatchObject({ kind: 'traditional-ira', kindSource: 'ibkr' });
    o.sim.faults.withholdAccountType(true);
    try {
      await dropAndReconnectByItself();
      const accounts = await o.call<TicketAccount[]>('orders.accounts');
      expect(accounts.find((a) => a.id === IRA)).toMatchObject({ kind: null, kindSource: null });
      const waiting = await o.preview(sell(IRA, 300));
      expect(blocks(waiting)).toContain('account-kind-known');
      expect(checkOf(waiting, 'ira-no-short')).toBeUndefined();
      await expectRefusedAtSubmit(waiting);
    } finally {
      o.sim.faults.withholdAccountType(false);
    }
  }, 40_000);

  it('re-checks at submit: a preview made on known facts is refused once a reconnect has made them unknown', async () => {
    const preview = await o.preview(sell(INDIVIDUAL, 1));
    expect(preview.blocked).toBe(false);
    o.sim.faults.withholdAccountType(true);
    try {
      await reconnect();
      const result = await o.submit(preview.previewId);
      expect(result.outcome).toBe('refused');
      expect(result.outcome === 'refused' && result.reason).toContain('Account type known');
      expect(atGateway(preview.previewId)).toHaveLength(0);
    } finally {
      o.sim.faults.withholdAccountType(false);
    }
  }, 30_000);

  it('blocks while positions and balances have not been sent since the reconnect, then rules on them', async () => {
    // Longer than the service waits for a fresh read (4 s), so the preview is made without them.
    o.sim.faults.delayAccountData(5_000);
    await reconnect();
    const early = await o.preview(sell(IRA, 300));
    o.sim.faults.delayAccountData(0);
    expect(early.blocked).toBe(true);
    // Without the summary the IRA's type is unknown too: nothing is ruled as if it were known.
    expect(blocks(early)).toEqual(
      expect.arrayContaining(['account-kind-known', 'positions-received', 'cash-received']),
    );
    expect(checkOf(early, 'positions-received')?.message).toContain('since this connection was made');
    await expectRefusedAtSubmit(early);

    const later = await previewUntil(
      () => sell(IRA, 300),
      (p) => !blocks(p).includes('positions-received') && !blocks(p).includes('cash-received'),
      8_000,
    );
    // Ruled on the facts now: the IRA short sale is blocked by its own rule (and by IBKR's what-if, 201).
    expect(blocks(later)).toEqual(['what-if', 'ira-no-short']);
    expect(checkOf(later, 'ira-no-short')?.message).toContain('short 100 shares');
    await o.call('orders.discard', { previewId: later.previewId });
  }, 40_000);
});
