import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/simulator/world';
import { roundToTick } from '../../../../src/simulator/world/ticks';
import { type WorldEvent } from '../../../../src/simulator/world/types';
import {
  AAPL,
  conIdOf,
  CORPORATION,
  findOrder,
  INDIVIDUAL,
  IRA,
  makeWorld,
  order,
  positionOf,
  recordEvents,
  statusesOf,
  stepUntil,
  stock,
} from './fixtures';

const executionsIn = (events: WorldEvent[], orderId: number) =>
  events.flatMap((e) => (e.type === 'execution' && e.execution.orderId === orderId ? [e] : []));

describe('market orders', () => {
  it('fill at once at the ask when buying, PreSubmitted → Submitted → Filled', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const aapl = conIdOf(world, AAPL);
    const ask = world.quote(aapl).ask;
    const buy = order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 100 });
    const result = world.place(buy);
    expect(result.ok && result.order).toMatchObject({ status: 'Filled', filled: 100, remaining: 0, avgFillPrice: ask });
    expect(statusesOf(events, buy.orderId)).toEqual(['PreSubmitted', 'Submitted', 'Filled']);
    const [fill] = executionsIn(events, buy.orderId);
    expect(fill?.execution).toMatchObject({ side: 'BOT', shares: 100, price: ask, account: INDIVIDUAL, conId: aapl });
    expect(positionOf(world, INDIVIDUAL, aapl)).toBe(200);
  });

  it('fill at the bid when selling', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const bid = world.quote(aapl).bid;
    const result = world.place(order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 50 }));
    expect(result.ok && result.order.avgFillPrice).toBe(bid);
    expect(positionOf(world, IRA, aapl)).toBe(150);
  });

  it('work a large order in 500-share clips across ticks, with one execution and commission each', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const buy = order({ account: CORPORATION, contract: AAPL, action: 'BUY', totalQuantity: 1_200 });
    const placed = world.place(buy);
    expect(placed.ok && placed.order).toMatchObject({ status: 'Submitted', filled: 500, remaining: 700 });
    stepUntil(world, () => findOrder(world, buy.orderId)?.status === 'Filled');
    const fills = executionsIn(events, buy.orderId);
    expect(fills.map((f) => f.execution.shares)).toEqual([500, 500, 200]);
    expect(fills.map((f) => f.execution.cumQty)).toEqual([500, 1_000, 1_200]);
    expect(statusesOf(events, buy.orderId)).toEqual(['PreSubmitted', 'Submitted', 'Submitted', 'Submitted', 'Filled']);
    // The per-order schedule: 1,200 × $0.005 = $6, however it was split.
    expect(fills.reduce((sum, f) => sum + f.commission.commission, 0)).toBeCloseTo(6, 9);
    const average = fills.reduce((sum, f) => sum + f.execution.shares * f.execution.price, 0) / 1_200;
    expect(findOrder(world, buy.orderId)?.avgFillPrice).toBeCloseTo(average, 9);
    expect(positionOf(world, CORPORATION, conIdOf(world, AAPL))).toBe(1_200);
  });
});

describe('limit orders', () => {
  it('rest while the market is away, then fill at the limit or better once crossed', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const aapl = conIdOf(world, AAPL);
    const limit = roundToTick(world.quote(aapl).ask - 0.04, 0.01);
    const buy = order({
      account: INDIVIDUAL,
      contract: AAPL,
      action: 'BUY',
      totalQuantity: 100,
      orderType: 'LMT',
      lmtPrice: limit,
    });
    const asksAtFill: number[] = [];
    world.on((e) => {
      if (e.type === 'execution') asksAtFill.push(world.quote(aapl).ask);
    });
    expect(world.place(buy)).toMatchObject({ ok: true, order: { status: 'Submitted', filled: 0 } });
    expect(world.openOrders().map((o) => o.request.orderId)).toEqual([buy.orderId]);
    stepUntil(world, () => findOrder(world, buy.orderId)?.status === 'Filled');
    const [fill] = executionsIn(events, buy.orderId);
    expect(fill?.execution.price).toBeLessThanOrEqual(limit);
    expect(asksAtFill[0]).toBeLessThanOrEqual(limit);
    expect(world.openOrders()).toEqual([]);
  });

  it('fill a marketable sell limit at the better bid, not at the limit', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const bid = world.quote(aapl).bid;
    const limit = roundToTick(bid - 1, 0.01);
    const result = world.place(
      order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 10, orderType: 'LMT', lmtPrice: limit }),
    );
    expect(result.ok && result.order.avgFillPrice).toBe(bid);
  });
});

describe('stop orders', () => {
  it('wait PreSubmitted until the last trade reaches the stop, then sell at the bid', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const aapl = conIdOf(world, AAPL);
    const stop = roundToTick(world.quote(aapl).last - 0.05, 0.01);
    const lastAtFill: number[] = [];
    world.on((e) => {
      if (e.type === 'execution') lastAtFill.push(world.quote(aapl).last);
    });
    const sell = order({
      account: IRA,
      contract: AAPL,
      action: 'SELL',
      totalQuantity: 100,
      orderType: 'STP',
      auxPrice: stop,
    });
    expect(world.place(sell)).toMatchObject({ ok: true, order: { status: 'PreSubmitted' } });
    stepUntil(world, () => findOrder(world, sell.orderId)?.status === 'Filled');
    expect(statusesOf(events, sell.orderId)).toEqual(['PreSubmitted', 'Submitted', 'Filled']);
    expect(lastAtFill[0]).toBeLessThanOrEqual(stop);
  });

  it('do not fire while the market stays on the other side', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const aapl = conIdOf(world, AAPL);
    const stop = roundToTick(world.quote(aapl).last * 1.5, 0.01);
    const buy = order({
      account: INDIVIDUAL,
      contract: AAPL,
      action: 'BUY',
      totalQuantity: 10,
      orderType: 'STP',
      auxPrice: stop,
    });
    world.place(buy);
    world.step(20_000);
    expect(findOrder(world, buy.orderId)?.status).toBe('PreSubmitted');
    expect(executionsIn(events, buy.orderId)).toEqual([]);
  });

  it('turn into a limit once triggered (STP LMT) and fill only at the limit or better', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const last = world.quote(aapl).last;
    const stop = roundToTick(last - 0.05, 0.01);
    const limit = roundToTick(last - 0.1, 0.01);
    const sell = order({
      account: INDIVIDUAL,
      contract: AAPL,
      action: 'SELL',
      totalQuantity: 20,
      orderType: 'STP LMT',
      auxPrice: stop,
      lmtPrice: limit,
    });
    world.place(sell);
    stepUntil(world, () => findOrder(world, sell.orderId)?.status !== 'PreSubmitted');
    stepUntil(world, () => findOrder(world, sell.orderId)?.status === 'Filled');
    expect(findOrder(world, sell.orderId)?.avgFillPrice).toBeGreaterThanOrEqual(limit);
  });
});

describe('modify and cancel', () => {
  const restingBuy = (world: ReturnType<typeof makeWorld>, account = INDIVIDUAL) => {
    const aapl = conIdOf(world, AAPL);
    const limit = roundToTick(world.quote(aapl).bid * 0.8, 0.01);
    const request = order({
      account,
      contract: AAPL,
      action: 'BUY',
      totalQuantity: 100,
      orderType: 'LMT',
      lmtPrice: limit,
    });
    expect(world.place(request).ok).toBe(true);
    return request;
  };

  it('amends price and size when an open order id is placed again, and fills if now marketable', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const request = restingBuy(world);
    const smaller = world.place({ ...request, totalQuantity: 60 });
    expect(smaller).toMatchObject({ ok: true, order: { remaining: 60, status: 'Submitted' } });
    const ask = world.quote(conIdOf(world, AAPL)).ask;
    const marketable = world.modify({ ...request, totalQuantity: 60, lmtPrice: roundToTick(ask + 0.1, 0.01) });
    expect(marketable).toMatchObject({ ok: true, order: { status: 'Filled', filled: 60, avgFillPrice: ask } });
    expect(executionsIn(events, request.orderId)).toHaveLength(1);
  });

  it('refuses to change the side or contract of a working order, or to cut it below what filled', () => {
    const world = makeWorld();
    const request = restingBuy(world);
    expect(world.modify({ ...request, action: 'SELL' })).toMatchObject({ ok: false, rejection: { code: 201 } });
    expect(world.modify({ ...request, contract: stock('MSFT') })).toMatchObject({
      ok: false,
      rejection: { code: 201 },
    });
    const big = order({ account: CORPORATION, contract: AAPL, action: 'BUY', totalQuantity: 900 });
    world.place(big);
    expect(world.modify({ ...big, totalQuantity: 500 })).toMatchObject({
      ok: false,
      rejection: { code: 201, message: expect.stringContaining('500 already filled') },
    });
    expect(world.modify(order({ account: IRA, contract: AAPL, action: 'BUY', totalQuantity: 1 }))).toMatchObject({
      ok: false,
      rejection: { code: 135 },
    });
  });

  it('cancels an open order once; then its id is not found and cannot be reused', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const request = restingBuy(world);
    expect(world.cancel(request.orderId)).toEqual({ ok: true });
    expect(statusesOf(events, request.orderId).at(-1)).toBe('Cancelled');
    expect(world.cancel(request.orderId)).toEqual({
      ok: false,
      rejection: { code: 10147, message: `OrderId ${request.orderId} that needs to be cancelled is not found.` },
    });
    expect(world.cancel(987_654)).toMatchObject({ ok: false, rejection: { code: 10147 } });
    expect(world.place(request)).toEqual({ ok: false, rejection: { code: 103, message: 'Duplicate order id' } });
    expect(world.completedOrders().map((o) => [o.request.orderId, o.status])).toEqual([[request.orderId, 'Cancelled']]);
  });

  it('treats a filled order id as a duplicate', () => {
    const world = makeWorld();
    const buy = order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 1 });
    world.place(buy);
    expect(world.place({ ...buy, totalQuantity: 2 })).toMatchObject({ ok: false, rejection: { code: 103 } });
  });

  it('cancels every open order of every account on a global cancel', () => {
    const world = makeWorld();
    const a = restingBuy(world, INDIVIDUAL);
    const b = restingBuy(world, CORPORATION);
    world.cancelAll();
    expect(world.openOrders()).toEqual([]);
    expect([a, b].map((r) => findOrder(world, r.orderId)?.status)).toEqual(['Cancelled', 'Cancelled']);
  });

  it('announces the next unused order id', () => {
    const world = makeWorld();
    expect(world.nextOrderId()).toBe(1);
    world.place({ ...order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 1 }), orderId: 41 });
    expect(world.nextOrderId()).toBe(42);
  });
});

describe('events and executions', () => {
  it('stop reaching a listener once it unsubscribes', () => {
    const world = makeWorld();
    const seen: WorldEvent[] = [];
    const off = world.on((e) => seen.push(e));
    world.place(order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 1 }));
    const count = seen.length;
    off();
    world.place(order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 1 }));
    expect(count).toBeGreaterThan(0);
    expect(seen).toHaveLength(count);
  });

  it('filter executions by client, account, symbol, secType, side and time', () => {
    let clock = 1_000;
    const world = new World({ seed: 7, now: () => clock });
    world.place(order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 5, clientId: 1 }));
    clock = 2_000;
    world.place(order({ account: IRA, contract: stock('KO'), action: 'SELL', totalQuantity: 5, clientId: 2 }));
    const accounts = (filter: Parameters<typeof world.executions>[0]) =>
      world.executions(filter).map((e) => e.execution.account);
    expect(accounts({})).toEqual([INDIVIDUAL, IRA]);
    expect(accounts({ clientId: 2 })).toEqual([IRA]);
    expect(accounts({ account: INDIVIDUAL })).toEqual([INDIVIDUAL]);
    expect(accounts({ symbol: 'ko' })).toEqual([IRA]);
    expect(accounts({ side: 'BUY' })).toEqual([INDIVIDUAL]);
    expect(accounts({ secType: 'OPT' })).toEqual([]);
    expect(accounts({ sinceMs: 1_500 })).toEqual([IRA]);
    const [first] = world.executions();
    expect(first?.execution.execId).toMatch(/^[0-9a-f]{8}\.[0-9a-f]{8}\.01\.01$/);
    expect(first?.commission.execId).toBe(first?.execution.execId);
  });
});
