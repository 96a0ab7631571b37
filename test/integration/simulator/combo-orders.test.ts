import {
  EventName,
  OrderAction,
  OrderType,
  SecType,
  type ComboLeg,
  type CommissionReport,
  type Contract,
  type Execution,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { type Instrument } from '../../../src/simulator/world';
import { COMBO_CONID } from '../../../src/simulator/world/combo-desk';
import { connectApi, recordEvents, until, type RawApiClient } from './ib-client';

/** Combo (BAG) orders through @stoqey/ib's strict decoder: a roll that fills both legs at once, and refusals. */

const IRA = 'DU1000001';

type Status = [orderId: number, status: string, filled: number, remaining: number, avgFillPrice: number];
type OpenOrder = [orderId: number, contract: Contract, order: Order, state: OrderState];
type ExecDetails = [reqId: number, contract: Contract, execution: Execution];
type Failure = { code: number; reqId: number; message: string };

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
});
afterAll(async () => {
  await sim.close();
});

const aapl = () => sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0] as Instrument;
/** The AAPL call of an expiry (index into the listed expiries) at the first strike above the price. */
function call(expiryIndex: number): Instrument {
  const calls = sim.world.findInstruments({ symbol: 'AAPL', secType: 'OPT', right: 'C' });
  const expiries = [...new Set(calls.map((option) => option.lastTradeDate))].sort();
  const mid = (sim.world.quote(aapl().conId).bid + sim.world.quote(aapl().conId).ask) / 2;
  const strike = Math.min(...calls.filter((option) => option.strike > mid).map((option) => option.strike));
  return calls.find(
    (option) => option.lastTradeDate === expiries[expiryIndex] && option.strike === strike,
  ) as Instrument;
}
const position = (conId: number) => sim.world.positions(IRA).find((p) => p.conId === conId)?.quantity ?? 0;

const option = (instrument: Instrument): Contract => ({
  conId: instrument.conId,
  symbol: 'AAPL',
  secType: SecType.OPT,
  exchange: 'SMART',
  currency: 'USD',
});
const leg = (conId: number, action: OrderAction, ratio = 1): ComboLeg => ({
  conId,
  ratio,
  action,
  exchange: 'SMART',
  openClose: 0,
  shortSaleSlot: 0,
  designatedLocation: '',
  exemptCode: -1,
});
const bag = (legs: ComboLeg[]): Contract => ({
  symbol: 'AAPL',
  secType: SecType.BAG,
  exchange: 'SMART',
  currency: 'USD',
  comboLegs: legs,
});
const limitOrder = (action: OrderAction, quantity: number, lmtPrice: number): Order => ({
  action,
  totalQuantity: quantity,
  orderType: OrderType.LMT,
  lmtPrice,
  tif: 'DAY',
  account: IRA,
  transmit: true,
});
/** The roll's net debit at the market: buy the old call at its ask, sell the new one at its bid. */
const rollDebit = (old: Instrument, next: Instrument) =>
  Math.round((sim.world.quote(old.conId).ask - sim.world.quote(next.conId).bid) * 100) / 100;

describe.each([157, 178, 193])('combo orders at server version %i', (version) => {
  let client: RawApiClient;
  let nextId = 0;
  let statuses: Status[];
  let openOrders: OpenOrder[];
  let executions: ExecDetails[];
  let commissions: [CommissionReport][];
  let failures: Failure[];

  beforeAll(async () => {
    client = await connectApi(sim.port, version, 5000, version);
    expect(client.api.serverVersion).toBe(version);
    nextId = client.nextValidId;
    statuses = recordEvents<Status>(client.api, EventName.orderStatus);
    openOrders = recordEvents<OpenOrder>(client.api, EventName.openOrder);
    executions = recordEvents<ExecDetails>(client.api, EventName.execDetails);
    commissions = recordEvents<[CommissionReport]>(client.api, EventName.commissionReport);
    failures = [];
    client.api.on(EventName.error, (error: Error, code: number, reqId: number) =>
      failures.push({ code, reqId, message: error.message }),
    );
  });
  afterEach(() => client.reports.expectClean());
  afterAll(() => client.close());

  const statusOf = (orderId: number, status: string) =>
    until(() => statuses.find(([id, s]) => id === orderId && s === status), 3000, `order ${orderId} ${status}`);
  const failureOf = (orderId: number) =>
    until(() => failures.find((failure) => failure.reqId === orderId), 3000, `an error for order ${orderId}`);

  it('rolls a covered call as one combo: both legs fill at once, each reported, and the BAG echoed', async () => {
    const old = call(3);
    const next = call(5);
    // Write two covered calls first, so the IRA has a short call to roll.
    const write = nextId++;
    client.api.placeOrder(write, option(old), {
      ...limitOrder(OrderAction.SELL, 2, sim.world.quote(old.conId).bid),
    });
    await statusOf(write, 'Filled');
    const stockBefore = position(aapl().conId);
    expect(position(old.conId)).toBe(-2);

    const roll = nextId++;
    const legs = [leg(old.conId, OrderAction.BUY), leg(next.conId, OrderAction.SELL)];
    const debit = rollDebit(old, next);
    client.api.placeOrder(roll, bag(legs), limitOrder(OrderAction.BUY, 2, debit));
    await statusOf(roll, 'Filled');

    expect(position(old.conId)).toBe(0);
    expect(position(next.conId)).toBe(-2);
    expect(position(aapl().conId)).toBe(stockBefore);
    const echoed = openOrders.find(([id]) => id === roll);
    expect(echoed?.[1]).toMatchObject({ conId: COMBO_CONID, secType: 'BAG', symbol: 'AAPL', currency: 'USD' });
    expect(echoed?.[1].comboLegs?.map(({ conId, ratio, action }) => ({ conId, ratio, action }))).toEqual([
      { conId: old.conId, ratio: 1, action: 'BUY' },
      { conId: next.conId, ratio: 1, action: 'SELL' },
    ]);
    expect(echoed?.[2]).toMatchObject({ action: 'BUY', totalQuantity: 2, orderType: 'LMT', lmtPrice: debit });

    const rollFills = executions.filter(([, , execution]) => execution.orderId === roll);
    expect(rollFills.map(([, contract, execution]) => [contract.conId, execution.side, execution.shares])).toEqual([
      [old.conId, 'BOT', 2],
      [next.conId, 'SLD', 2],
      [COMBO_CONID, 'BOT', 2],
    ]);
    const [, , combo] = rollFills[2] ?? [];
    expect(combo?.price).toBeCloseTo(debit, 6);
    const legIds = rollFills.slice(0, 2).map(([, , execution]) => execution.execId);
    await until(() => (legIds.every((id) => commissions.some(([c]) => c.execId === id)) ? true : undefined));

    // Back to the start for the next server version: close the new calls.
    const close = nextId++;
    client.api.placeOrder(close, option(next), {
      ...limitOrder(OrderAction.BUY, 2, sim.world.quote(next.conId).ask),
    });
    await statusOf(close, 'Filled');
  });

  it('rests a combo whose limit the net market does not reach, lists it as a BAG, and cancels it', async () => {
    const old = call(3);
    const next = call(5);
    // A calendar spread bought far below its market: neither leg trades alone.
    const id = nextId++;
    const spread = [leg(old.conId, OrderAction.SELL), leg(next.conId, OrderAction.BUY)];
    client.api.placeOrder(id, bag(spread), limitOrder(OrderAction.BUY, 1, 0.01));
    await statusOf(id, 'Submitted');
    expect(executions.some(([, , execution]) => execution.orderId === id)).toBe(false);

    const listed = recordEvents<OpenOrder>(client.api, EventName.openOrder);
    let ended = false;
    client.api.once(EventName.openOrderEnd, () => (ended = true));
    client.api.reqOpenOrders();
    await until(() => (ended ? true : undefined), 3000, 'openOrderEnd');
    expect(listed.find(([orderId]) => orderId === id)?.[1].comboLegs).toHaveLength(2);

    client.api.cancelOrder(id);
    await statusOf(id, 'Cancelled');
    expect(position(old.conId)).toBe(0);
  });

  it('answers a combo what-if on the BAG contract, with the legs’ commission, and places nothing', async () => {
    const old = call(3);
    const next = call(5);
    const id = nextId++;
    const legs = [leg(old.conId, OrderAction.SELL), leg(next.conId, OrderAction.BUY)];
    client.api.placeOrder(id, bag(legs), { ...limitOrder(OrderAction.BUY, 1, 5), whatIf: true });
    const [, contract, , state] = await until(() => openOrders.find(([orderId]) => orderId === id), 3000, 'what-if');
    expect(contract).toMatchObject({ conId: COMBO_CONID, secType: 'BAG' });
    // Two option legs of one contract each: IBKR's 1.00 minimum per leg.
    expect(state.commission).toBeCloseTo(2, 6);
    expect(sim.world.openOrders().some((order) => order.request.orderId === id)).toBe(false);
  });

  it('refuses a combo with a leg it does not know, with error 200', async () => {
    const id = nextId++;
    client.api.placeOrder(
      id,
      bag([leg(call(3).conId, OrderAction.BUY), leg(999_999_999, OrderAction.SELL)]),
      limitOrder(OrderAction.BUY, 1, 1),
    );
    const failure = await failureOf(id);
    expect(failure).toMatchObject({ code: 200 });
    expect(failure.message).toMatch(/No security definition/);
  });

  it('judges the legs as a whole in the IRA: a roll that writes more calls than the shares cover is naked', async () => {
    const old = call(3);
    const next = call(5);
    const write = nextId++;
    client.api.placeOrder(write, option(old), {
      ...limitOrder(OrderAction.SELL, 1, sim.world.quote(old.conId).bid),
    });
    await statusOf(write, 'Filled');
    // Closing one call frees 100 shares, but three new calls need 300 of the 200 held.
    const id = nextId++;
    client.api.placeOrder(
      id,
      bag([leg(old.conId, OrderAction.BUY), leg(next.conId, OrderAction.SELL, 3)]),
      limitOrder(OrderAction.BUY, 1, 0),
    );
    const failure = await failureOf(id);
    expect(failure.code).toBe(201);
    expect(failure.message).toMatch(/naked/i);
    expect(position(next.conId)).toBe(0);

    const close = nextId++;
    client.api.placeOrder(close, option(old), {
      ...limitOrder(OrderAction.BUY, 1, sim.world.quote(old.conId).ask),
    });
    await statusOf(close, 'Filled');
  });
});
