import type { OrderTicket } from '../../shared/ticket';
import type { GatewayOpenOrder } from './rule-context-builder';

/** Statuses after which an order no longer works and cannot be changed. */
const DONE = new Set(['Filled', 'Cancelled', 'ApiCancelled', 'Inactive']);

const num = (value: number | string | undefined) => (value === undefined || value === '' ? Number.NaN : Number(value));

/** How much of an open order has filled: its total less what remains, as the gateway last said. */
export function filledOf(order: GatewayOpenOrder): number {
  const remaining = order.orderStatus?.remaining;
  const total = num(order.order.totalQuantity);
  if (remaining !== undefined && Number.isFinite(total)) return Math.max(0, total - remaining);
  return order.order.filledQuantity ?? 0;
}

/**
 * The working order a modify ticket changes, or why it cannot be changed. IBKR's modify is a placeOrder
 * under the same id, which only the client that placed the order may send; and only the quantity, the
 * prices and the time in force may change (a different account, contract, side or type is a new order).
 * Pure, so every refusal is tested directly.
 */
export function modifyTarget(
  orders: readonly GatewayOpenOrder[],
  ticket: OrderTicket,
  conId: number,
  clientId: number | null,
): GatewayOpenOrder | string {
  const orderId = ticket.modifyOrderId;
  const withId = orders.filter((o) => o.orderId === orderId && !o.order.whatIf);
  const ours = withId.find((o) => clientId !== null && o.order.clientId === clientId);
  if (ours === undefined) {
    const other = withId[0];
    return other
      ? `Order ${orderId} was placed by API client ${other.order.clientId ?? 'unknown'}, not by Gatehouse; only the program that placed an order can modify it.`
      : `There is no working order ${orderId} from Gatehouse to modify; it may have filled or been cancelled.`;
  }
  const status = ours.orderStatus?.status ?? ours.orderState.status ?? '';
  if (DONE.has(status)) return `Order ${orderId} is ${status.toLowerCase()} and can no longer be modified.`;
  const fixed: string[] = [];
  if (ours.order.account !== ticket.account) fixed.push(`the account (${ours.order.account ?? 'unknown'})`);
  if (num(ours.contract.conId) !== conId) fixed.push('the instrument');
  if (ours.order.action !== ticket.action) fixed.push(`the side (${ours.order.action ?? 'unknown'})`);
  if (ours.order.orderType !== ticket.orderType) fixed.push(`the order type (${ours.order.orderType ?? 'unknown'})`);
  if (fixed.length > 0) {
    return `Order ${orderId} cannot change ${fixed.join(', ')}; only its quantity, prices and time in force can be modified. Cancel it and place a new order instead.`;
  }
  const filled = filledOf(ours);
  if (!(ticket.quantity > filled)) {
    return `Order ${orderId} has already filled ${filled}; the new quantity must be more than that.`;
  }
  return ours;
}
