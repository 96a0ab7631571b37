import type { AuditKind } from '../../shared/enums';
import type { TrackedOrder } from '../../shared/orders';
import { classifyOrderAnswer, isFinalPhase, phaseFromStatus } from './gateway-answers';

/** What the gateway said about one of our orders. */
export type OrderEvent =
  | { type: 'status'; status: string; filled: number; remaining: number; avgFillPrice: number }
  | { type: 'answer'; code: number; text: string }
  | { type: 'execution'; execId: string; shares: number; price: number }
  /** The watchdog's deadline passed; it changes the order only if the gateway has still said nothing. */
  | { type: 'no-answer'; afterMs: number };

/** What to write to the audit log about the change (besides the order's own fields). */
export interface AuditNote {
  kind: AuditKind;
  ibCode?: number;
  ibStatus?: string;
  message?: string;
  fill?: { execId: string; quantity: number; price: number };
}

export interface OrderStep {
  order: TrackedOrder;
  /** null when the event changed nothing worth a record (a repeated status). */
  audit: AuditNote | null;
}

/**
 * One order's state after one gateway event. Pure. A final state (filled, cancelled, rejected,
 * invalid) is never undone by a later status: IBKR sends 201 first and a Cancelled/Inactive status
 * after it, and the rejection's reason is what the person needs to see.
 */
export function applyOrderEvent(order: TrackedOrder, event: OrderEvent, now: number): OrderStep {
  switch (event.type) {
    case 'status': {
      const repeated =
        order.ibStatus === event.status && order.filled === event.filled && order.remaining === event.remaining;
      if (repeated) return { order, audit: null };
      const phase = isFinalPhase(order.phase) ? order.phase : phaseFromStatus(event.status, order.leg !== undefined);
      const next: TrackedOrder = {
        ...order,
        phase,
        ibStatus: event.status,
        filled: event.filled,
        remaining: event.remaining,
        avgFillPrice: event.filled > 0 && event.avgFillPrice > 0 ? event.avgFillPrice : order.avgFillPrice,
        updatedAt: now,
      };
      const kind: AuditKind = phase === 'cancelled' && order.phase !== 'cancelled' ? 'cancelled' : 'status';
      return { order: next, audit: { kind, ibStatus: event.status } };
    }
    case 'answer': {
      const answer = classifyOrderAnswer(event.code, event.text);
      if (answer === null) return { order, audit: null };
      if (answer.effect === 'note' || isFinalPhase(order.phase)) {
        const next = { ...order, message: answer.message, ibCode: event.code, updatedAt: now };
        return { order: next, audit: { kind: 'gateway-message', ibCode: event.code, message: answer.message } };
      }
      const next: TrackedOrder = {
        ...order,
        phase: answer.phase,
        message: answer.message,
        ibCode: event.code,
        updatedAt: now,
      };
      const kind: AuditKind = answer.phase === 'cancelled' ? 'cancelled' : 'rejected';
      return { order: next, audit: { kind, ibCode: event.code, message: answer.message } };
    }
    case 'no-answer': {
      const unanswered = order.phase === 'sending' && order.ibStatus === null && order.ibCode === null;
      if (!unanswered) return { order, audit: null };
      const message = `No answer from IB Gateway after ${Math.round(event.afterMs / 1000)} s — check TWS/Gateway before re-sending: the order may have reached IBKR. Gatehouse does not re-send it.`;
      return { order: { ...order, message, updatedAt: now }, audit: { kind: 'no-answer', message } };
    }
    case 'execution':
      return {
        order: { ...order, updatedAt: now },
        audit: { kind: 'fill', fill: { execId: event.execId, quantity: event.shares, price: event.price } },
      };
  }
}
