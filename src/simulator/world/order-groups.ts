import { type SimOrderRequest, type SimRejection } from './types';

/**
 * How IBKR links orders, as pure rules on the requests: attached orders (a bracket: a parent and the children
 * that name it in parentId) and one-cancels-all groups (orders of one account sharing an ocaGroup).
 *
 * - transmit=false: TWS keeps the order and does not send it on (IBKR's bracket-order guide: "the TWS will
 *   receive the order but it will not send (transmit) it"); the API reports it as Inactive (as seen from TWS
 *   in ib_insync issue 559: a transmit=False order's orderStatus is Inactive with its full quantity remaining).
 *   An order of the bracket that arrives with transmit=true sends its parent and every held sibling with it.
 * - A child works only once its parent has filled completely; until then it is PreSubmitted. The simulator
 *   does not activate children on a partial parent fill: they wait for the whole entry.
 * - Children of one parent are alternatives: a fill of one reduces the others by the quantity filled (the
 *   bracket's exits protect what is left of the position) — unless they also share an OCA group, whose type rules.
 * - OCA types: 1 cancels the others on a fill; 2 and 3 reduce them by the quantity filled (the "block" of 2
 *   guards against overfills at several venues at once, which one simulated venue cannot produce).
 */

/** IBKR's error for a child whose parentId names no order of the client. */
export const MISSING_PARENT: SimRejection = { code: 10006, message: 'Missing parent order.' };

export const OCA_CANCEL_ALL = 1;

/**
 * IBKR's refusal of a modify that changes a working order's OCA group (10326) or type (10327), both in its
 * list of message codes; seen live when a modify re-sent a grouped order under another group or none
 * (nautilus_trader issue 2978). Joining a group by re-sending an order that is in none is accepted here;
 * whether IBKR accepts it is not established.
 */
export function ocaRevision(working: SimOrderRequest, amended: SimOrderRequest): SimRejection | null {
  if (!working.ocaGroup) return null;
  if ((amended.ocaGroup ?? '') !== working.ocaGroup)
    return { code: 10326, message: 'OCA group revision is not allowed' };
  if ((amended.ocaType || OCA_CANCEL_ALL) !== (working.ocaType || OCA_CANCEL_ALL)) {
    return { code: 10327, message: 'OCA group type revision is not allowed' };
  }
  return null;
}

/** The bracket an order belongs to: its parent's id, or its own. */
export const bracketOf = (request: SimOrderRequest): number => request.parentId || request.orderId;

export function inBracket(root: number, request: SimOrderRequest): boolean {
  return request.orderId === root || request.parentId === root;
}

const siblings = (a: SimOrderRequest, b: SimOrderRequest): boolean =>
  !!a.parentId && a.parentId === b.parentId && a.clientId === b.clientId;

const sameOca = (a: SimOrderRequest, b: SimOrderRequest): boolean =>
  !!a.ocaGroup && a.ocaGroup === b.ocaGroup && a.account === b.account;

/** Orders that can never both fill in full: checks count only one of them against the account. */
export function alternatives(a: SimOrderRequest, b: SimOrderRequest): boolean {
  return a.orderId !== b.orderId && (siblings(a, b) || sameOca(a, b));
}

/** What a fill of `filled` does to another open order: cancel it, reduce it by the quantity filled, or nothing. */
export function reactionTo(filled: SimOrderRequest, other: SimOrderRequest): 'cancel' | 'reduce' | null {
  if (filled.orderId === other.orderId) return null;
  if (sameOca(filled, other)) return (filled.ocaType || OCA_CANCEL_ALL) === OCA_CANCEL_ALL ? 'cancel' : 'reduce';
  return siblings(filled, other) ? 'reduce' : null;
}
