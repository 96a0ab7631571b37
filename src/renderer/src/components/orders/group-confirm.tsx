import type { ReactNode } from 'react';
import type { OrderPreview, SubmitResult, TrackedOrder } from '../../../../shared/orders';
import type { TradingMode } from '../../../../shared/session';
import { useOrderStore } from '../../stores/ticket-store';
import { ConfirmModeBanner } from '../mode-banner';
import { ModalDialog } from '../modal-dialog';

/**
 * The last look at orders that go out together (an allocation's children, a bracket's legs): the words,
 * one row per order under the same columns, why it cannot be sent yet, and Cancel/Transmit. The rows are
 * the caller's; only their first two columns differ.
 */
export function GroupConfirm({
  title,
  mode,
  words,
  wordsLabel,
  tableLabel,
  firstColumns,
  rows,
  alert,
  why,
  done,
  onClose,
  transmit,
}: {
  title: string;
  mode: TradingMode | undefined;
  words: string;
  wordsLabel: string;
  tableLabel: string;
  firstColumns: [string, string];
  rows: ReactNode;
  alert: string | null;
  why: ReactNode;
  /** Sent: Cancel becomes Close and Transmit goes away. */
  done: boolean;
  onClose(): void;
  transmit: { label: string; disabled: boolean; onClick(): void };
}) {
  return (
    <ModalDialog title={title} onCancel={onClose} className="confirm-order confirm-allocation">
      {mode && <ConfirmModeBanner mode={mode} />}
      <p className="order-words" aria-label={wordsLabel}>
        {words}
      </p>
      <table className="allocation-rows" aria-label={tableLabel}>
        <thead>
          <tr>
            <th scope="col">{firstColumns[0]}</th>
            <th scope="col">{firstColumns[1]}</th>
            <th scope="col">Checks</th>
            <th scope="col">What-if</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      {alert && (
        <p role="alert" className="refusal">
          {alert}
        </p>
      )}
      {why}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        {!done && (
          <button type="button" className="danger" disabled={transmit.disabled} onClick={transmit.onClick}>
            {transmit.label}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}

/** One order's what-if in its row: the commission IBKR quoted, or why there is none. */
export function WhatIfCell({ preview }: { preview: OrderPreview | null }) {
  return (
    <td>{preview?.whatIf ? `Commission ${preview.whatIf.commission ?? '—'}` : (preview?.whatIfProblem ?? '—')}</td>
  );
}

/** What became of one order of a confirmation: refused with why, or its live phase at the gateway. */
export function Outcome({ result }: { result: SubmitResult | null }) {
  const tracked = useOrderStore((s) => (result?.outcome === 'sent' ? s.orders[result.order.orderId] : undefined));
  if (!result) return null;
  if (result.outcome === 'refused') return <span className="outcome-refused">Not sent: {result.reason}</span>;
  return <span className={`outcome-${tracked?.phase ?? 'sending'}`}>{phaseText(tracked ?? result.order)}</span>;
}

/** An order's live phase in words, for a confirmation's outcome column. */
export function phaseText(order: TrackedOrder): string {
  const id = `Order ${order.orderId}`;
  switch (order.phase) {
    case 'sending':
      return `${id}: sending`;
    case 'working':
      return `${id}: working (${order.ibStatus ?? 'at IBKR'}), ${order.filled} filled`;
    case 'held':
      return `${id}: held (waits for parent)`;
    case 'filled':
      return `${id}: filled ${order.filled} at ${order.avgFillPrice ?? '—'}`;
    case 'cancelled':
      return `${id}: cancelled${order.message ? ` — ${order.message}` : ''}`;
    case 'rejected':
    case 'invalid':
      return `${id}: rejected — ${order.message ?? order.ibStatus ?? 'by IBKR'}`;
  }
}
