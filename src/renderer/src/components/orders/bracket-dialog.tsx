import type { BracketPreview, BracketResult } from '../../../../shared/bracket';
import type { BracketRole } from '../../../../shared/orders';
import type { ApiError } from '../../../../shared/result';
import { closeBracket, transmitBracket, useBracketStore } from '../../stores/bracket-store';
import { CheckList, useAcknowledged } from './check-list';
import { GroupConfirm, Outcome, WhatIfCell } from './group-confirm';

const LEG_LABELS: Record<BracketRole, string> = {
  entry: 'Entry (parent)',
  'take-profit': 'Take-profit',
  'stop-loss': 'Stop-loss',
};

/**
 * The bracket's last look: its legs, each with its words, its own checks (named for the leg) and the
 * entry's what-if. It goes out whole or not at all, so one blocked leg holds the whole bracket back; after
 * transmit each leg says what became of it, live.
 */
export function BracketDialog() {
  const { preview, result, submitting, error } = useBracketStore();
  if (!preview) return null;
  return <BracketBody key={preview.groupId} preview={preview} result={result} submitting={submitting} error={error} />;
}

function BracketBody({
  preview,
  result,
  submitting,
  error,
}: {
  preview: BracketPreview;
  result: BracketResult | null;
  submitting: boolean;
  error: ApiError | null;
}) {
  const [acknowledged, acknowledge] = useAcknowledged();
  const waiting = preview.legs.some((l) => l.preview.toAcknowledge.some((id) => !acknowledged.has(id)));
  const mode = preview.legs[0]?.preview.mode;
  const sent = result?.outcome === 'sent';

  return (
    <GroupConfirm
      title="Confirm bracket"
      mode={mode}
      words={preview.words}
      wordsLabel="Bracket"
      tableLabel="Bracket legs"
      firstColumns={['Leg', 'Order']}
      rows={preview.legs.map(({ role, preview: p }) => (
        <tr key={role} aria-label={LEG_LABELS[role]} className={p.blocked ? 'row-blocked' : undefined}>
          <th scope="row">{LEG_LABELS[role]}</th>
          <td className="order-words">{p.words}</td>
          <td>
            <CheckList
              label={`Checks for the ${role}`}
              checks={p.checks}
              acknowledged={acknowledged}
              onAcknowledge={acknowledge}
              locked={sent}
            />
          </td>
          <WhatIfCell preview={p} />
          <td aria-label={`Outcome for the ${role}`}>
            <Outcome result={result?.legs.find((l) => l.role === role)?.result ?? null} />
          </td>
        </tr>
      ))}
      alert={error?.message ?? (result?.outcome === 'refused' ? result.reason : null)}
      why={
        preview.blocked ? (
          <p className="transmit-why">A leg is blocked: a bracket goes out whole or not at all.</p>
        ) : (
          !result && waiting && <p className="transmit-why">Acknowledge every warning of every leg to transmit.</p>
        )
      }
      done={sent}
      onClose={closeBracket}
      transmit={{
        label: submitting ? 'Transmitting…' : `Transmit bracket (${preview.legs.length} orders)`,
        disabled: preview.blocked || waiting || submitting,
        onClick: () => void transmitBracket([...acknowledged]),
      }}
    />
  );
}
