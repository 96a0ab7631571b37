import { useState } from 'react';
import type { AllocationPreview, AllocationResult, AllocationRow } from '../../../../shared/allocation';
import type { SubmitResult, TrackedOrder } from '../../../../shared/orders';
import type { ApiError } from '../../../../shared/result';
import { closeAllocation, transmitAllocation, useAllocationStore } from '../../stores/allocation-store';
import { useOrderStore } from '../../stores/ticket-store';
import { ConfirmModeBanner } from '../mode-banner';
import { ModalDialog } from '../modal-dialog';
import { CheckList } from './check-list';

/**
 * The allocation's last look: one row per account with its quantity (and how it was sized), its own
 * checks and what-if. A blocked row cannot be kept; the person may drop any row and transmit the rest.
 * After transmit each row says what became of its own order, live.
 */
export function AllocationDialog() {
  const { preview, result, submitting, error } = useAllocationStore();
  if (!preview) return null;
  return (
    <AllocationBody
      key={preview.allocationId}
      preview={preview}
      result={result}
      submitting={submitting}
      error={error}
    />
  );
}

type Acknowledged = Readonly<Record<string, ReadonlySet<string>>>;

const sendable = (row: AllocationRow) => row.preview !== null && !row.preview.blocked;

function AllocationBody({
  preview,
  result,
  submitting,
  error,
}: {
  preview: AllocationPreview;
  result: AllocationResult | null;
  submitting: boolean;
  error: ApiError | null;
}) {
  const [kept, setKept] = useState<ReadonlySet<string>>(
    () => new Set(preview.rows.filter(sendable).map((r) => r.account)),
  );
  const [acknowledged, setAcknowledged] = useState<Acknowledged>({});
  const keptRows = preview.rows.filter((r) => kept.has(r.account) && r.preview);
  const waiting = keptRows.filter((r) =>
    r.preview?.toAcknowledge.some((id) => !(acknowledged[r.account]?.has(id) ?? false)),
  );
  const mode = preview.rows.find((r) => r.preview)?.preview?.mode;
  const keep = (account: string, on: boolean) =>
    setKept((current) => {
      const next = new Set(current);
      if (on) next.add(account);
      else next.delete(account);
      return next;
    });
  const acknowledge = (account: string, id: string, on: boolean) =>
    setAcknowledged((current) => {
      const next = new Set(current[account]);
      if (on) next.add(id);
      else next.delete(id);
      return { ...current, [account]: next };
    });
  const transmit = () =>
    void transmitAllocation(
      keptRows.map((r) => ({
        previewId: r.preview?.previewId ?? '',
        acknowledgements: [...(acknowledged[r.account] ?? [])],
      })),
    );

  return (
    <ModalDialog title="Confirm allocation" onCancel={closeAllocation} className="confirm-order confirm-allocation">
      {mode && <ConfirmModeBanner mode={mode} />}
      <p className="order-words" aria-label="Allocation">
        {preview.words}
      </p>
      <table className="allocation-rows" aria-label="Orders by account">
        <thead>
          <tr>
            <th scope="col">Send</th>
            <th scope="col">Account and order</th>
            <th scope="col">Checks</th>
            <th scope="col">What-if</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <Row
              key={row.account}
              row={row}
              kept={kept.has(row.account)}
              onKeep={(on) => keep(row.account, on)}
              acknowledged={acknowledged[row.account] ?? new Set()}
              onAcknowledge={(id, on) => acknowledge(row.account, id, on)}
              outcome={result?.children.find((c) => c.account === row.account) ?? null}
              locked={result !== null}
            />
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="refusal">
          {error.message}
        </p>
      )}
      {!result && waiting.length > 0 && (
        <p className="transmit-why">Acknowledge every warning of the accounts you keep to transmit.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeAllocation}>
          {result ? 'Close' : 'Cancel'}
        </button>
        {!result && (
          <button
            type="button"
            className="danger"
            disabled={keptRows.length === 0 || waiting.length > 0 || submitting}
            onClick={transmit}
          >
            {submitting ? 'Transmitting…' : `Transmit ${keptRows.length} ${keptRows.length === 1 ? 'order' : 'orders'}`}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}

function Row({
  row,
  kept,
  onKeep,
  acknowledged,
  onAcknowledge,
  outcome,
  locked,
}: {
  row: AllocationRow;
  kept: boolean;
  onKeep(on: boolean): void;
  acknowledged: ReadonlySet<string>;
  onAcknowledge(id: string, on: boolean): void;
  outcome: AllocationResult['children'][number] | null;
  locked: boolean;
}) {
  const p = row.preview;
  return (
    <tr aria-label={row.account} className={p?.blocked ? 'row-blocked' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Send to ${row.account}`}
          checked={kept && p !== null}
          disabled={locked || !sendable(row)}
          onChange={(e) => onKeep(e.target.checked)}
        />
      </td>
      <td>
        <div className="order-words">{p?.words ?? `${row.account}: nothing to send`}</div>
        <div className="sizing">{row.sizing}</div>
      </td>
      <td>
        {row.problem && <p className="check check-block">{row.problem}</p>}
        {p && (
          <CheckList
            label={`Checks for ${row.account}`}
            checks={p.checks}
            acknowledged={acknowledged}
            onAcknowledge={onAcknowledge}
            locked={locked}
          />
        )}
      </td>
      <td>{p?.whatIf ? `Commission ${p.whatIf.commission ?? '—'}` : (p?.whatIfProblem ?? '—')}</td>
      <td aria-label={`Outcome for ${row.account}`}>
        <Outcome result={outcome?.result ?? null} />
      </td>
    </tr>
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
