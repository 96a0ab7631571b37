import { EventName, IBApiNext, OrderAction, OrderType, SecType, type Contract } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import type { AuditPage, OrderPreview, TicketAccount, TrackedOrder } from '../../../src/shared/orders';
import type { OrderTicketInput } from '../../../src/shared/ticket';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, touch, type OrdersApp } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

const IRA = ACCOUNT_IDS.ira;
const INDIVIDUAL = ACCOUNT_IDS.individual;
const AAPL = 265598;

// Two ES contracts are worth about $650,000: above the default $250,000 value cap, so it is raised
// here to let the futures-margin rule be the one that decides.
const o = ordersAppForSuite({}, { maxNotionalUsd: 2_000_000 });

const stock = (
  account: string,
  symbol: string,
  action: 'BUY' | 'SELL',
  quantity: number,
  limitPrice: number,
  currency = 'USD',
): OrderTicketInput => ({
  account,
  contract: { symbol, secType: 'STK', currency },
  action,
  quantity,
  orderType: 'LMT',
  limitPrice,
  tif: 'DAY',
});

function instrument(predicate: (i: ReturnType<OrdersApp['sim']['world']['instruments']>[number]) => boolean) {
  const found = o.sim.world.instruments().find(predicate);
  if (!found) throw new Error('instrument not in the simulator catalog');
  return found;
}

const blocks = (p: OrderPreview) => p.checks.filter((c) => c.outcome === 'block').map((c) => c.id);

/** Orders the simulator holds or has finished whose orderRef is this preview id. */
const ordersAtGateway = (previewId: string) =>
  [...o.sim.world.openOrders(), ...o.sim.world.completedOrders()].filter((x) => x.request.orderRef === previewId);

describe('orders service against the simulator', () => {
  it("lists the ticket's accounts with IBKR's account types, within IBKR's two account summary subscriptions", async () => {
    // The accounts service and the held facts already share two subscriptions; the simulator, like IBKR,
    // refuses a third with 322, so this fails if the ticket asks for the summary with other tags.
    const accounts = await o.call<TicketAccount[]>('orders.accounts');
    expect(accounts.map((a) => [a.id, a.ibAccountType])).toEqual([
      [ACCOUNT_IDS.ira, 'IRA'],
      [ACCOUNT_IDS.individual, 'INDIVIDUAL'],
      [ACCOUNT_IDS.corporation, 'CORPORATION'],
    ]);
  });

  it('blocks an IRA short sale before anything is transmitted', async () => {
    const preview = await o.preview(stock(IRA, 'AAPL', 'SELL', 300, touch(o.sim, AAPL, 'SELL')));
    expect(preview.blocked).toBe(true);
    expect(checkOf(preview, 'ira-no-short')).toMatchObject({ outcome: 'block' });
    expect(checkOf(preview, 'ira-no-short')?.message).toContain('short 100 shares');
    expect(preview.account).toMatchObject({ id: IRA, ibAccountType: 'IRA' });
    const result = await o.submit(preview.previewId);
    expect(result.outcome).toBe('refused');
    expect(ordersAtGateway(preview.previewId)).toHaveLength(0);
    const audit = await o.call<AuditPage>('orders.audit', { filter: { kind: 'submit-refused', account: IRA } });
    expect(audit.records.some((r) => r.previewId === preview.previewId)).toBe(true);
  });

  it('the simulator itself rejects the same IRA short sale with 201 when a raw client forces it', async () => {
    const api = new IBApiNext({ host: '127.0.0.1', port: o.sim.port, reconnectInterval: 0 });
    try {
      api.connect(77);
      const orderId = await api.getNextValidOrderId();
      const raw = (api as unknown as { api: { on(e: string, f: (...a: unknown[]) => void): void } }).api;
      const rejection = new Promise<{ code: number; text: string }>((resolve) => {
        raw.on(EventName.error, (...args: unknown[]) => {
          const [error, code, reqId] = args as [Error, number, number];
          if (reqId === orderId) resolve({ code, text: error.message });
        });
      });
      const contract: Contract = {
        conId: AAPL,
        symbol: 'AAPL',
        secType: SecType.STK,
        exchange: 'SMART',
        currency: 'USD',
      };
      api.placeOrder(orderId, contract, {
        action: OrderAction.SELL,
        orderType: OrderType.LMT,
        totalQuantity: 300,
        lmtPrice: touch(o.sim, AAPL, 'SELL'),
        account: IRA,
        transmit: true,
      });
      const answer = await rejection;
      expect(answer.code).toBe(201);
      expect(answer.text).toContain('Short stock positions can only be held in a margin account');
    } finally {
      api.disconnect();
    }
  });

  it('passes a covered call and a cash-secured put in the IRA, and sends the covered call', async () => {
    const call = instrument((i) => i.secType === 'OPT' && i.right === 'C' && i.strike === 230);
    const put = instrument((i) => i.secType === 'OPT' && i.right === 'P' && i.strike === 220);
    const option = (i: typeof call): OrderTicketInput => ({
      account: IRA,
      contract: {
        symbol: 'AAPL',
        secType: 'OPT',
        currency: 'USD',
        lastTradeDate: i.lastTradeDate,
        strike: i.strike,
        right: i.right as 'C' | 'P',
      },
      action: 'SELL',
      quantity: i.right === 'C' ? 2 : 1,
      orderType: 'LMT',
      limitPrice: touch(o.sim, i.conId, 'SELL'),
      tif: 'DAY',
    });
    const covered = await o.preview(option(call));
    expect(checkOf(covered, 'ira-options')).toMatchObject({ outcome: 'pass' });
    expect(checkOf(covered, 'ira-options')?.message).toContain('Covered call');
    expect(blocks(covered)).toEqual([]);
    const securedPut = await o.preview(option(put));
    expect(checkOf(securedPut, 'ira-options')).toMatchObject({ outcome: 'pass' });
    expect(checkOf(securedPut, 'ira-options')?.message).toContain('Cash-secured put');
    expect(blocks(securedPut)).toEqual([]);

    const settled = o.nextUpdate((u) => u.previewId === covered.previewId && u.phase !== 'sending');
    const sent = await o.submit(covered.previewId, covered.toAcknowledge);
    expect(sent.outcome).toBe('sent');
    const update = await settled;
    expect(['working', 'filled']).toContain(update.phase);
    expect(ordersAtGateway(covered.previewId)).toHaveLength(1);
  });

  it.each([
    {
      name: 'an MLP',
      rule: 'ira-no-mlp',
      ticket: (acct: string) => stock(acct, 'EPD', 'BUY', 10, touch(o.sim, 4682, 'BUY')),
    },
    {
      name: 'a euro stock without euros',
      rule: 'ira-no-fx-borrowing',
      ticket: (acct: string) => stock(acct, 'SAP', 'BUY', 10, touch(o.sim, 14204, 'BUY'), 'EUR'),
    },
    {
      name: 'two ES futures',
      rule: 'ira-futures-margin',
      ticket: (acct: string): OrderTicketInput => {
        const es = instrument((i) => i.symbol === 'ES');
        return {
          account: acct,
          contract: { symbol: 'ES', secType: 'FUT', currency: 'USD', lastTradeDate: es.lastTradeDate },
          action: 'BUY',
          quantity: 2,
          orderType: 'LMT',
          limitPrice: touch(o.sim, es.conId, 'BUY'),
          tif: 'DAY',
        };
      },
    },
  ])('$name: blocked in the IRA, allowed in the individual account', async ({ rule, ticket }) => {
    const inIra = await o.preview(ticket(IRA));
    expect(checkOf(inIra, rule)).toMatchObject({ outcome: 'block' });
    const elsewhere = await o.preview(ticket(INDIVIDUAL));
    expect(checkOf(elsewhere, rule)).toBeUndefined();
    expect(blocks(elsewhere)).toEqual([]);
  });

  it('shows the gateway what-if figures and the quote used', async () => {
    const preview = await o.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 10, touch(o.sim, AAPL, 'BUY')));
    expect(preview.whatIf).toMatchObject({ commission: expect.any(Number), initMarginChange: expect.any(Number) });
    expect(preview.whatIf?.equityWithLoanAfter).toBeGreaterThan(0);
    expect(preview.quote?.ask).toBeCloseTo(o.sim.world.quote(AAPL).ask, 0);
    expect(preview.words).toMatch(/^Buy 10 AAPL at [\d,.]+ limit, day, in Individual DU1000002$/);
  });

  it('sends one order for one preview id, however often it is submitted', async () => {
    const preview = await o.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 5, touch(o.sim, AAPL, 'BUY')));
    const filled = o.nextUpdate((u) => u.previewId === preview.previewId && u.phase === 'filled');
    const [a, b] = await Promise.all([o.submit(preview.previewId), o.submit(preview.previewId)]);
    const again = await o.submit(preview.previewId);
    if (a.outcome !== 'sent' || b.outcome !== 'sent' || again.outcome !== 'sent') throw new Error('not sent');
    expect(new Set([a.order.orderId, b.order.orderId, again.order.orderId]).size).toBe(1);
    expect([a.repeated, b.repeated, again.repeated]).toEqual([false, true, true]);
    const order: TrackedOrder = await filled;
    expect(order.filled).toBe(5);
    expect(ordersAtGateway(preview.previewId)).toHaveLength(1);
    // Status and fill records are written as the gateway's messages arrive, after the update is published.
    const kinds = async () =>
      (await o.call<AuditPage>('orders.audit', { filter: { text: preview.previewId } })).records.map((r) => r.kind);
    await expect
      .poll(kinds, { timeout: 3_000 })
      .toEqual(expect.arrayContaining(['preview', 'submit-intent', 'sent', 'fill']));
    expect((await kinds()).filter((k) => k === 'submit-intent')).toHaveLength(1);
  });

  it('refuses a warned order until its warning is acknowledged', async () => {
    // 8 % below the market: the price check warns; a buy below the ask is nowhere near IBKR's collar.
    const limit = Math.round(touch(o.sim, AAPL, 'SELL') * 0.92 * 100) / 100;
    const preview = await o.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 1, limit));
    expect(preview.toAcknowledge).toContain('price-sanity');
    const refused = await o.submit(preview.previewId, []);
    expect(refused).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('Price near the market') });
    const sent = await o.submit(preview.previewId, preview.toAcknowledge);
    expect(sent.outcome).toBe('sent');
  });

  it('the kill switch cancels working orders and holds new ones back until re-armed', async () => {
    const engaged = await o.call<{ engaged: boolean }>('orders.killSwitch');
    expect(engaged.engaged).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(o.sim.world.openOrders()).toHaveLength(0);
    // The order book's one cancel-all, recorded by the one writer before it was sent, then the switch.
    const records = (await o.call<AuditPage>('orders.audit', { filter: {} })).records;
    const cancel = records.findIndex((r) => r.kind === 'cancel-request' && r.message?.includes('by the kill switch'));
    const pulled = records.findIndex((r) => r.kind === 'kill-switch');
    expect(cancel).toBeGreaterThan(pulled); // newest first: the cancel was written before the switch's record
    expect(pulled).toBeGreaterThanOrEqual(0);
    const preview = await o.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 1, touch(o.sim, AAPL, 'BUY')));
    expect(checkOf(preview, 'kill-switch')).toMatchObject({ outcome: 'block' });
    expect((await o.submit(preview.previewId)).outcome).toBe('refused');
    await expect(o.call('orders.rearm', { confirmation: 'yes' })).rejects.toThrow('Type REARM');
    expect(await o.call('orders.rearm', { confirmation: 'REARM' })).toMatchObject({ engaged: false });
    const after = await o.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 1, touch(o.sim, AAPL, 'BUY')));
    expect(checkOf(after, 'kill-switch')).toBeUndefined();
  });
});

describe('a gateway with the Read-Only API setting on', () => {
  const ro = ordersAppForSuite({ readOnly: true });

  it('refuses the what-if with 321: the preview is blocked by it, saying how to turn the setting off', async () => {
    const preview = await ro.preview(stock(INDIVIDUAL, 'AAPL', 'BUY', 1, touch(ro.sim, AAPL, 'BUY')));
    expect(preview.whatIfProblem).toContain('Read-Only API');
    expect(preview.blocked).toBe(true);
    expect(checkOf(preview, 'what-if')?.outcome).toBe('block');
    expect(checkOf(preview, 'what-if')?.message).toContain(
      'Configure → Settings → API → Settings, untick “Read-Only API”',
    );
    expect((await ro.submit(preview.previewId)).outcome).toBe('refused');
    expect(ro.sim.world.openOrders()).toHaveLength(0);
  });
});
