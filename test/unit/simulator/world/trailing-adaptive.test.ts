import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/simulator/world';
import { TRAIL_REPORT_MS } from '../../../../src/simulator/world/order-engine';
import { roundToTick } from '../../../../src/simulator/world/ticks';
import { type SimOrderRequest } from '../../../../src/simulator/world/types';
import {
  AAPL,
  aaplOption,
  conIdOf,
  findOrder,
  INDIVIDUAL,
  makeWorld,
  NOW,
  order,
  recordEvents,
  stepUntil,
} from './fixtures';

const sell = (fields: Partial<SimOrderRequest>) =>
  order({ account: INDIVIDUAL, contract: AAPL, action: 'SELL', totalQuantity: 50, ...fields });
const buy = (fields: Partial<SimOrderRequest>) =>
  order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 50, ...fields });

/** A world whose clock moves a second per tick stepped, so trailing reports are paced by world time. */
function clockedWorld(): { world: World; step: () => void } {
  let now = NOW;
  const world = new World({ seed: 7, now: () => now });
  return {
    world,
    step: () => {
      now += 1_000;
      world.step(1);
    },
  };
}

describe('trailing stops', () => {
  it('trail the highest bid by the amount, tick by tick, and sell at the bid once it falls to the stop', () => {
    const { world, step } = clockedWorld();
    const aapl = conIdOf(world, AAPL);
    const events = recordEvents(world);
    const trail = sell({ orderType: 'TRAIL', auxPrice: 0.3 });
    let highestBid = world.quote(aapl).bid;
    const placed = world.place(trail);
    expect(placed.ok && placed.order).toMatchObject({ status: 'PreSubmitted', trailStopPrice: highestBid - 0.3 });
    let moves = 0;
    for (let ticks = 0; findOrder(world, trail.orderId)?.status === 'PreSubmitted'; ticks += 1) {
      expect(ticks).toBeLessThan(300_000);
      const before = findOrder(world, trail.orderId)?.trailStopPrice;
      step();
      const { bid } = world.quote(aapl);
      const now = findOrder(world, trail.orderId);
      if (now?.status !== 'PreSubmitted') {
        expect(bid).toBeLessThanOrEqual(before ?? NaN);
        break;
      }
      highestBid = Math.max(highestBid, bid);
      expect(now.trailStopPrice).toBeCloseTo(roundToTick(highestBid - 0.3, 0.01), 9);
      if (now.trailStopPrice !== before) moves += 1;
    }
    const done = findOrder(world, trail.orderId);
    expect(done?.status).toBe('Filled');
    expect(done?.avgFillPrice).toBeLessThanOrEqual(done?.trailStopPrice ?? NaN);
    // Each move was reported to the client (the clock moves more than the pacing interval per tick).
    expect(1_000).toBeGreaterThanOrEqual(TRAIL_REPORT_MS);
    const reported = events.filter(
      (e) => e.type === 'orderStatus' && e.order.request.orderId === trail.orderId && e.order.status === 'PreSubmitted',
    );
    expect(moves).toBeGreaterThan(0);
    expect(reported.length).toBe(1 + moves);
  });

  it('trail by a percent, a buy from above the ask, starting from the client’s stop when it is tighter', () => {
    const world = makeWorld();
    const ask = world.quote(conIdOf(world, AAPL)).ask;
    const tight = roundToTick(ask + 0.05, 0.01);
    const kept = world.place(buy({ orderType: 'TRAIL', trailingPercent: 1, trailStopPrice: tight }));
    expect(kept.ok && kept.order.trailStopPrice).toBe(tight);
    // A stop looser than the trail is pulled to it at once: 1 % above the ask, rounded away from the market.
    const loose = world.place(buy({ orderType: 'TRAIL', trailingPercent: 1, trailStopPrice: ask + 50 }));
    expect(loose.ok && loose.order.trailStopPrice).toBe(Math.ceil(ask * 1.01 * 100 - 1e-9) / 100);
  });

  it('work a triggered TRAIL LIMIT as a limit, which rests while the market is beyond it', () => {
    const world = makeWorld();
    const bid = world.quote(conIdOf(world, AAPL)).bid;
    // An initial stop above the bid triggers at once; its limit, 0.05 under the stop, is still above the bid.
    const stop = roundToTick(bid + 1, 0.01);
    const trail = sell({ orderType: 'TRAIL LIMIT', auxPrice: 2, trailStopPrice: stop, lmtPriceOffset: 0.05 });
    const placed = world.place(trail);
    expect(placed.ok && placed.order).toMatchObject({ status: 'Submitted', filled: 0, trailStopPrice: stop });
  });

  it('fill a TRAIL LIMIT at its limit (lmtPriceOffset beyond the stop) or better', () => {
    const world = makeWorld();
    const trail = sell({ orderType: 'TRAIL LIMIT', auxPrice: 0.2, lmtPriceOffset: 0.05 });
    world.place(trail);
    stepUntil(world, () => findOrder(world, trail.orderId)?.status !== 'PreSubmitted');
    const stop = findOrder(world, trail.orderId)?.trailStopPrice ?? NaN;
    stepUntil(world, () => findOrder(world, trail.orderId)?.status === 'Filled');
    expect(findOrder(world, trail.orderId)?.avgFillPrice).toBeGreaterThanOrEqual(roundToTick(stop - 0.05, 0.01));
  });

  it('restart the stop from the market when the trailing amount is modified', () => {
    const world = makeWorld();
    const bid = world.quote(conIdOf(world, AAPL)).bid;
    const trail = sell({ orderType: 'TRAIL', auxPrice: 2 });
    world.place(trail);
    // The client echoes the stop it was shown; the wider trail still moves the stop down, as TWS does.
    const modified = world.place({ ...trail, auxPrice: 5, trailStopPrice: roundToTick(bid - 2, 0.01) });
    expect(modified.ok && modified.order.trailStopPrice).toBe(roundToTick(bid - 5, 0.01));
  });

  it.each([
    [{ orderType: 'TRAIL' } as const, 'needs a positive trailing amount or trailing percent'],
    [{ orderType: 'TRAIL', auxPrice: 1, trailingPercent: 1 } as const, 'not both'],
    [{ orderType: 'TRAIL LIMIT', auxPrice: 1 } as const, 'lmtPriceOffset'],
  ])('refuse a malformed trailing order (%j) with error 201', (fields, reason) => {
    const world = makeWorld();
    const result = world.place(sell(fields));
    expect(result).toMatchObject({ ok: false, rejection: { code: 201 } });
    expect(!result.ok && result.rejection.message).toContain(reason);
  });
});

describe('the Adaptive algo', () => {
  const adaptive = (priority: string) => ({
    algoStrategy: 'Adaptive',
    algoParams: [{ tag: 'adaptivePriority', value: priority }],
  });

  it('fills a market order inside the spread by priority: Patient half of it, Normal a quarter, Urgent none', () => {
    for (const [priority, share] of [
      ['Patient', 0.5],
      ['Normal', 0.25],
      ['Urgent', 0],
    ] as const) {
      const world = makeWorld();
      // An option: stocks here quote one tick wide, leaving no room inside the spread.
      const call = aaplOption('C', 230);
      const { bid, ask } = world.quote(conIdOf(world, call));
      const spreadTicks = Math.round((ask - bid) * 100);
      expect(spreadTicks).toBeGreaterThanOrEqual(2);
      const placed = world.place(buy({ contract: call, totalQuantity: 1, ...adaptive(priority) }));
      const expected = roundToTick(ask - Math.floor(spreadTicks * share) / 100, 0.01);
      if (priority === 'Patient') expect(expected).toBeLessThan(ask);
      expect(placed.ok && placed.order).toMatchObject({ status: 'Filled', avgFillPrice: expected });
      expect(placed.ok && placed.order.request.algoParams).toEqual(adaptive(priority).algoParams);
    }
  });

  it('fills an Adaptive limit like a limit: not while the improved price is beyond it', () => {
    const world = makeWorld();
    const { bid } = world.quote(conIdOf(world, AAPL));
    const placed = world.place(buy({ orderType: 'LMT', lmtPrice: roundToTick(bid - 5, 0.01), ...adaptive('Patient') }));
    expect(placed.ok && placed.order.status).toBe('Submitted');
  });

  it.each([
    [{ orderType: 'STP', auxPrice: 500, ...adaptive('Normal') } as const, 'only market and limit'],
    [adaptive('Sleepy'), 'Invalid adaptivePriority'],
    [{ algoStrategy: 'Vwap' }, 'use Adaptive'],
  ])('refuses %j with error 201', (fields, reason) => {
    const world = makeWorld();
    const result = world.place(buy(fields as Partial<SimOrderRequest>));
    expect(result).toMatchObject({ ok: false, rejection: { code: 201 } });
    expect(!result.ok && result.rejection.message).toContain(reason);
  });
});
