import type { Contract as IbContract, Order } from '@stoqey/ib';
import type { TrackedOrder } from '../../shared/orders';
import { isFinalPhase } from './gateway-answers';
import type { GatewayOpenOrder } from './rule-context-builder';

/**
 * The working orders the rules count (pending buys, pending sells), without asking the gateway: the open
 * orders book the order-book service holds (every client's, re-read every couple of seconds) overlaid
 * with the orders this process sent, which count from the moment they leave — before the gateway lists
 * them — until the tracker sees them finish.
 */
export class SentOrders {
  private readonly sent = new Map<number, { contract: IbContract; order: Order }>();

  /** An order as placed (a modify replaces the earlier version under the same id). */
  record(orderId: number, contract: IbContract, order: Order): void {
    this.sent.set(orderId, { contract, order });
  }

  /**
   * Records a re-send of an order this process placed (linking it into an OCA group), as it leaves, so a
   * modify right after sends what the gateway now has; returns how to take it back if the gateway refuses.
   * Nothing for an order this process did not send.
   */
  amend(orderId: number, change: Partial<Order>): () => void {
    const before = this.sent.get(orderId);
    if (before === undefined) return () => {};
    const after = { contract: before.contract, order: { ...before.order, ...change } };
    this.sent.set(orderId, after);
    return () => {
      if (this.sent.get(orderId) === after) this.sent.set(orderId, before);
    };
  }

  /** What this process sent that is still working, as open orders; finished ones are forgotten. */
  working(tracked: (orderId: number) => TrackedOrder | undefined, clientId: number | null): GatewayOpenOrder[] {
    const out: GatewayOpenOrder[] = [];
    for (const [orderId, { contract, order }] of this.sent) {
      const state = tracked(orderId);
      if (state === undefined || isFinalPhase(state.phase)) {
        this.sent.delete(orderId);
        continue;
      }
      out.push({
        orderId,
        contract,
        order: { ...order, clientId: clientId ?? undefined, filledQuantity: state.filled },
        orderState: { status: state.ibStatus ?? 'PendingSubmit' },
        orderStatus: { status: state.ibStatus ?? 'PendingSubmit', remaining: state.remaining },
      });
    }
    return out;
  }
}

/** The book with this client's orders replaced by their sent versions, which are newer (a modify shows there first). */
export function workingOrders(
  book: readonly GatewayOpenOrder[],
  sent: readonly GatewayOpenOrder[],
  clientId: number | null,
): GatewayOpenOrder[] {
  const sentIds = new Set(sent.map((o) => o.orderId));
  const replaced = (o: GatewayOpenOrder) =>
    clientId !== null && o.order.clientId === clientId && sentIds.has(o.orderId);
  return [...book.filter((o) => !replaced(o)), ...sent];
}
