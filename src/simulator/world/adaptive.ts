import { ticksPerUnit } from './ticks';
import { type OrderType, type Quote, type SimOrderRequest, type SimRejection } from './types';

/**
 * IBKR's Adaptive algo: a market or limit order worked inside the spread. The simulator fills it like its
 * order type, at a deterministic improvement on the touch that depends on the priority: Patient waits for
 * half the spread, Normal for a quarter, Urgent takes the touch.
 */

const PRIORITIES = { Patient: 0.5, Normal: 0.25, Urgent: 0 } as const;
type Priority = keyof typeof PRIORITIES;
const ADAPTIVE_TYPES: ReadonlySet<OrderType> = new Set(['MKT', 'LMT']);

type Algo = Pick<SimOrderRequest, 'orderType' | 'algoStrategy' | 'algoParams'>;

const isAdaptive = (order: Algo): boolean => order.algoStrategy === 'Adaptive';

function priorityOf(order: Algo): string {
  return order.algoParams?.find((param) => param.tag === 'adaptivePriority')?.value ?? 'Normal';
}

const isPriority = (value: string): value is Priority => Object.hasOwn(PRIORITIES, value);

const rejected = (reason: string): SimRejection => ({ code: 201, message: `Order rejected - reason:${reason}` });

/** The algo the order asks for is one the simulator works, on an order type it allows. */
export function checkAlgo(order: Algo): SimRejection | null {
  if (!order.algoStrategy) return null;
  if (!isAdaptive(order)) return rejected(`The ${order.algoStrategy} algo is not available here; use Adaptive.`);
  if (!ADAPTIVE_TYPES.has(order.orderType)) {
    return rejected(`The Adaptive algo works only market and limit orders, not ${order.orderType}.`);
  }
  const priority = priorityOf(order);
  if (!isPriority(priority)) {
    return rejected(`Invalid adaptivePriority "${priority}": use Patient, Normal or Urgent.`);
  }
  return null;
}

/** How far inside the touch the order executes: whole ticks, a share of the spread by priority, else 0. */
export function improvement(order: Algo, quote: Readonly<Quote>, minTick: number): number {
  if (!isAdaptive(order)) return 0;
  const priority = priorityOf(order);
  if (!isPriority(priority)) return 0;
  const perUnit = ticksPerUnit(minTick);
  const spreadTicks = Math.round((quote.ask - quote.bid) * perUnit);
  return Math.floor(spreadTicks * PRIORITIES[priority]) / perUnit;
}
