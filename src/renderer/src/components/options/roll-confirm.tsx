import type { RollPreview } from '../../../../shared/roll';
import type { Check } from '../../../../shared/ticket';
import { backToChoices, closeRoll, transmitRoll, useRollStore } from '../../stores/roll-store';
import { ConfirmModeBanner } from '../mode-banner';
import { ModalDialog } from '../modal-dialog';
import { Outcome } from '../orders/group-confirm';
import { CheckList, useAcknowledged } from '../orders/check-list';
import { WhatIf } from '../orders/confirm-order-dialog';
import { legSidesText } from './roll-choices';

/** The IRA option rule's sentence on the new leg says what covers or secures it: shown even when it passes. */
const coverSentence = (check: Check) => check.id === 'open:ira-options';

const LEG_LABELS = { close: 'Buy to close', open: 'Sell to open' } as const;

/**
 * The roll's last look: its words, both legs with their quotes and what-if, the roll's checks (each leg's,
 * named for the leg, and the net price) with their acknowledgements. It goes out as one order or not at all.
 */
export function RollConfirm({ preview }: { preview: RollPreview }) {
  const { submitting, result, error } = useRollStore();
  const [acknowledged, acknowledge] = useAcknowledged();
  const waiting = preview.toAcknowledge.some((id) => !acknowledged.has(id));
  const sent = result?.result.outcome === 'sent';
  const refused = result?.result.outcome === 'refused' ? result.result : null;

  return (
    <ModalDialog title="Confirm roll" onCancel={closeRoll} className="confirm-order confirm-allocation">
      <ConfirmModeBanner mode={preview.mode} />
      <p className="order-words" aria-label="Roll">
        {preview.words}
      </p>
      <table className="allocation-rows" aria-label="Roll legs">
        <thead>
          <tr>
            <th scope="col">Leg</th>
            <th scope="col">Order</th>
            <th scope="col">Market</th>
          </tr>
        </thead>
        <tbody>
          {preview.legs.map((leg) => (
            <tr key={leg.role} aria-label={LEG_LABELS[leg.role]}>
              <th scope="row">{LEG_LABELS[leg.role]}</th>
              <td className="order-words">{leg.words}</td>
              <td>{legSidesText(leg.quote)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WhatIf figures={preview.whatIf} problem={preview.whatIfProblem} />
      <CheckList
        label="Checks"
        checks={refused?.checks ?? preview.checks}
        acknowledged={acknowledged}
        onAcknowledge={acknowledge}
        locked={sent}
        shownWhenPassing={coverSentence}
      />
      {(error ?? refused) && (
        <p role="alert" className="refusal">
          {error?.message ?? refused?.reason}
        </p>
      )}
      {result && (
        <p role="status" aria-label="Roll outcome">
          <Outcome result={result.result} />
        </p>
      )}
      {preview.blocked && <p className="transmit-why">A check blocks this roll; it cannot be sent.</p>}
      {!preview.blocked && !result && waiting && <p className="transmit-why">Acknowledge every warning to transmit.</p>}
      <div className="dialog-actions">
        {!result && (
          <button type="button" onClick={backToChoices}>
            Back
          </button>
        )}
        <button type="button" onClick={closeRoll}>
          {sent ? 'Close' : 'Cancel'}
        </button>
        {!preview.blocked && !sent && (
          <button
            type="button"
            className="danger"
            disabled={waiting || submitting || refused !== null}
            onClick={() => void transmitRoll([...acknowledged])}
          >
            {submitting ? 'Transmitting…' : 'Transmit roll'}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
