import { describe, expect, it } from 'vitest';
import type { AuditPage, TrackedOrder } from '../../../src/shared/orders';
import type { OrderTicketInput } from '../../../src/shared/ticket';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

const INDIVIDUAL = ACCOUNT_IDS.individual;
const EPD = 4682;

const o = ordersAppForSuite();

/** A passive buy well under the market: it stays working, so it can be modified. */
const passiveBuy = (conId: number, symbol: string, quantity: number, extra: Partial<OrderTicketInput> = {}) => ({
  account: INDIVIDUAL,
  contract: { symbol, secType: 'STK' as const },
  action: 'BUY' as const,
  quantity,
  orderType: 'LMT' as const,
  limitPrice: Math.round(o.sim.world.quote(conId).bid * 0.95 * 100) / 100,
  tif: 'DAY' as const,
  ...extra,
});

const submitted = (previewId: string) =>
  o.nextUpdate((u: TrackedOrder) => u.previewId === previewId && u.ibStatus === 'Submitted');

describe('submit on held data', () => {
  it('holds the quote line from preview to submit, reuses a young what-if and says so', async () => {
    // EPD is not on the default watchlist: the ticket's hold is the only line for it.
    expect(o.app.market.quote(EPD)).toBeUndefined();
    const preview = await o.preview(passiveBuy(EPD, 'EPD', 1));
    expect(o.app.market.quote(EPD)?.bid).toEqual(expect.any(Number));
    expect(preview.quote?.receivedAt).toBeGreaterThan(Date.now() - 5_000);
    const status = submitted(preview.previewId);
    const result = await o.submit(preview.previewId, preview.toAcknowledge);
    expect(result.outcome).toBe('sent');
    if (result.outcome !== 'sent') return;
    expect(checkOf(result, 'what-if-age')).toMatchObject({ outcome: 'info' });
    expect(checkOf(result, 'what-if-age')?.message).toMatch(
      /preview's what-if from \d+ s ago, reused .* under 30 s old/,
    );
    expect(checkOf(result, 'market-data')).toMatchObject({ outcome: 'pass' });
    await status;
    // Sent: the hold is given back.
    expect(o.app.market.quote(EPD)).toBeUndefined();
  });

  it('gives the quote line back when the ticket is discarded', async () => {
    const preview = await o.preview(passiveBuy(EPD, 'EPD', 1));
    expect(o.app.market.quote(EPD)).toBeDefined();
    await o.call('orders.discard', { previewId: preview.previewId });
    expect(o.app.market.quote(EPD)).toBeUndefined();
  });
});

describe('modify a working order', () => {
  it('places the change under the same order id after re-checking every rule, and audits a modify intent', async () => {
    const first = await o.preview(passiveBuy(265598, 'AAPL', 2));
    const working = submitted(first.previewId);
    const sent = await o.submit(first.previewId, first.toAcknowledge);
    if (sent.outcome !== 'sent') throw new Error(`not sent: ${sent.reason}`);
    const orderId = sent.order.orderId;
    await working;

    const limitPrice = Math.round(o.sim.world.quote(265598).bid * 0.96 * 100) / 100;
    const change = await o.preview(passiveBuy(265598, 'AAPL', 5, { limitPrice, tif: 'GTC', modifyOrderId: orderId }));
    expect(change.words).toMatch(new RegExp(`^Modify order ${orderId}: Buy 5 AAPL at ${limitPrice.toFixed(2)} limit`));
    expect(change.blocked).toBe(false);
    const changed = submitted(change.previewId);
    const result = await o.submit(change.previewId, change.toAcknowledge);
    expect(result).toMatchObject({ outcome: 'sent', order: { orderId } });
    await changed;

    const atGateway = o.sim.world.openOrders().filter((x) => x.request.orderId === orderId);
    expect(atGateway).toHaveLength(1);
    expect(atGateway[0]?.request).toMatchObject({ totalQuantity: 5, lmtPrice: limitPrice, tif: 'GTC' });
    const audit = await o.call<AuditPage>('orders.audit', { filter: { kind: 'modify-intent' } });
    expect(audit.records).toEqual([
      expect.objectContaining({
        orderId,
        previewId: change.previewId,
        ticket: expect.objectContaining({ modifyOrderId: orderId }),
      }),
    ]);
  });

  it('re-checks the rules on a modify: a change past the size cap is blocked and never sent', async () => {
    const first = await o.preview(passiveBuy(265598, 'AAPL', 1));
    const working = submitted(first.previewId);
    const sent = await o.submit(first.previewId, first.toAcknowledge);
    if (sent.outcome !== 'sent') throw new Error(`not sent: ${sent.reason}`);
    await working;
    const orderId = sent.order.orderId;
    const tooBig = await o.preview(passiveBuy(265598, 'AAPL', 5_000, { modifyOrderId: orderId }));
    expect(tooBig.blocked).toBe(true);
    expect(await o.submit(tooBig.previewId, tooBig.toAcknowledge)).toMatchObject({ outcome: 'refused' });
    expect(o.sim.world.openOrders().find((x) => x.request.orderId === orderId)?.request.totalQuantity).toBe(1);
  });

  it('refuses to modify an order that is not a working Gatehouse order, or to change its side', async () => {
    await expect(o.preview(passiveBuy(265598, 'AAPL', 1, { modifyOrderId: 999_999 }))).rejects.toThrow(
      /no working order 999999 from Gatehouse/,
    );
    const first = await o.preview(passiveBuy(265598, 'AAPL', 1));
    const working = submitted(first.previewId);
    const sent = await o.submit(first.previewId, first.toAcknowledge);
    if (sent.outcome !== 'sent') throw new Error(`not sent: ${sent.reason}`);
    await working;
    // The order book re-reads every 2 s; our own orders count from the moment they are sent.
    await expect(
      o.preview(passiveBuy(265598, 'AAPL', 1, { action: 'SELL', modifyOrderId: sent.order.orderId })),
    ).rejects.toThrow(/cannot change the side \(BUY\)/);
  });
});
