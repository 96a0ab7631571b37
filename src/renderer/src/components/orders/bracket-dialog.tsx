import type { BracketPreview, BracketResult } from '../../../../shared/bracket';
import type { BracketRole } from '../../../../shared/orders';
import type { ApiError } from '../../../../shared/result';
import { closeBracket, transmitBracket, useBracketStore } from '../../stores/bracket-store';
import { ConfirmModeBanner } from '../mode-banner';
import { ModalDialog } from '../modal-dialog';
import { Outcome } from './allocation-dialog';
import { CheckList, useAcknowledged } from './check-list';

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
    <ModalDialog title="Confirm bracket" onCancel={closeBracket} className="confirm-order confirm-allocation">
      {mode && <ConfirmModeBanner mode={mode} />}
      <p className="order-words" aria-label="Bracket">
        {preview.words}
      </p>
      <table className="allocation-rows" aria-label="Bracket legs">
        <thead>
          <tr>
            <th scope="col">Leg</th>
            <th scope="col">Order</th>
            <th scope="col">Checks</th>
            <th scope="col">What-if</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {preview.legs.map(({ role, preview: p }) => (
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
              <td>{p.whatIf ? `Commission ${p.whatIf.commission ?? '—'}` : (p.whatIfProblem ?? '—')}</td>
              <td aria-label={`Outcome for the ${role}`}>
                <Outcome result={result?.legs.find((l) => l.role === role)?.result ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(error ?? (result?.outcome === 'refused' ? result : null)) && (
        <p role="alert" className="refusal">
          {error?.message ?? result?.reason}
        </p>
      )}
      {preview.blocked && <p className="transmit-why">A leg is blocked: a bracket goes out whole or not at all.</p>}
      {!preview.blocked && !result && waiting && (
        <p className="transmit-why">Acknowledge every warning of every leg to transmit.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeBracket}>
          {sent ? 'Close' : 'Cancel'}
        </button>
        {!sent && (
          <button
            type="button"
            className="danger"
            disabled={preview.blocked || waiting || submitting}
            onClick={() => void transmitBracket([...acknowledged])}
          >
            {submitting ? 'Transmitting…' : `Transmit bracket (${preview.legs.length} orders)`}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
