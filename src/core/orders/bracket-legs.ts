import type { Order } from '@stoqey/ib';
import type { BracketRequest } from '../../shared/bracket';
import type { BracketRole } from '../../shared/orders';
import type { OrderTicket } from '../../shared/ticket';
import type { GatewayOpenOrder } from './rule-context-builder';

/**
 * The legs of IBKR's bracket as tickets and the fields that tie them together on the wire. Pure.
 *
 * IBKR's recipe (TWS API "Bracket Orders"): the parent and every child but the last are sent with
 * transmit=false, each child names the parent in parentId, and the last child's transmit=true sends the
 * whole bracket; the exits share one OCA group (ocaType 1: cancel the rest with block) so one filling
 * cancels the other.
 */

export interface BracketLegTicket {
  role: BracketRole;
  ticket: OrderTicket;
}

/** Entry first, then the take-profit, then the stop-loss (whichever the request has). */
export function bracketTickets(request: BracketRequest): BracketLegTicket[] {
  const { entry } = request;
  const exit: OrderTicket = {
    account: entry.account,
    contract: entry.contract,
    action: entry.action === 'BUY' ? 'SELL' : 'BUY',
    quantity: entry.quantity,
    tif: entry.tif,
    outsideRth: entry.outsideRth,
    orderType: 'LMT',
  };
  const legs: BracketLegTicket[] = [{ role: 'entry', ticket: entry }];
  if (request.takeProfit)
    legs.push({
      role: 'take-profit',
      ticket: { ...exit, orderType: 'LMT', limitPrice: request.takeProfit.limitPrice },
    });
  if (request.stopLoss)
    legs.push({ role: 'stop-loss', ticket: { ...exit, orderType: 'STP', stopPrice: request.stopLoss.stopPrice } });
  return legs;
}

/** The wire fields that link a leg to its bracket: ids are the legs' order ids, entry first. */
export type LegLinks = Pick<Order, 'parentId' | 'transmit' | 'ocaGroup' | 'ocaType'>;

/** IBKR's "cancel all remaining orders with block" OCA type. */
export const OCA_CANCEL_WITH_BLOCK = 1;

export function bracketLinks(orderIds: readonly number[], groupId: string): LegLinks[] {
  const [parentId] = orderIds;
  const last = orderIds.length - 1;
  return orderIds.map((_, i) => {
    const transmit = i === last;
    if (i === 0) return { parentId: 0, transmit };
    // Only the exits share the OCA group: the entry filling must not cancel them.
    return { parentId, transmit, ocaGroup: `gatehouse-${groupId}`, ocaType: OCA_CANCEL_WITH_BLOCK };
  });
}

/** The bracket in one sentence: "Bracket: Buy 100 AAPL at 190.00 limit, take-profit 200.00, stop-loss 185.00". */
export function bracketWords(request: BracketRequest, entryWords: string): string {
  const exits = [
    request.takeProfit ? `take-profit at ${request.takeProfit.limitPrice.toFixed(2)} limit` : null,
    request.stopLoss ? `stop-loss at ${request.stopLoss.stopPrice.toFixed(2)} stop` : null,
  ].filter((x) => x !== null);
  return `Bracket: ${entryWords}; exits one-cancels-all: ${exits.join(', ')}`;
}

const DONE = new Set(['Filled', 'Cancelled', 'ApiCancelled']);

/** What a modify of a working order re-sends and is ruled with, from its links to other orders. */
export interface ModifyGroup {
  links: LegLinks;
  /** The other orders of its OCA group: alternatives to it, so not sells on top of it. */
  alternatives: ReadonlySet<number>;
  /** Its parent while that still works: the order is an exit, judged as after the parent fills. */
  entry: Pick<OrderTicket, 'action' | 'quantity'> | null;
}

/**
 * The links a modify re-sends with a working order: its OCA group as it is, and its parent while the
 * parent still works. Once the parent has filled IBKR no longer has it open, and a child re-sent naming it
 * is refused (135): then parentId is 0, and the child stays in its OCA group.
 */
export function modifyGroup(target: GatewayOpenOrder, open: readonly GatewayOpenOrder[]): ModifyGroup {
  const { parentId, ocaGroup, account } = target.order;
  const parent = parentId ? open.find((o) => o.orderId === parentId) : undefined;
  const parentWorks = parent !== undefined && !DONE.has(parent.orderStatus?.status ?? parent.orderState.status ?? '');
  const links: LegLinks = { parentId: parentWorks ? parentId : 0, transmit: true };
  Object.assign(links, ocaOf(target));
  const alternatives = new Set(
    ocaGroup
      ? open
          .filter((o) => o !== target && o.order.ocaGroup === ocaGroup && o.order.account === account)
          .map((o) => o.orderId)
      : [],
  );
  const entry =
    parentWorks && parent.order.action && parent.order.totalQuantity !== undefined
      ? {
          action: parent.order.action === 'SELL' ? ('SELL' as const) : ('BUY' as const),
          quantity: Number(parent.order.totalQuantity) - (parent.order.filledQuantity ?? 0),
        }
      : null;
  return { links, alternatives, entry };
}

/** An order's OCA group as wire fields (none when it is in none, or unknown). */
export function ocaOf(order: GatewayOpenOrder | undefined): Pick<LegLinks, 'ocaGroup' | 'ocaType'> {
  const group = order?.order.ocaGroup;
  return group ? { ocaGroup: group, ocaType: order.order.ocaType } : {};
}
