import { World } from '../../../../src/simulator/world';
import {
  type ContractQuery,
  type SimOrder,
  type SimOrderRequest,
  type WorldEvent,
} from '../../../../src/simulator/world/types';

/** A pinned clock, so the option and future expiries — and with them the whole world — are reproducible. */
export const NOW = Date.UTC(2025, 5, 10, 15, 0, 0);

export const IRA = 'DU1000001';
export const INDIVIDUAL = 'DU1000002';
export const CORPORATION = 'DU1000003';

export const AAPL: ContractQuery = { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };
export const stock = (symbol: string): ContractQuery => ({ symbol, secType: 'STK' });
/** The monthly two months after NOW: the expiry of the options in the opening books. */
export const OPTION_EXPIRY = '20250815';
export const aaplOption = (right: 'C' | 'P', strike: number): ContractQuery => ({
  symbol: 'AAPL',
  secType: 'OPT',
  lastTradeDate: OPTION_EXPIRY,
  right,
  strike,
});
export const ES: ContractQuery = { symbol: 'ES', secType: 'FUT', exchange: 'CME' };
export const EUR_USD: ContractQuery = { symbol: 'EUR', secType: 'CASH', currency: 'USD', exchange: 'IDEALPRO' };

export function makeWorld(seed = 7): World {
  return new World({ seed, now: () => NOW });
}

export function conIdOf(world: World, query: ContractQuery): number {
  const found = world.findInstruments(query);
  if (found.length !== 1 || !found[0]) throw new Error(`Expected one instrument for ${JSON.stringify(query)}`);
  return found[0].conId;
}

let lastOrderId = 0;

type Essentials = Pick<SimOrderRequest, 'account' | 'contract' | 'action' | 'totalQuantity'>;

export function order(fields: Essentials & Partial<SimOrderRequest>): SimOrderRequest {
  lastOrderId += 1;
  return {
    orderId: lastOrderId,
    clientId: 0,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
    whatIf: false,
    transmit: true,
    ...fields,
  };
}

export function recordEvents(world: World): WorldEvent[] {
  const events: WorldEvent[] = [];
  world.on((event) => events.push(event));
  return events;
}

export function statusesOf(events: WorldEvent[], orderId: number): string[] {
  return events.flatMap((event) =>
    event.type === 'orderStatus' && event.order.request.orderId === orderId ? [event.order.status] : [],
  );
}

/** Steps one tick at a time until `done`, failing loudly rather than looping forever. */
export function stepUntil(world: World, done: () => boolean, maxTicks = 300_000): number {
  for (let ticks = 0; ticks < maxTicks; ticks += 1) {
    if (done()) return ticks;
    world.step(1);
  }
  throw new Error(`Condition not met within ${maxTicks} ticks`);
}

export function findOrder(world: World, orderId: number): SimOrder | undefined {
  return [...world.openOrders(), ...world.completedOrders()].find((o) => o.request.orderId === orderId);
}

export function positionOf(world: World, account: string, conId: number): number {
  return world.positions(account).find((position) => position.conId === conId)?.quantity ?? 0;
}

export function cashOf(world: World, account: string, currency: string): { total: number; settled: number } {
  const line = world.cash(account).find((balance) => balance.currency === currency);
  return { total: line?.total ?? 0, settled: line?.settled ?? 0 };
}

/** True when `price` is a whole number of `tick`s (to float precision). */
export function onTick(price: number, tick: number): boolean {
  const ticks = price / tick;
  return Math.abs(ticks - Math.round(ticks)) < 1e-6;
}
