import {
  EventName,
  OrderAction,
  OrderType,
  SecType,
  type CommissionReport,
  type Contract,
  type Execution,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, connectNext, delay, nextEvent, recordEvents, until, type RawApiClient } from './ib-client';

const IRA = 'DU1000001';
const INDIVIDUAL = 'DU1000002';
const CORPORATION = 'DU1000003';
const ACCOUNTS = [IRA, INDIVIDUAL, CORPORATION];

const stock = (symbol: string): Contract => ({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' });

type Status = [
  orderId: number,
  status: string,
  filled: number,
  remaining: number,
  avgFillPrice: number,
  permId: number,
  parentId: number,
  lastFillPrice: number,
  clientId: number,
];
type OpenOrder = [orderId: number, contract: Contract, order: Order, state: OrderState];
type ExecDetails = [reqId: number, contract: Contract, execution: Execution];

let sim: Simulator;
let trader: RawApiClient;
let monitor: RawApiClient;
let nextId = 0;
let statuses: Status[];
let openOrders: OpenOrder[];
let executions: ExecDetails[];
let commissions: [CommissionReport][];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
  // The monitor is client 0, the only one that may bind other clients' orders.
  [trader, monitor] = await Promise.all([connectApi(sim.port, 2), connectApi(sim.port, 0)]);
  nextId = trader.nextValidId;
  statuses = recordEvents<Status>(trader.api, EventName.orderStatus);
  openOrders = recordEvents<OpenOrder>(trader.api, EventName.openOrder);
  executions = recordEvents<ExecDetails>(trader.api, EventName.execDetails);
  commissions = recordEvents<[CommissionReport]>(trader.api, EventName.commissionReport);
});
afterEach(() => {
  trader.reports.expectClean();
  monitor.reports.expectClean();
});
afterAll(async () => {
  trader.close();
  monitor.close();
  await sim.close();
});

const conId = (symbol: string) => sim.world.findInstruments({ symbol, secType: 'STK' })[0]?.conId ?? 0;
const quote = (symbol: string) => sim.world.quote(conId(symbol));

function order(action: OrderAction, quantity: number, account: string, limit?: number): Order {
  return {
    action,
    totalQuantity: quantity,
    orderType: limit === undefined ? OrderType.MKT : OrderType.LMT,
    lmtPrice: limit,
    tif: 'DAY',
    account,
    transmit: true,
  };
}

function place(symbol: string, details: Order, client = trader): number {
  const id = nextId++;
  client.api.placeOrder(id, stock(symbol), details);
  return id;
}

const statusOf = (orderId: number, status: string) =>
  until(() => statuses.find(([id, s]) => id === orderId && s === status), 3000, `order ${orderId} ${status}`);

interface Book {
  cash: Map<string, string>;
  positions: Map<string, number>;
}

/** Each account's TotalCashValue and positions, as a client sees them. */
async function book(client: RawApiClient, reqId: number): Promise<Book> {
  const cash = new Map<string, string>();
  const lines = recordEvents<[number, string, string, string]>(client.api, EventName.accountSummary);
  const summaryEnd = nextEvent<[number]>(client.api, EventName.accountSummaryEnd, (id) => id === reqId);
  client.api.reqAccountSummary(reqId, 'All', 'TotalCashValue');
  await summaryEnd;
  client.api.cancelAccountSummary(reqId);
  for (const [id, account, , value] of lines) if (id === reqId) cash.set(account, value);

  const positions = new Map<string, number>();
  const rows = recordEvents<[string, Contract, number]>(client.api, EventName.position);
  const positionEnd = nextEvent(client.api, EventName.positionEnd);
  client.api.reqPositions();
  await positionEnd;
  client.api.cancelPositions();
  for (const [account, contract, quantity] of rows) positions.set(`${account}|${contract.conId}`, quantity);
  return { cash, positions };
}

describe('placeOrder', () => {
  it('keeps a limit buy below the market Submitted, then cancels it (Cancelled + 202)', async () => {
    const limit = Math.floor(quote('AAPL').bid - 20);
    const id = place('AAPL', { ...order(OrderAction.BUY, 10, INDIVIDUAL, limit), tif: 'GTC', orderRef: 'gh-limit-1' });
    await statusOf(id, 'Submitted');
    await delay(50);
    expect(statuses.filter(([orderId]) => orderId === id).map(([, s]) => s)).not.toContain('Filled');
    const [, contract, placed, state] = openOrders.filter(([orderId]) => orderId === id).at(-1) ?? [];
    expect(contract?.conId).toBe(conId('AAPL'));
    expect(placed).toMatchObject({
      action: 'BUY',
      totalQuantity: 10,
      orderType: 'LMT',
      lmtPrice: limit,
      tif: 'GTC',
      account: INDIVIDUAL,
      orderRef: 'gh-limit-1',
      clientId: 2,
    });
    expect(placed?.permId).toBeGreaterThan(0);
    expect(state?.status).toBe('Submitted');
    trader.api.cancelOrder(id);
    await statusOf(id, 'Cancelled');
    await trader.reports.code(202, id);
  });

  it('fills a market buy at the ask, with execDetails and a commission report, in that account only', async () => {
    const before = await book(monitor, 901);
    const ask = quote('AAPL').ask;
    const id = place('AAPL', order(OrderAction.BUY, 10, INDIVIDUAL));
    const [, filled, remaining, avgFillPrice] = (await statusOf(id, 'Filled')).slice(1) as number[];
    expect([filled, remaining, avgFillPrice]).toEqual([10, 0, ask]);
    const execution = await until(() => executions.find(([, , e]) => e.orderId === id));
    expect(execution[0]).toBe(-1);
    expect(execution[1].symbol).toBe('AAPL');
    expect(execution[2]).toMatchObject({ acctNumber: INDIVIDUAL, side: 'BOT', shares: 10, price: ask, cumQty: 10 });
    const report = await until(() => commissions.find(([c]) => c.execId === execution[2].execId));
    expect(report[0].commission).toBeGreaterThan(0);
    expect(report[0].currency).toBe('USD');

    await delay(100); // one account refresh
    const after = await book(monitor, 902);
    const aapl = `${INDIVIDUAL}|${conId('AAPL')}`;
    expect(before.positions.get(aapl)).toBe(100);
    expect(after.positions.get(aapl)).toBe(110);
    expect(Number(after.cash.get(INDIVIDUAL))).toBeCloseTo(
      Number(before.cash.get(INDIVIDUAL)) - 10 * ask - (report[0].commission ?? 0),
      2,
    );
    for (const account of [IRA, CORPORATION]) {
      expect(after.cash.get(account), account).toBe(before.cash.get(account));
      const mine = (positions: Map<string, number>) => [...positions].filter(([key]) => key.startsWith(account));
      expect(mine(after.positions), account).toEqual(mine(before.positions));
    }
  });

  it('pushes a fill to position and account-value subscribers', async () => {
    const positions = recordEvents<[string, Contract, number, number]>(monitor.api, EventName.position);
    const end = nextEvent(monitor.api, EventName.positionEnd);
    monitor.api.reqPositions();
    await end;
    const initial = positions.length;
    expect(positions.some(([account, c]) => account === CORPORATION && c.symbol === 'SPY')).toBe(false);
    const updates = recordEvents<[string, string, string, string]>(trader.api, EventName.updateAccountValue);
    const download = nextEvent(trader.api, EventName.accountDownloadEnd);
    trader.api.reqAccountUpdates(true, CORPORATION);
    await download;
    const cashBefore = updates.find(([key, , currency]) => key === 'TotalCashBalance' && currency === 'USD')?.[1];

    const id = place('SPY', order(OrderAction.BUY, 5, CORPORATION));
    await statusOf(id, 'Filled');
    const [, , quantity, avgCost] = await until(
      () => positions.find(([account, c]) => account === CORPORATION && c.symbol === 'SPY'),
      2000,
      'the new SPY position',
    );
    expect(quantity).toBe(5);
    expect(avgCost).toBeGreaterThan(quote('SPY').ask); // the average cost includes the commission
    const cashAfter = await until(() => {
      const latest = updates.filter(([key, , currency]) => key === 'TotalCashBalance' && currency === 'USD').at(-1);
      return latest && latest[1] !== cashBefore ? latest[1] : undefined;
    });
    expect(Number(cashAfter)).toBeLessThan(Number(cashBefore) - 5 * quote('SPY').bid);
    // Only the account that traded changed.
    expect(positions.slice(initial).map(([account, c]) => `${account} ${c.symbol}`)).toEqual([`${CORPORATION} SPY`]);
    monitor.api.cancelPositions();
    trader.api.reqAccountUpdates(false, CORPORATION);
  });

  it('fills a large order in parts as the market moves', async () => {
    const id = place('KO', order(OrderAction.BUY, 1400, CORPORATION));
    // The first clip fills at once; the rest waits for the market to move.
    const partial = await until(() =>
      statuses.find(([orderId, s, filled]) => orderId === id && s === 'Submitted' && filled > 0),
    );
    expect(partial.slice(2, 4)).toEqual([500, 900]);
    for (let round = 0; round < 50 && !statuses.some(([o, s]) => o === id && s === 'Filled'); round += 1) {
      sim.step(200);
      await delay(5);
    }
    await statusOf(id, 'Filled');
    const fills = executions.filter(([, , e]) => e.orderId === id).map(([, , e]) => e.shares ?? 0);
    expect(fills.length).toBeGreaterThanOrEqual(3);
    expect(fills[0]).toBe(500);
    expect(fills.reduce((sum, shares) => sum + shares, 0)).toBe(1400);
  });

  it('refuses a short sale in the IRA with 201', async () => {
    const id = place('MSFT', order(OrderAction.SELL, 10, IRA));
    expect((await trader.reports.code(201, id)).message).toMatch(/Order rejected/);
    expect(statuses.some(([orderId]) => orderId === id)).toBe(false);
  });

  it('answers a what-if order with an openOrder carrying margin and commission, and places nothing', async () => {
    const id = place('MSFT', { ...order(OrderAction.BUY, 20, INDIVIDUAL), whatIf: true });
    const [, contract, , state] = await until(() => openOrders.find(([orderId]) => orderId === id));
    expect(contract.symbol).toBe('MSFT');
    expect(state.initMarginChange).toBeGreaterThan(0);
    expect(state.commission).toBeGreaterThan(0);
    expect(state.commissionCurrency).toBe('USD');
    expect(sim.world.openOrders().some((o) => o.request.orderId === id)).toBe(false);
    expect(statuses.some(([orderId]) => orderId === id)).toBe(false);
  });

  it('refuses a filled order id again with 103', async () => {
    const id = place('KO', order(OrderAction.BUY, 1, INDIVIDUAL));
    await statusOf(id, 'Filled');
    trader.api.placeOrder(id, stock('KO'), order(OrderAction.BUY, 1, INDIVIDUAL));
    expect((await trader.reports.code(103, id)).message).toContain('Duplicate order id');
  });

  it('answers a cancel for an unknown order with 10147', async () => {
    trader.api.cancelOrder(987_654);
    expect((await trader.reports.code(10147, 987_654)).message).toContain('987654');
  });

  it('does not let one client amend or cancel another client’s order', async () => {
    const limit = Math.floor(quote('GLD').bid - 10);
    const id = place('GLD', order(OrderAction.BUY, 2, CORPORATION, limit));
    await statusOf(id, 'Submitted');
    // The monitor (client 0) reuses the id with a marketable price, then tries to cancel it.
    monitor.api.placeOrder(id, stock('GLD'), order(OrderAction.BUY, 9, CORPORATION, Math.ceil(quote('GLD').ask + 5)));
    expect((await monitor.reports.code(103, id)).message).toContain('Duplicate order id');
    monitor.api.cancelOrder(id);
    await monitor.reports.code(10147, id);
    await delay(50);
    const open = sim.world.openOrders().find((o) => o.request.orderId === id);
    expect([open?.request.clientId, open?.request.totalQuantity, open?.request.lmtPrice, open?.status]).toEqual([
      2,
      2,
      limit,
      'Submitted',
    ]);
    trader.api.cancelOrder(id);
    await statusOf(id, 'Cancelled');
  });

  it('cancels everything on reqGlobalCancel', async () => {
    const limit = Math.floor(quote('XOM').bid - 10);
    const ids = [
      place('XOM', order(OrderAction.BUY, 5, CORPORATION, limit)),
      place('XOM', order(OrderAction.BUY, 6, CORPORATION, limit)),
    ];
    for (const id of ids) await statusOf(id, 'Submitted');
    trader.api.reqGlobalCancel();
    for (const id of ids) await statusOf(id, 'Cancelled');
    expect(sim.world.openOrders()).toEqual([]);
  });
});

describe('order lists', () => {
  it('reqOpenOrders shows only the client’s own orders, reqAllOpenOrders every one, reqAutoOpenOrders binds new ones', async () => {
    const id = place('JPM', order(OrderAction.BUY, 3, CORPORATION, Math.floor(quote('JPM').bid - 10)));
    await statusOf(id, 'Submitted');

    const mine = recordEvents<OpenOrder>(trader.api, EventName.openOrder);
    const ownEnd = nextEvent(trader.api, EventName.openOrderEnd);
    trader.api.reqOpenOrders();
    await ownEnd;
    expect(mine.map(([orderId]) => orderId)).toEqual([id]);

    const seen = recordEvents<OpenOrder>(monitor.api, EventName.openOrder);
    const monitorEnd = nextEvent(monitor.api, EventName.openOrderEnd);
    monitor.api.reqOpenOrders();
    await monitorEnd;
    expect(seen).toEqual([]);

    const allEnd = nextEvent(monitor.api, EventName.openOrderEnd);
    monitor.api.reqAllOpenOrders();
    await allEnd;
    expect(seen.map(([orderId, , o]) => [orderId, o.clientId])).toEqual([[id, 2]]);

    monitor.api.reqAutoOpenOrders(true);
    await delay(30);
    const later = place('JPM', order(OrderAction.BUY, 4, CORPORATION, Math.floor(quote('JPM').bid - 10)));
    await until(() => seen.find(([orderId]) => orderId === later), 3000, 'the bound order');

    trader.api.reqAutoOpenOrders(true);
    expect((await trader.reports.code(327)).message).toContain('clientId set to 0');
    trader.api.reqGlobalCancel();
    await statusOf(later, 'Cancelled');
  });

  it('reqCompletedOrders lists filled and cancelled orders', async () => {
    type Completed = [Contract, Order, OrderState];
    const completed = recordEvents<Completed>(trader.api, EventName.completedOrder);
    const end = nextEvent(trader.api, EventName.completedOrdersEnd);
    trader.api.reqCompletedOrders(false);
    await end;
    const states = completed.map(([contract, o, state]) => `${contract.symbol}:${o.totalQuantity}:${state.status}`);
    expect(states).toEqual(expect.arrayContaining(['AAPL:10:Filled', 'AAPL:10:Cancelled', 'KO:1400:Filled']));
    expect(completed.every(([, o]) => ACCOUNTS.includes(o.account ?? ''))).toBe(true);
  });

  it('reqExecutions lists every execution, or those matching a filter', async () => {
    const all = recordEvents<ExecDetails>(trader.api, EventName.execDetails);
    const allEnd = nextEvent<[number]>(trader.api, EventName.execDetailsEnd, (reqId) => reqId === 41);
    trader.api.reqExecutions(41, {});
    await allEnd;
    const everything = all.filter(([reqId]) => reqId === 41);
    expect(everything.length).toBe(sim.world.executions().length);
    expect(new Set(everything.map(([, c]) => c.symbol))).toEqual(new Set(['AAPL', 'KO', 'SPY']));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const later = nextEvent<[number]>(trader.api, EventName.execDetailsEnd, (reqId) => reqId === 43);
    trader.api.reqExecutions(43, { time: `${future.slice(0, 10).replaceAll('-', '')}-${future.slice(11, 19)}` });
    await later;
    expect(all.filter(([reqId]) => reqId === 43)).toEqual([]);

    const filtered = nextEvent<[number]>(trader.api, EventName.execDetailsEnd, (reqId) => reqId === 42);
    trader.api.reqExecutions(42, { symbol: 'KO', acctCode: CORPORATION });
    await filtered;
    const ko = all.filter(([reqId]) => reqId === 42);
    expect(ko.length).toBeGreaterThanOrEqual(3);
    expect(ko.every(([, c, e]) => c.symbol === 'KO' && e.acctNumber === CORPORATION)).toBe(true);
  });
});

describe('through IBApiNext', () => {
  it('places, amends to fill, and lists open orders and executions', async () => {
    const next = await connectNext(sim.port, 3);
    try {
      const firstId = await next.api.getNextValidOrderId();
      expect(firstId).toBe(sim.world.nextOrderId());
      nextId = Math.max(nextId, firstId + 1);
      const low = Math.floor(quote('TSLA').bid - 15);
      const id = await next.api.placeNewOrder(stock('TSLA'), order(OrderAction.BUY, 7, INDIVIDUAL, low));
      const listed = await next.api.getAllOpenOrders();
      const mine = listed.find((o) => o.orderId === id);
      expect(mine?.order.lmtPrice).toBe(low);
      expect(mine?.orderState.status).toBe('Submitted');

      // Amending the limit above the ask makes it marketable: it fills at the ask.
      const ask = quote('TSLA').ask;
      // The live fill (request id -1) must have arrived first: IBApiNext adds any execDetails to a pending reqExecutions.
      const live = nextEvent<ExecDetails>(
        next.raw,
        EventName.execDetails,
        (reqId, _contract, e) => reqId === -1 && e.orderId === id,
      );
      next.api.modifyOrder(id, stock('TSLA'), order(OrderAction.BUY, 7, INDIVIDUAL, Math.ceil(ask + 5)));
      expect((await live)[2]).toMatchObject({ shares: 7, price: ask });
      const fills = await next.api.getExecutionDetails({ symbol: 'TSLA' });
      expect(fills.map((fill) => [fill.execution.orderId, fill.execution.shares, fill.execution.price])).toEqual([
        [id, 7, ask],
      ]);
      next.reports.expectClean();
    } finally {
      next.close();
    }
  });
});

describe('read-only login', () => {
  it('refuses placeOrder with 321', async () => {
    const readOnly = await startSimulator({ port: 0, tickRate: 0, seed: 42, readOnly: true });
    const client = await connectApi(readOnly.port, 7);
    try {
      client.api.placeOrder(client.nextValidId, stock('AAPL'), order(OrderAction.BUY, 1, INDIVIDUAL));
      expect((await client.reports.code(321, client.nextValidId)).message).toContain('Read-Only');
      expect(readOnly.world.executions()).toEqual([]);
      client.reports.expectClean();
    } finally {
      client.close();
      await readOnly.close();
    }
  });
});
