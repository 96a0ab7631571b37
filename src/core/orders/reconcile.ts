import type { AuditKind } from '../../shared/enums';
import type { AuditRecord } from '../../shared/orders';
import type { AuditEntry } from './order-audit';
import type { GatewayOpenOrder } from './rule-context-builder';

/** Records that say what became of an order: once one exists, its intent is answered. */
const OUTCOMES = new Set<AuditKind>(['status', 'fill', 'rejected', 'cancelled', 'reconciled', 'gateway-message']);

/**
 * Submit intents with no recorded outcome: the process stopped between writing the intent and hearing
 * from the gateway (a crash right after the fsync, or before the first status arrived).
 */
export function unresolvedIntents(
  records: readonly AuditRecord[],
  skip: (orderId: number) => boolean = () => false,
): AuditRecord[] {
  const answered = new Set<number>();
  for (const r of records) if (r.orderId !== null && OUTCOMES.has(r.kind)) answered.add(r.orderId);
  return records.filter(
    (r) => r.kind === 'submit-intent' && r.orderId !== null && !answered.has(r.orderId) && !skip(r.orderId),
  );
}

export interface GatewayExecution {
  execution: { orderId?: number; orderRef?: string; shares?: number; price?: number };
}

/**
 * What the gateway knows of each unanswered intent, as audit entries. Matched by order id or by the
 * preview id carried in orderRef. Nothing is ever re-sent from here: an order the gateway does not
 * know stays unsent, and the record says so.
 */
export function reconcileIntents(
  intents: readonly AuditRecord[],
  open: readonly GatewayOpenOrder[],
  executions: readonly GatewayExecution[],
): AuditEntry[] {
  return intents.map((intent) => {
    const orderId = intent.orderId ?? -1;
    const matches = (id: number | undefined, ref: string | undefined) =>
      id === orderId || (intent.previewId !== null && ref === intent.previewId);
    const base: AuditEntry = {
      kind: 'reconciled',
      account: intent.account,
      orderId,
      previewId: intent.previewId,
      ticket: intent.ticket,
    };
    const working = open.find((o) => matches(o.orderId, o.order.orderRef));
    if (working) {
      const status = working.orderStatus?.status ?? working.orderState.status ?? 'unknown';
      return {
        ...base,
        ibStatus: status,
        message: `Found after a restart: order ${orderId} is at the gateway (${status}). It was sent once; nothing was re-sent.`,
      };
    }
    const fills = executions.filter((e) => matches(e.execution.orderId, e.execution.orderRef));
    if (fills.length > 0) {
      const shares = fills.reduce((sum, e) => sum + (e.execution.shares ?? 0), 0);
      return {
        ...base,
        message: `Found after a restart: order ${orderId} executed ${shares} at the gateway. It was sent once; nothing was re-sent.`,
      };
    }
    return {
      ...base,
      message: `After a restart, order ${orderId} was not found at the gateway (no open order, no execution): Gatehouse stopped before it was transmitted, or it ended unfilled. It was not re-sent; preview it again if you still want it.`,
    };
  });
}
