import {
  EventName,
  OrderAction,
  OrderType,
  SecType,
  type Contract,
  type Execution,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { TRAIL_REPORT_MS } from '../../../src/simulator/world/order-engine';
import { connectApi, delay, recordEvents, until, type RawApiClient } from './ib-client';

/**
 * Brackets, OCA groups, trailing stops and the Adaptive algo through @stoqey/ib's IBApi over a real socket:
 * what the client sends is what the simulator works, and what it echoes decodes cleanly (any "unprocessed
 * data" or underrun fails the test in afterEach).
 */

const INDIVIDUAL = 'DU1000002';
const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

type Status = [
  orderId: number,
  status: string,
  filled: number,
  remaining: number,
  avg: number,
  permId: number,
  parentId: number,
];
type OpenOrder = [orderId: number, contract: Contract, order: Order, state: OrderState];

let sim: Simulator;
let trader: RawApiClient;
let nextId = 0;
let statuses: Status[];
let openOrders: OpenOrder[];
let executions: [number, Contract, Execution][];
/** The simulator's clock runs ahead of the wall clock by this much, so a test can move time for trail reports. */
let skew = 0;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50, now: () => Date.now() + skew });
  trader = await connectApi(sim.port, 5);
  nextId = trader.nextValidId;
  statuses = recordEvents<Status>(trader.api, EventName.orderStatus);
  openOrders = recordEvents<OpenOrder>(trader.api, EventName.openOrder);
  executions = recordEvents(trader.api, EventName.execDetails);
});
afterEach(() => trader.reports.expectClean());
afterAll(async () => {
  trader.close();
  await sim.close();
});

const aaplConId = () => sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0]?.conId ?? 0;
const quote = () => sim.world.quote(aaplConId());
const cents = (price: number) => Math.round(price * 100) / 100;

function place(details: Partial<Order>, id = nextId++): number {
  trader.api.placeOrder(id, AAPL, { tif: 'DAY', account: INDIVIDUAL, transmit: true, ...details } as Order);
  return id;
}

const statusOf = (orderId: number, status: string) =>
  until(() => statuses.find(([id, s]) => id === orderId && s === status), 3000, `order ${orderId} ${status}`);
const lastOpenOrder = (orderId: number) => openOrders.filter(([id]) => id === orderId).at(-1);
const statusesOf = (orderId: number) => statuses.filter(([id]) => id === orderId).map(([, s]) => s);

/** IBKR's bracket: an entry, a take-profit and a stop-loss, only the last one transmitted. */
function bracket(entry: Partial<Order>) {
  const { bid, ask } = quote();
  const parent = place({ action: OrderAction.BUY, totalQuantity: 100, transmit: false, ...entry });
  const exit = { action: OrderAction.SELL, totalQuantity: 100, parentId: parent };
  const takeProfit = place({ ...exit, orderType: OrderType.LMT, lmtPrice: cents(ask + 5), transmit: false });
  return {
    parent,
    takeProfit,
    sendStopLoss: () => place({ ...exit, orderType: OrderType.STP, auxPrice: cents(bid - 5), transmit: true }),
  };
}

describe('brackets', () => {
  it('holds untransmitted legs as Inactive until the last child sends them all; children work once the entry fills', async () => {
    const { parent, takeProfit, sendStopLoss } = bracket({ orderType: OrderType.MKT });
    await statusOf(takeProfit, 'Inactive');
    await delay(50);
    expect(statusesOf(parent)).toEqual(['Inactive']);
    expect(executions.some(([, , e]) => e.orderId === parent)).toBe(false);

    const stopLoss = sendStopLoss();
    await statusOf(parent, 'Filled');
    await statusOf(takeProfit, 'Submitted');
    await statusOf(stopLoss, 'PreSubmitted');
    const [, , , , , , parentId] = (await statusOf(takeProfit, 'Submitted')) as Status;
    expect(parentId).toBe(parent);
    expect(lastOpenOrder(stopLoss)?.[2]).toMatchObject({ parentId: parent, orderType: 'STP' });
  });

  it('refuses a child whose parent does not exist with 10006', async () => {
    const orphan = place({ action: OrderAction.SELL, totalQuantity: 10, orderType: OrderType.MKT, parentId: 987_654 });
    const error = await trader.reports.code(10006, orphan);
    expect(error.message).toBe('Missing parent order.');
  });

  it('cancels the children with the parent (202 each), and a modified child keeps its parent', async () => {
    const far = cents(quote().bid - 30);
    const { parent, takeProfit, sendStopLoss } = bracket({ orderType: OrderType.LMT, lmtPrice: far });
    const stopLoss = sendStopLoss();
    await statusOf(stopLoss, 'PreSubmitted');
    const raised = cents(quote().ask + 7);
    place(
      { action: OrderAction.SELL, totalQuantity: 60, orderType: OrderType.LMT, lmtPrice: raised, parentId: parent },
      takeProfit,
    );
    await until(() => (lastOpenOrder(takeProfit)?.[2].lmtPrice === raised ? true : undefined));
    expect(lastOpenOrder(takeProfit)?.[2]).toMatchObject({ totalQuantity: 60, parentId: parent });

    trader.api.cancelOrder(parent);
    for (const id of [parent, takeProfit, stopLoss]) {
      await statusOf(id, 'Cancelled');
      await trader.reports.code(202, id);
    }
  });
});

describe('one-cancels-all', () => {
  it('cancels the rest of an ocaType 1 group when one fills, echoing the group and type', async () => {
    const { bid } = quote();
    const sell = {
      action: OrderAction.SELL,
      totalQuantity: 10,
      orderType: OrderType.LMT,
      ocaGroup: 'exit-A',
      ocaType: 1,
    };
    const resting = place({ ...sell, lmtPrice: cents(bid + 10) });
    await statusOf(resting, 'Submitted');
    expect(lastOpenOrder(resting)?.[2]).toMatchObject({ ocaGroup: 'exit-A', ocaType: 1 });
    const marketable = place({ ...sell, lmtPrice: cents(bid - 1) });
    await statusOf(marketable, 'Filled');
    await statusOf(resting, 'Cancelled');
    await trader.reports.code(202, resting);
  });
});

describe('trailing stops', () => {
  it('reports the TRAIL stop as it follows the bid, then sells when the bid falls to it', async () => {
    const amount = 0.25;
    const start = quote().bid;
    const trail = place({ action: OrderAction.SELL, totalQuantity: 10, orderType: OrderType.TRAIL, auxPrice: amount });
    await statusOf(trail, 'PreSubmitted');
    expect(lastOpenOrder(trail)?.[2]).toMatchObject({
      orderType: 'TRAIL',
      auxPrice: amount,
      trailStopPrice: cents(start - amount),
    });
    const reported = new Set<number>();
    for (let round = 0; round < 400 && !statuses.some(([id, s]) => id === trail && s === 'Filled'); round += 1) {
      skew += TRAIL_REPORT_MS;
      sim.world.step(200);
      await delay(5);
      const stop = lastOpenOrder(trail)?.[2].trailStopPrice;
      if (stop !== undefined) reported.add(stop);
    }
    await statusOf(trail, 'Filled');
    // The stop moved (more than one value reached the client), and only ever up.
    const stops = openOrders.filter(([id]) => id === trail).map(([, , o]) => o.trailStopPrice ?? NaN);
    expect(reported.size).toBeGreaterThan(1);
    expect(stops).toEqual([...stops].sort((a, b) => a - b));
    const fill = await until(() => executions.find(([, , e]) => e.orderId === trail));
    expect(fill[2].price).toBeLessThanOrEqual(stops.at(-1) ?? NaN);
  });

  it('works a TRAIL LIMIT from its initial stop with its lmtPriceOffset, echoed in openOrder', async () => {
    const { bid } = quote();
    const trail = place({
      action: OrderAction.SELL,
      totalQuantity: 10,
      orderType: OrderType.TRAIL_LIMIT,
      auxPrice: 2,
      trailStopPrice: cents(bid + 1),
      lmtPriceOffset: 0.05,
    });
    // The stop above the bid triggers at once; the limit 0.05 under it is still above the bid, so it rests.
    await statusOf(trail, 'Submitted');
    expect(lastOpenOrder(trail)?.[2]).toMatchObject({ trailStopPrice: cents(bid + 1), lmtPriceOffset: 0.05 });
    expect(statusesOf(trail)).not.toContain('Filled');
    trader.api.cancelOrder(trail);
    await statusOf(trail, 'Cancelled');
  });

  it('refuses a TRAIL with neither a trailing amount nor a percent (201)', async () => {
    const id = place({ action: OrderAction.SELL, totalQuantity: 10, orderType: OrderType.TRAIL });
    const error = await trader.reports.code(201, id);
    expect(error.message).toContain('trailing amount or trailing percent');
  });
});

describe('the Adaptive algo', () => {
  const adaptive = { algoStrategy: 'Adaptive', algoParams: [{ tag: 'adaptivePriority', value: 'Patient' }] };

  it('fills an Adaptive market order and echoes the strategy and its params', async () => {
    const id = place({ action: OrderAction.BUY, totalQuantity: 5, orderType: OrderType.MKT, ...adaptive });
    await statusOf(id, 'Filled');
    expect(lastOpenOrder(id)?.[2]).toMatchObject(adaptive);
  });

  it('refuses Adaptive on a stop order (201)', async () => {
    const id = place({
      action: OrderAction.BUY,
      totalQuantity: 5,
      orderType: OrderType.STP,
      auxPrice: 500,
      ...adaptive,
    });
    const error = await trader.reports.code(201, id);
    expect(error.message).toContain('Adaptive');
  });
});
