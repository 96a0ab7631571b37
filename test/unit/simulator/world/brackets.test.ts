import { describe, expect, it } from 'vitest';
import { roundToTick } from '../../../../src/simulator/world/ticks';
import { type World } from '../../../../src/simulator/world';
import { type SimOrderRequest, type WorldEvent } from '../../../../src/simulator/world/types';
import {
  AAPL,
  conIdOf,
  findOrder,
  INDIVIDUAL,
  IRA,
  makeWorld,
  order,
  positionOf,
  recordEvents,
  statusesOf,
  stock,
} from './fixtures';

const noticesFor = (events: WorldEvent[], orderId: number) =>
  events.flatMap((e) => (e.type === 'orderNotice' && e.order.request.orderId === orderId ? [e.notice] : []));

/** A bracket as IBKR's guide builds it: entry, take-profit and stop-loss, only the last one transmitted. */
function bracket(world: World, account: string, entry: Partial<SimOrderRequest> = {}) {
  const aapl = conIdOf(world, AAPL);
  const { bid, ask } = world.quote(aapl);
  const parent = order({ account, contract: AAPL, action: 'BUY', totalQuantity: 100, transmit: false, ...entry });
  const takeProfit = order({
    account,
    contract: AAPL,
    action: 'SELL',
    totalQuantity: 100,
    orderType: 'LMT',
    lmtPrice: roundToTick(ask + 5, 0.01),
    parentId: parent.orderId,
    transmit: false,
  });
  const stopLoss = order({
    account,
    contract: AAPL,
    action: 'SELL',
    totalQuantity: 100,
    orderType: 'STP',
    auxPrice: roundToTick(bid - 5, 0.01),
    parentId: parent.orderId,
    transmit: true,
  });
  return { parent, takeProfit, stopLoss, aapl };
}

describe('transmit=false and brackets', () => {
  it('holds untransmitted orders as Inactive, unworked, until the last child sends the whole bracket', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const { parent, takeProfit, stopLoss, aapl } = bracket(world, INDIVIDUAL);
    expect(world.place(parent).ok).toBe(true);
    expect(world.place(takeProfit).ok).toBe(true);
    world.step(2_000);
    // A held market order would have filled at once had it been sent.
    expect(findOrder(world, parent.orderId)).toMatchObject({ status: 'Inactive', filled: 0 });
    expect(world.openOrders().map((o) => o.request.orderId)).toEqual([parent.orderId, takeProfit.orderId]);
    expect(positionOf(world, INDIVIDUAL, aapl)).toBe(100);

    expect(world.place(stopLoss).ok).toBe(true);
    expect(statusesOf(events, parent.orderId)).toEqual(['Inactive', 'PreSubmitted', 'Submitted', 'Filled']);
    expect(statusesOf(events, takeProfit.orderId)).toEqual(['Inactive', 'PreSubmitted', 'Submitted']);
    // The stop waits for its trigger, as any stop does.
    expect(statusesOf(events, stopLoss.orderId)).toEqual(['PreSubmitted']);
    expect(positionOf(world, INDIVIDUAL, aapl)).toBe(200);
  });

  it('keeps the children PreSubmitted until the parent fills, then works them', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const aaplQuote = world.quote(conIdOf(world, AAPL));
    const far = roundToTick(aaplQuote.bid - 20, 0.01);
    const { parent, takeProfit, stopLoss } = bracket(world, INDIVIDUAL, { orderType: 'LMT', lmtPrice: far });
    for (const leg of [parent, takeProfit, stopLoss]) expect(world.place(leg).ok).toBe(true);
    world.step(500);
    expect(findOrder(world, parent.orderId)?.status).toBe('Submitted');
    expect(findOrder(world, takeProfit.orderId)?.status).toBe('PreSubmitted');
    // Raising the entry's limit to the ask fills it; the take-profit goes live with it.
    const ask = world.quote(conIdOf(world, AAPL)).ask;
    expect(world.place({ ...parent, lmtPrice: ask, transmit: true }).ok).toBe(true);
    expect(findOrder(world, parent.orderId)?.status).toBe('Filled');
    expect(statusesOf(events, takeProfit.orderId).at(-1)).toBe('Submitted');
    expect(findOrder(world, stopLoss.orderId)?.status).toBe('PreSubmitted');
  });

  it("refuses a child whose parent is not one of the client's orders with IBKR's 10006", () => {
    const world = makeWorld();
    const orphan = order({ account: INDIVIDUAL, contract: AAPL, action: 'SELL', totalQuantity: 10, parentId: 99_999 });
    expect(world.place(orphan)).toEqual({ ok: false, rejection: { code: 10006, message: 'Missing parent order.' } });
    const parent = order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 10, transmit: false });
    world.place(parent);
    const otherClient = order({
      account: INDIVIDUAL,
      contract: AAPL,
      action: 'SELL',
      totalQuantity: 10,
      parentId: parent.orderId,
      clientId: 7,
    });
    expect(world.place(otherClient).ok).toBe(false);
  });

  it('cancels the unfilled children with their parent, each with error 202', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const far = roundToTick(world.quote(conIdOf(world, AAPL)).bid - 20, 0.01);
    const { parent, takeProfit, stopLoss } = bracket(world, INDIVIDUAL, { orderType: 'LMT', lmtPrice: far });
    for (const leg of [parent, takeProfit, stopLoss]) world.place(leg);
    expect(world.cancel(parent.orderId)).toEqual({ ok: true });
    for (const child of [takeProfit, stopLoss]) {
      expect(findOrder(world, child.orderId)?.status).toBe('Cancelled');
      expect(noticesFor(events, child.orderId)).toEqual([{ code: 202, message: 'Order Canceled - reason:' }]);
    }
    expect(world.openOrders()).toEqual([]);
  });

  it('lets an IRA bracket exit what its entry buys: both exits are judged on the position after the entry', () => {
    const world = makeWorld();
    const msft = stock('MSFT');
    const parent = order({ account: IRA, contract: msft, action: 'BUY', totalQuantity: 50, transmit: false });
    const exit = (fields: Partial<SimOrderRequest>) =>
      order({ account: IRA, contract: msft, action: 'SELL', totalQuantity: 50, parentId: parent.orderId, ...fields });
    const bid = world.quote(conIdOf(world, msft)).bid;
    expect(world.place(parent).ok).toBe(true);
    const takeProfit = exit({ orderType: 'LMT', lmtPrice: roundToTick(bid + 30, 0.01), transmit: false });
    expect(world.place(takeProfit).ok).toBe(true);
    // More than the entry buys is a short sale, bracket or not.
    const tooBig = exit({ totalQuantity: 60, orderType: 'STP', auxPrice: roundToTick(bid - 30, 0.01) });
    expect(world.place(tooBig)).toMatchObject({ ok: false, rejection: { code: 201 } });
    const stopLoss = exit({ orderType: 'STP', auxPrice: roundToTick(bid - 30, 0.01), transmit: true });
    expect(world.place(stopLoss).ok).toBe(true);
    expect(positionOf(world, IRA, conIdOf(world, msft))).toBe(50);
  });

  it('keeps the bracket when a child is modified: new price and quantity, same parent', () => {
    const world = makeWorld();
    const far = roundToTick(world.quote(conIdOf(world, AAPL)).bid - 20, 0.01);
    const { parent, takeProfit, stopLoss } = bracket(world, INDIVIDUAL, { orderType: 'LMT', lmtPrice: far });
    for (const leg of [parent, takeProfit, stopLoss]) world.place(leg);
    const raised = roundToTick((takeProfit.lmtPrice ?? 0) + 1, 0.01);
    const modified = world.place({ ...takeProfit, lmtPrice: raised, totalQuantity: 80, parentId: 0, transmit: true });
    expect(modified.ok && modified.order).toMatchObject({ status: 'PreSubmitted', remaining: 80 });
    expect(modified.ok && modified.order.request).toMatchObject({ lmtPrice: raised, parentId: parent.orderId });
    world.cancel(parent.orderId);
    expect(findOrder(world, takeProfit.orderId)?.status).toBe('Cancelled');
  });
});

describe('modifying a child after its parent filled', () => {
  it('answers 135 for the parent when the child still names it, and amends it when sent with parentId 0', () => {
    const world = makeWorld();
    const { parent, takeProfit, stopLoss } = bracket(world, INDIVIDUAL);
    for (const leg of [parent, takeProfit, stopLoss]) world.place(leg);
    expect(findOrder(world, parent.orderId)?.status).toBe('Filled');
    const raised = roundToTick((takeProfit.lmtPrice ?? 0) + 1, 0.01);
    expect(world.place({ ...takeProfit, lmtPrice: raised, transmit: true })).toEqual({
      ok: false,
      rejection: { code: 135, message: `Can't find order with ID = ${parent.orderId}` },
    });
    const amended = world.place({ ...takeProfit, lmtPrice: raised, parentId: 0, transmit: true });
    expect(amended.ok && amended.order.request).toMatchObject({ lmtPrice: raised, parentId: parent.orderId });
  });
});

describe('one-cancels-all', () => {
  const leg = (fields: Partial<SimOrderRequest>) =>
    order({ account: INDIVIDUAL, contract: AAPL, action: 'SELL', totalQuantity: 100, orderType: 'LMT', ...fields });

  it('reduces a bracket sibling by what the other exit filled, cancelling it when nothing is left', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const { parent, takeProfit, stopLoss } = bracket(world, INDIVIDUAL);
    // A take-profit already at the bid fills the moment the entry does.
    takeProfit.lmtPrice = world.quote(conIdOf(world, AAPL)).bid - 1;
    for (const order of [parent, takeProfit, stopLoss]) world.place(order);
    expect(findOrder(world, takeProfit.orderId)?.status).toBe('Filled');
    expect(findOrder(world, stopLoss.orderId)?.status).toBe('Cancelled');
    expect(noticesFor(events, stopLoss.orderId)).toEqual([{ code: 202, message: 'Order Canceled - reason:' }]);
  });

  it('ocaType 1 cancels the rest of the group when one fills', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const { bid } = world.quote(conIdOf(world, AAPL));
    const resting = leg({ lmtPrice: roundToTick(bid + 10, 0.01), ocaGroup: 'exit-1', ocaType: 1 });
    const marketable = leg({ lmtPrice: roundToTick(bid - 1, 0.01), ocaGroup: 'exit-1', ocaType: 1 });
    const elsewhere = leg({ lmtPrice: roundToTick(bid + 10, 0.01), ocaGroup: 'exit-1', account: 'DU1000003' });
    world.place(resting);
    world.place(elsewhere);
    world.place(marketable);
    expect(findOrder(world, resting.orderId)?.status).toBe('Cancelled');
    expect(noticesFor(events, resting.orderId)).toHaveLength(1);
    // OCA groups are per account.
    expect(findOrder(world, elsewhere.orderId)?.status).toBe('Submitted');
  });

  it("refuses a modify that changes a working order's group (10326) or its type (10327); one in none may join", () => {
    const world = makeWorld();
    const { bid } = world.quote(conIdOf(world, AAPL));
    const resting = leg({ lmtPrice: roundToTick(bid + 10, 0.01), ocaGroup: 'exit-1', ocaType: 1 });
    world.place(resting);
    const moved = { ...resting, lmtPrice: roundToTick(bid + 11, 0.01) };
    const refused = (change: Partial<SimOrderRequest>) => {
      const result = world.place({ ...moved, ...change });
      return result.ok ? null : result.rejection.code;
    };
    expect(refused({ ocaGroup: '' })).toBe(10326);
    expect(refused({ ocaGroup: 'exit-2' })).toBe(10326);
    expect(refused({ ocaType: 2 })).toBe(10327);
    expect(findOrder(world, resting.orderId)?.request).toMatchObject({
      ocaGroup: 'exit-1',
      lmtPrice: resting.lmtPrice,
    });
    expect(refused({})).toBeNull();

    const alone = leg({ lmtPrice: roundToTick(bid + 10, 0.01) });
    world.place(alone);
    expect(world.place({ ...alone, ocaGroup: 'exit-1', ocaType: 1 }).ok).toBe(true);
    expect(findOrder(world, alone.orderId)?.request.ocaGroup).toBe('exit-1');
  });

  it('ocaType 3 reduces the others by the quantity filled instead', () => {
    const world = makeWorld();
    const { bid } = world.quote(conIdOf(world, AAPL));
    const resting = leg({ totalQuantity: 80, lmtPrice: roundToTick(bid + 10, 0.01), ocaGroup: 'g3', ocaType: 3 });
    const marketable = leg({ totalQuantity: 30, lmtPrice: roundToTick(bid - 1, 0.01), ocaGroup: 'g3', ocaType: 3 });
    world.place(resting);
    world.place(marketable);
    expect(findOrder(world, resting.orderId)).toMatchObject({ status: 'Submitted', remaining: 50 });
    expect(findOrder(world, resting.orderId)?.request.totalQuantity).toBe(50);
  });
});
