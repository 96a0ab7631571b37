import type { Order, OpenOrder } from '@stoqey/ib';
import { OCA_CANCEL_WITH_BLOCK } from './bracket-legs';

/**
 * Linking working orders a person chose into one one-cancels-all group: which orders, or why not. Pure.
 * IBKR's OCA groups are per account, and only the client that placed an order may modify it; linking
 * changes nothing else about the orders (not their quantity, not their prices), so no other rule is
 * asked again.
 */

const DONE = new Set(['Filled', 'Cancelled', 'ApiCancelled', 'Inactive']);

export function ocaLinkPlan(
  book: readonly OpenOrder[],
  orderIds: readonly number[],
  clientId: number | null,
): OpenOrder[] | string {
  const ids = [...new Set(orderIds)];
  if (ids.length < 2) return 'Choose two or more working orders to link as one-cancels-all.';
  const chosen: OpenOrder[] = [];
  for (const id of ids) {
    const withId = book.filter((o) => o.orderId === id && !o.order.whatIf);
    const ours = withId.find((o) => clientId !== null && o.order.clientId === clientId);
    if (ours === undefined) {
      return withId.length > 0
        ? `Order ${id} was placed by API client ${withId[0]?.order.clientId ?? 'unknown'}, not by Gatehouse; only the program that placed an order can link it.`
        : `There is no working order ${id} from Gatehouse to link; it may have filled or been cancelled.`;
    }
    const status = ours.orderStatus?.status ?? ours.orderState.status ?? '';
    if (DONE.has(status)) return `Order ${id} is ${status.toLowerCase()} and can no longer be linked.`;
    if (ours.order.ocaGroup) return `Order ${id} is already in the one-cancels-all group ${ours.order.ocaGroup}.`;
    chosen.push(ours);
  }
  const accounts = [...new Set(chosen.map((o) => o.order.account ?? '?'))];
  if (accounts.length > 1) {
    const where = chosen.map((o) => `order ${o.orderId} is in ${o.order.account ?? 'an unknown account'}`);
    return `Not linked: IBKR's one-cancels-all groups are per account, and ${where.join(', ')}. Link orders of one account only.`;
  }
  return chosen;
}

/** The order as it works now, re-sent under its id in the group: nothing else changes. */
export function linkedOrder(order: Order, ocaGroup: string): Order {
  return { ...order, ocaGroup, ocaType: OCA_CANCEL_WITH_BLOCK, transmit: true, whatIf: false };
}
