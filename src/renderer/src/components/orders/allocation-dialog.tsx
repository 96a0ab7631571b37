import { useState } from 'react';
import type { AllocationPreview, AllocationResult, AllocationRow } from '../../../../shared/allocation';
import type { ApiError } from '../../../../shared/result';
import { closeAllocation, transmitAllocation, useAllocationStore } from '../../stores/allocation-store';
import { CheckList, toggled } from './check-list';
import { GroupConfirm, Outcome, WhatIfCell } from './group-confirm';

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
  const keep = (account: string, on: boolean) => setKept((current) => toggled(current, account, on));
  const acknowledge = (account: string, id: string, on: boolean) =>
    setAcknowledged((current) => ({ ...current, [account]: toggled(current[account], id, on) }));
  const transmit = () =>
    void transmitAllocation(
      keptRows.map((r) => ({
        previewId: r.preview?.previewId ?? '',
        acknowledgements: [...(acknowledged[r.account] ?? [])],
      })),
    );

  return (
    <GroupConfirm
      title="Confirm allocation"
      mode={mode}
      words={preview.words}
      wordsLabel="Allocation"
      tableLabel="Orders by account"
      firstColumns={['Send', 'Account and order']}
      rows={preview.rows.map((row) => (
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
      alert={error?.message ?? null}
      why={
        !result &&
        waiting.length > 0 && (
          <p className="transmit-why">Acknowledge every warning of the accounts you keep to transmit.</p>
        )
      }
      done={result !== null}
      onClose={closeAllocation}
      transmit={{
        label: submitting
          ? 'Transmitting…'
          : `Transmit ${keptRows.length} ${keptRows.length === 1 ? 'order' : 'orders'}`,
        disabled: keptRows.length === 0 || waiting.length > 0 || submitting,
        onClick: transmit,
      }}
    />
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
      <WhatIfCell preview={p} />
      <td aria-label={`Outcome for ${row.account}`}>
        <Outcome result={outcome?.result ?? null} />
      </td>
    </tr>
  );
}
