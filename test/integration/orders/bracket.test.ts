import { beforeAll, describe, expect, it } from 'vitest';
import type { BracketPreview, BracketRequestInput, BracketResult } from '../../../src/shared/bracket';
import type { AuditPage, OrderPreview, TrackedOrder } from '../../../src/shared/orders';
import type { OrderBookSnapshot } from '../../../src/shared/order-book';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, touch, until } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/**
 * Brackets through the app's services against the simulator: ruled as a group, sent as IBKR builds them
 * (parent and children linked, exits one-cancels-all, only the last leg transmitted), followed leg by leg.
 */

const { ira: IRA, individual: INDIVIDUAL } = ACCOUNT_IDS;

// No ticks: the prices move only when a test moves them, so exits sit where the test puts them.
const o = ordersAppForSuite({ tickRate: 0 });
let msft = 0;

beforeAll(() => {
  msft = o.sim.world.findInstruments({ symbol: 'MSFT', secType: 'STK' })[0]?.conId ?? 0;
});

const cents = (price: number) => Math.round(price * 100) / 100;
const MSFT = { symbol: 'MSFT', secType: 'STK', currency: 'USD' } as const;

/** Buy 10 MSFT at the ask, with a take-profit 3 % up and a stop-loss 3 % down (inside the price band). */
function bracketIn(account: string, entryLimit = touch(o.sim, msft, 'BUY')): BracketRequestInput {
  const { bid, ask } = o.sim.world.quote(msft);
  return {
    entry: {
      account,
      contract: MSFT,
      action: 'BUY',
      quantity: 10,
      orderType: 'LMT',
      limitPrice: entryLimit,
      tif: 'DAY',
    },
    takeProfit: { limitPrice: cents(ask * 1.03) },
    stopLoss: { stopPrice: cents(bid * 0.97) },
  };
}

const legPreview = (p: BracketPreview, role: string) => p.legs.find((l) => l.role === role)!.preview;
const acknowledgeAll = (p: BracketPreview) => p.legs.flatMap((l) => l.preview.toAcknowledge);
const list = () => o.call<TrackedOrder[]>('orders.list');
const tracked = async (orderId: number) => (await list()).find((t) => t.orderId === orderId);

async function phaseOf(orderId: number, phase: TrackedOrder['phase']): Promise<void> {
  let now: TrackedOrder | undefined;
  await until(
    () => now?.phase === phase,
    8_000,
    async () => (now = await tracked(orderId)),
  );
}

const sentIds = (result: BracketResult) =>
  result.legs.map((l) => (l.result.outcome === 'sent' ? l.result.order.orderId : Number.NaN));

describe('a bracket in the IRA', () => {
  it('rules each exit with the entry, sends the legs linked, and the stop filling cancels the take-profit', async () => {
    // The IRA holds no MSFT: a lone sell would be a short sale, an exit of the bracket's buy is not.
    const lone = await o.call<OrderPreview>('orders.preview', {
      account: IRA,
      contract: MSFT,
      action: 'SELL',
      quantity: 10,
      orderType: 'LMT',
      limitPrice: cents(o.sim.world.quote(msft).ask * 1.03),
      tif: 'DAY',
    });
    expect(checkOf(lone, 'ira-no-short')?.outcome).toBe('block');
    o.app.router.call('orders.discard', { previewId: lone.previewId }).catch(() => {});

    const preview = await o.call<BracketPreview>('orders.previewBracket', bracketIn(IRA));
    expect(preview.legs.map((l) => l.role)).toEqual(['entry', 'take-profit', 'stop-loss']);
    expect(preview.blocked).toBe(false);
    for (const role of ['take-profit', 'stop-loss']) {
      const leg = legPreview(preview, role);
      expect(checkOf(leg, `${role}:ira-no-short`)).toMatchObject({ outcome: 'pass' });
      expect(checkOf(leg, `${role}:ira-no-short`)?.message).toMatch(
        new RegExp(`^${role}: Selling 10 MSFT .*, counting the 10 the entry buys first`),
      );
      expect(checkOf(leg, `${role}:what-if`)?.outcome).toBe('info');
      expect(leg.leg).toEqual({ groupId: preview.groupId, role });
    }
    expect(checkOf(legPreview(preview, 'entry'), 'entry:ira-no-margin')?.outcome).toBe('pass');
    expect(preview.words).toContain('take-profit at');

    const result = await o.call<BracketResult>('orders.submitBracket', {
      groupId: preview.groupId,
      acknowledgements: acknowledgeAll(preview),
    });
    expect(result.outcome).toBe('sent');
    const [entry, takeProfit, stopLoss] = sentIds(result) as [number, number, number];
    expect([takeProfit - entry, stopLoss - entry]).toEqual([1, 2]);

    // The entry fills at once; the exits then work at IBKR, linked to it and to each other.
    await phaseOf(entry, 'filled');
    await phaseOf(takeProfit, 'working');
    await phaseOf(stopLoss, 'working');
    const atSim = (id: number) => o.sim.world.openOrders().find((x) => x.request.orderId === id)?.request;
    const tp = atSim(takeProfit);
    expect(tp).toMatchObject({ parentId: entry, ocaType: 1 });
    expect(atSim(stopLoss)).toMatchObject({ parentId: entry, ocaGroup: tp?.ocaGroup, ocaType: 1 });

    // Raise the stop above the bid: after the parent filled the child is modified with parentId 0 (not 135).
    const bid = o.sim.world.quote(msft).bid;
    const modify = await o.call<OrderPreview>('orders.preview', {
      account: IRA,
      contract: MSFT,
      action: 'SELL',
      quantity: 10,
      orderType: 'STP',
      stopPrice: cents(bid + 0.5),
      tif: 'DAY',
      modifyOrderId: stopLoss,
    });
    expect(modify.checks.filter((c) => c.outcome === 'block')).toEqual([]);
    const sent = await o.submit(modify.previewId, modify.toAcknowledge);
    expect(sent.outcome).toBe('sent');
    await phaseOf(stopLoss, 'filled');
    await phaseOf(takeProfit, 'cancelled');
    expect((await tracked(stopLoss))?.ibCode).toBeNull();

    // One intent for the bracket, under its group id, and one sent record per leg.
    const audit = await o.call<AuditPage>('orders.audit', { filter: { text: preview.groupId } });
    const kinds = (kind: string) => audit.records.filter((r) => r.kind === kind && r.groupId === preview.groupId);
    expect(kinds('submit-intent').map((r) => r.orderId)).toEqual([entry]);
    expect(
      kinds('sent')
        .map((r) => r.orderId)
        .sort(),
    ).toEqual([entry, takeProfit, stopLoss]);
  });
});

describe('a bracket as one group', () => {
  it('sends nothing when one leg is refused at submit', async () => {
    const request = bracketIn(INDIVIDUAL);
    // A take-profit 8 % up is outside the price band: a warning on that leg alone.
    request.takeProfit = { limitPrice: cents(o.sim.world.quote(msft).ask * 1.08) };
    const preview = await o.call<BracketPreview>('orders.previewBracket', request);
    const warning = checkOf(legPreview(preview, 'take-profit'), 'take-profit:price-sanity');
    expect(warning?.outcome).toBe('warn');
    expect(warning?.message).toMatch(/^take-profit: /);
    const others = acknowledgeAll(preview).filter((id) => id !== 'take-profit:price-sanity');
    const result = await o.call<BracketResult>('orders.submitBracket', {
      groupId: preview.groupId,
      acknowledgements: others,
    });
    expect(result.outcome).toBe('refused');
    expect(result.reason).toContain('the take-profit was refused');
    expect(result.legs.every((l) => l.result.outcome === 'refused')).toBe(true);
    const refs = new Set(preview.legs.map((l) => l.preview.previewId));
    const atSim = [...o.sim.world.openOrders(), ...o.sim.world.completedOrders()];
    expect(atSim.some((x) => refs.has(x.request.orderRef ?? ''))).toBe(false);
  });

  it('cancelling the parent cancels its children, each shown cancelled, with one cancel record', async () => {
    // An entry far under the market rests, so its exits wait for it.
    const far = cents(o.sim.world.quote(msft).bid * 0.96);
    const request = bracketIn(INDIVIDUAL, far);
    request.stopLoss = { stopPrice: cents(far * 0.97) };
    request.takeProfit = { limitPrice: cents(far * 1.03) };
    const preview = await o.call<BracketPreview>('orders.previewBracket', request);
    const result = await o.call<BracketResult>('orders.submitBracket', {
      groupId: preview.groupId,
      acknowledgements: acknowledgeAll(preview),
    });
    expect(result.outcome).toBe('sent');
    const ids = sentIds(result);
    for (const id of ids) await phaseOf(id, 'working');
    // The grid cancels what its book lists: wait for its next read to list the bracket.
    const listed = new Set<number>();
    await until(
      () => ids.every((id) => listed.has(id)),
      8_000,
      async () => {
        const book = await o.call<OrderBookSnapshot>('orders.open');
        for (const row of book.openOrders) listed.add(row.orderId);
      },
    );

    await o.call('orders.cancel', { orderId: ids[0] });
    for (const id of ids) await phaseOf(id, 'cancelled');
    const audit = await o.call<AuditPage>('orders.audit', { filter: { kind: 'cancel-request' } });
    expect(audit.records.filter((r) => ids.includes(r.orderId ?? Number.NaN)).map((r) => r.orderId)).toEqual([ids[0]]);
  });
});

describe('one-cancels-all for working orders a person links', () => {
  /** A lone working sell of 5 MSFT 4 % over the market, sent through preview and submit. */
  async function restingSell(account: string): Promise<number> {
    const preview = await o.preview({
      account,
      contract: MSFT,
      action: 'SELL',
      quantity: 5,
      orderType: 'LMT',
      limitPrice: cents(o.sim.world.quote(msft).ask * 1.04),
      tif: 'DAY',
    });
    const sent = await o.submit(preview.previewId, preview.toAcknowledge);
    if (sent.outcome !== 'sent') throw new Error(`not sent: ${sent.reason}`);
    await phaseOf(sent.order.orderId, 'working');
    return sent.order.orderId;
  }

  /** Waits until the grid's book lists every one of the orders. */
  async function listed(ids: number[]): Promise<OrderBookSnapshot> {
    let book: OrderBookSnapshot | undefined;
    await until(
      () => ids.every((id) => book?.openOrders.some((r) => r.orderId === id)),
      8_000,
      async () => (book = await o.call<OrderBookSnapshot>('orders.open')),
    );
    return book!;
  }

  it('links two working orders of one account; when one fills IBKR cancels the other', async () => {
    const first = await restingSell(INDIVIDUAL);
    const second = await restingSell(INDIVIDUAL);
    await listed([first, second]);
    const answer = await o.call<{ message: string }>('orders.linkOca', { orderIds: [first, second] });
    expect(answer.message).toContain(`Orders ${first}, ${second} linked`);
    const atSim = (id: number) => o.sim.world.openOrders().find((x) => x.request.orderId === id)?.request;
    await until(() => atSim(first)?.ocaGroup !== undefined && atSim(second)?.ocaGroup !== undefined, 5_000);
    expect(atSim(first)?.ocaGroup).toBe(atSim(second)?.ocaGroup);
    expect(atSim(first)?.ocaType).toBe(1);
    // Nothing else changed: the quantity and the limit are as they were.
    expect(atSim(first)).toMatchObject({ totalQuantity: 5, orderType: 'LMT' });

    // The grid shows the group; the audit log has the one intent.
    let shown: string | null | undefined;
    await until(
      () => shown === atSim(first)?.ocaGroup,
      8_000,
      async () => {
        const book = await o.call<OrderBookSnapshot>('orders.open');
        shown = book.openOrders.find((r) => r.orderId === first)?.ocaGroup;
      },
    );
    const audit = await o.call<AuditPage>('orders.audit', { filter: { text: atSim(first)?.ocaGroup ?? '?' } });
    expect(audit.records.filter((r) => r.kind === 'modify-intent')).toHaveLength(1);

    // Fill the second at the bid: the modify keeps its group, and the first is cancelled.
    const modify = await o.preview({
      account: INDIVIDUAL,
      contract: MSFT,
      action: 'SELL',
      quantity: 5,
      orderType: 'LMT',
      limitPrice: touch(o.sim, msft, 'SELL'),
      tif: 'DAY',
      modifyOrderId: second,
    });
    expect((await o.submit(modify.previewId, modify.toAcknowledge)).outcome).toBe('sent');
    await phaseOf(second, 'filled');
    await phaseOf(first, 'cancelled');
  });

  it('a modify right after a link re-sends the order in its group', async () => {
    const first = await restingSell(INDIVIDUAL);
    const second = await restingSell(INDIVIDUAL);
    await listed([first, second]);
    await o.call('orders.linkOca', { orderIds: [first, second] });
    const atSim = (id: number) => o.sim.world.openOrders().find((x) => x.request.orderId === id)?.request;
    const group = atSim(first)?.ocaGroup;
    expect(group).toMatch(/^gatehouse-oca-/);
    // At once, before the book is read again: the app's own record already has the group.
    const raised = cents(o.sim.world.quote(msft).ask * 1.05);
    const modify = await o.preview({
      account: INDIVIDUAL,
      contract: MSFT,
      action: 'SELL',
      quantity: 5,
      orderType: 'LMT',
      limitPrice: raised,
      tif: 'DAY',
      modifyOrderId: first,
    });
    expect((await o.submit(modify.previewId, modify.toAcknowledge)).outcome).toBe('sent');
    await until(() => atSim(first)?.lmtPrice === raised, 5_000);
    expect(atSim(first)).toMatchObject({ ocaGroup: group, ocaType: 1 });
    expect(atSim(second)?.ocaGroup).toBe(group);
  });

  it('refuses to link orders of different accounts, with a sentence, and changes nothing', async () => {
    const individual = await restingSell(INDIVIDUAL);
    const business = await restingSell(ACCOUNT_IDS.corporation).catch(() => null);
    const other = business ?? (await restingSell(IRA));
    await listed([individual, other]);
    await expect(o.call('orders.linkOca', { orderIds: [individual, other] })).rejects.toThrow(
      /one-cancels-all groups are per account/,
    );
    const request = o.sim.world.openOrders().find((x) => x.request.orderId === individual)?.request;
    expect(request?.ocaGroup ?? '').toBe('');
  });
});
