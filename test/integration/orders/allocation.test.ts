import { describe, expect, it } from 'vitest';
import type {
  AllocationPreview,
  AllocationRequestInput,
  AllocationResult,
  SizedRow,
} from '../../../src/shared/allocation';
import type { AuditPage } from '../../../src/shared/orders';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, startOrdersApp, touch, until } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/** One idea in three accounts: one child order per account, each ruled by its own account. */

const { ira: IRA, individual: INDIVIDUAL, corporation: BUSINESS } = ACCOUNT_IDS;
const ALL = [IRA, INDIVIDUAL, BUSINESS];
const AAPL = 265598;

const o = ordersAppForSuite();

const buyAapl = (sizing: AllocationRequestInput['sizing']): AllocationRequestInput => ({
  order: {
    contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
    action: 'BUY',
    orderType: 'LMT',
    limitPrice: touch(o.sim, AAPL, 'BUY'),
    tif: 'DAY',
  },
  accounts: ALL,
  sizing,
});

const rowOf = (p: AllocationPreview, account: string) => p.rows.find((r) => r.account === account);

describe('allocation across the three accounts', () => {
  it('rules each child by its own account: the IRA child is blocked for margin, the others transmit', async () => {
    // 500 AAPL is more than the IRA's $92,500 of settled cash; the margin accounts can pay for it.
    const preview = await o.call<AllocationPreview>(
      'orders.previewAllocation',
      buyAapl({ mode: 'same', quantity: 500 }),
    );
    expect(preview.rows.map((r) => [r.account, r.quantity])).toEqual(ALL.map((a) => [a, 500]));
    const ira = rowOf(preview, IRA);
    expect(ira?.preview?.blocked).toBe(true);
    expect(checkOf(ira!.preview!, 'ira-no-margin')?.outcome).toBe('block');
    expect(ira?.preview?.allocationId).toBe(preview.allocationId);
    for (const account of [INDIVIDUAL, BUSINESS]) expect(rowOf(preview, account)?.preview?.blocked).toBe(false);

    // The person drops the blocked IRA row and transmits the rest.
    const kept = [INDIVIDUAL, BUSINESS].map((a) => ({
      previewId: rowOf(preview, a)!.preview!.previewId,
      acknowledgements: [],
    }));
    const result = await o.call<AllocationResult>('orders.submitAllocation', {
      allocationId: preview.allocationId,
      children: kept,
    });
    expect(result.children.map((c) => [c.account, c.result.outcome])).toEqual([
      [INDIVIDUAL, 'sent'],
      [BUSINESS, 'sent'],
    ]);
    // placeOrder is on its way when submit answers: wait for both to reach the gateway.
    const atGateway = () =>
      [...o.sim.world.openOrders(), ...o.sim.world.completedOrders()].filter((x) =>
        kept.some((k) => k.previewId === x.request.orderRef),
      );
    await until(() => atGateway().length === 2, 5_000);
    expect(
      atGateway()
        .map((x) => x.request.account)
        .sort(),
    ).toEqual([INDIVIDUAL, BUSINESS]);
    expect(
      [...o.sim.world.openOrders(), ...o.sim.world.completedOrders()].some(
        (x) => x.request.account === IRA && x.request.orderRef === ira?.preview?.previewId,
      ),
    ).toBe(false);

    // Every child's intent is in the audit log under the one allocation id.
    const audit = await o.call<AuditPage>('orders.audit', {
      filter: { kind: 'submit-intent', text: preview.allocationId },
    });
    expect(audit.records.map((r) => [r.account, r.allocationId]).sort()).toEqual([
      [INDIVIDUAL, preview.allocationId],
      [BUSINESS, preview.allocationId],
    ]);
  });

  it('a blocked child sent anyway is refused on its own, the others are not held back', async () => {
    const preview = await o.call<AllocationPreview>(
      'orders.previewAllocation',
      buyAapl({ mode: 'same', quantity: 500 }),
    );
    const result = await o.call<AllocationResult>('orders.submitAllocation', {
      allocationId: preview.allocationId,
      children: ALL.map((a) => ({ previewId: rowOf(preview, a)!.preview!.previewId, acknowledgements: [] })),
    });
    expect(result.children.map((c) => [c.account, c.result.outcome])).toEqual([
      [IRA, 'refused'],
      [INDIVIDUAL, 'sent'],
      [BUSINESS, 'sent'],
    ]);
  });

  it('splits a total by net liquidation, rounding to whole shares that add up, and shows how', async () => {
    const preview = await o.call<AllocationPreview>(
      'orders.previewAllocation',
      buyAapl({ mode: 'split-net-liq', total: 30 }),
    );
    expect(preview.rows.reduce((s, r) => s + r.quantity, 0)).toBe(30);
    for (const row of preview.rows) {
      expect(row.sizing).toMatch(/of 30 by net liquidation \(\$[\d,.]+ of \$[\d,.]+, [\d.]+%\)/);
      expect(row.preview?.ticket.quantity).toBe(row.quantity);
    }
    // The business account is the largest, so it takes the largest part.
    const business = rowOf(preview, BUSINESS)!.quantity;
    expect(business).toBeGreaterThan(rowOf(preview, IRA)!.quantity);
  });

  it("sizes by risk from each account's own figures, capping the IRA at its settled cash", async () => {
    const entry = touch(o.sim, AAPL, 'BUY');
    const rows = await o.call<SizedRow[]>('orders.size', {
      ...buyAapl({ mode: 'risk', risk: 1_000, riskUnit: 'usd', stopPrice: entry - 1 }),
      accounts: [IRA, INDIVIDUAL],
    });
    const [ira, individual] = rows;
    // $1,000 at $1 a share is 1,000 shares: the size cap's limit, and more than the IRA's $92,500 settled buys.
    expect(individual?.quantity).toBe(1_000);
    expect(ira?.quantity).toBe(Math.floor(92_500 / entry));
    expect(ira?.sizing).toContain("by the IRA's $92,500.00 of settled cash");
  });

  it('refuses a child whose preview is not in the allocation, and an unknown allocation', async () => {
    await expect(
      o.call('orders.submitAllocation', { allocationId: 'nope', children: [{ previewId: 'x', acknowledgements: [] }] }),
    ).rejects.toThrow('unknown or too old');
  });

  it('holds every child back while the kill switch is engaged', async () => {
    await o.call('orders.killSwitch');
    try {
      const preview = await o.call<AllocationPreview>(
        'orders.previewAllocation',
        buyAapl({ mode: 'same', quantity: 1 }),
      );
      expect(preview.rows.map((r) => checkOf(r.preview!, 'kill-switch')?.outcome)).toEqual(['block', 'block', 'block']);
    } finally {
      await o.call('orders.rearm', { confirmation: 'REARM' });
    }
  });

  it('counts children against the order rate cap: a child past the cap is refused, not sent', async () => {
    const capped = await startOrdersApp({}, { maxOrdersPerMinute: 1 });
    try {
      const preview = await capped.call<AllocationPreview>('orders.previewAllocation', {
        ...buyAapl({ mode: 'same', quantity: 1 }),
        accounts: [INDIVIDUAL, BUSINESS],
      });
      const result = await capped.call<AllocationResult>('orders.submitAllocation', {
        allocationId: preview.allocationId,
        children: preview.rows.map((r) => ({ previewId: r.preview!.previewId, acknowledgements: [] })),
      });
      expect(result.children.map((c) => c.result.outcome)).toEqual(['sent', 'refused']);
      const refused = result.children[1]?.result;
      expect(refused?.outcome === 'refused' && refused.reason).toContain('Order rate limit');
    } finally {
      await capped.close();
    }
  }, 30_000);

  it('children go out together yet the rate cap holds, ids rise in the order they reach the gateway', async () => {
    const capped = await startOrdersApp({}, { maxOrdersPerMinute: 2 });
    try {
      // A passive limit stays working, so the gateway's open orders list them in the order they arrived.
      const passive = Math.round(capped.sim.world.quote(AAPL).bid * 0.97 * 100) / 100;
      const preview = await capped.call<AllocationPreview>('orders.previewAllocation', {
        ...buyAapl({ mode: 'same', quantity: 1 }),
        order: { ...buyAapl({ mode: 'same', quantity: 1 }).order, limitPrice: passive },
      });
      const result = await capped.call<AllocationResult>('orders.submitAllocation', {
        allocationId: preview.allocationId,
        children: preview.rows.map((r) => ({
          previewId: r.preview!.previewId,
          acknowledgements: r.preview!.toAcknowledge,
        })),
      });
      const outcomes = result.children.map((c) => c.result.outcome);
      expect(outcomes.filter((x) => x === 'sent')).toHaveLength(2);
      const refused = result.children.find((c) => c.result.outcome === 'refused')?.result;
      expect(refused?.outcome === 'refused' && refused.reason).toContain('Order rate limit');
      const rate = refused?.checks.find((c) => c.id === 'orders-per-minute');
      expect(rate?.outcome).toBe('block');
      expect(rate?.message).toContain('2 orders were sent in the last minute, the limit of 2');

      const sent = result.children.flatMap((c) => (c.result.outcome === 'sent' ? [c] : []));
      const arrived = () =>
        capped.sim.world.openOrders().filter((x) => sent.some((c) => c.previewId === x.request.orderRef));
      await until(() => arrived().length === 2, 5_000);
      const ids = arrived().map((x) => x.request.orderId);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));

      const audit = await capped.call<AuditPage>('orders.audit', { filter: { text: preview.allocationId } });
      const intents = audit.records.filter((r) => r.kind === 'submit-intent');
      expect(intents.map((r) => r.orderId).sort((a, b) => a! - b!)).toEqual([...ids].sort((a, b) => a - b));
      expect(audit.records.filter((r) => r.kind === 'submit-refused')).toHaveLength(1);
      expect(new Set(audit.records.map((r) => r.allocationId))).toEqual(new Set([preview.allocationId]));
    } finally {
      await capped.close();
    }
  }, 30_000);
});
