import type { OrderPreview, WhatIfFigures } from '../../../../shared/orders';
import type { Check } from '../../../../shared/ticket';
import { formatAmount } from '../../format';
import { closePreview, transmit, useOrderStore } from '../../stores/ticket-store';
import { ConfirmModeBanner } from '../mode-banner';
import { ModalDialog } from '../modal-dialog';
import { useAcknowledged } from './check-list';
import { DeltaLine } from '../options/greeks-delta-line';

const OUTCOME_LABELS: Record<Check['outcome'], string> = {
  pass: 'Pass',
  warn: 'Warning',
  block: 'Blocked',
  info: 'Info',
};

const money = (value: number | null, currency: string | null = 'USD') => formatAmount(value, currency, 'not given');

/**
 * The last look before an order leaves: what it is, in words; the mode; every check; the gateway's
 * what-if. Transmit stays disabled while anything blocks or a warning is not acknowledged, and the
 * server checks both again anyway.
 */
export function ConfirmOrderDialog() {
  const { preview, submitChecks, submitRefusal, submitting } = useOrderStore();
  if (!preview) return null;
  return (
    <ConfirmBody
      key={preview.previewId}
      preview={preview}
      checks={submitChecks ?? preview.checks}
      refusal={submitRefusal}
      submitting={submitting}
    />
  );
}

function ConfirmBody({
  preview,
  checks,
  refusal,
  submitting,
}: {
  preview: OrderPreview;
  checks: Check[];
  refusal: string | null;
  submitting: boolean;
}) {
  const [acknowledged, toggle] = useAcknowledged();
  const blocked = checks.some((c) => c.outcome === 'block');
  const warnings = checks.filter((c) => c.outcome === 'warn');
  const unacknowledged = warnings.filter((w) => !acknowledged.has(w.id));
  const why = blocked
    ? 'A check blocks this order; it cannot be sent.'
    : unacknowledged.length > 0
      ? `Acknowledge ${unacknowledged.length === 1 ? 'the warning' : `all ${unacknowledged.length} warnings`} to transmit.`
      : null;

  return (
    <ModalDialog title="Confirm order" onCancel={closePreview} className="confirm-order">
      <ConfirmModeBanner mode={preview.mode} />
      <p className="order-words" aria-label="Order">
        {preview.words}
      </p>
      <DeltaLine ticket={preview.ticket} />
      <ul className="checks" aria-label="Checks">
        {checks.map((check) => (
          <li key={check.id} className={`check check-${check.outcome}`}>
            <span className="check-outcome">{OUTCOME_LABELS[check.outcome]}</span> <strong>{check.rule}</strong>:{' '}
            {check.message}
            {check.outcome === 'warn' && (
              <label className="inline acknowledge">
                <input
                  type="checkbox"
                  checked={acknowledged.has(check.id)}
                  onChange={(e) => toggle(check.id, e.target.checked)}
                />
                Acknowledge: {check.rule}
              </label>
            )}
          </li>
        ))}
      </ul>
      <WhatIf figures={preview.whatIf} problem={preview.whatIfProblem} />
      {preview.quote && (
        <p className="quote-used" aria-label="Quote used">
          Quote: bid {preview.quote.bid ?? '—'}, ask {preview.quote.ask ?? '—'}, last {preview.quote.last ?? '—'} (
          {preview.quote.marketDataType})
        </p>
      )}
      {refusal && (
        <p role="alert" className="refusal">
          {refusal}
        </p>
      )}
      {why && <p className="transmit-why">{why}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={closePreview}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={blocked || unacknowledged.length > 0 || submitting}
          onClick={() => void transmit([...acknowledged])}
        >
          {submitting ? 'Transmitting…' : 'Transmit'}
        </button>
      </div>
    </ModalDialog>
  );
}

/** The gateway's what-if figures, or why there are none; the roll's confirmation shows its combo's too. */
export function WhatIf({ figures, problem }: { figures: WhatIfFigures | null; problem: string | null }) {
  if (!figures) return <p aria-label="What-if preview">What-if: {problem ?? 'none from the gateway.'}</p>;
  return (
    <dl className="what-if" aria-label="What-if preview">
      <dt>Commission</dt>
      <dd>{money(figures.commission, figures.commissionCurrency)}</dd>
      <dt>Initial margin change</dt>
      <dd>{money(figures.initMarginChange)}</dd>
      <dt>Maintenance margin change</dt>
      <dd>{money(figures.maintMarginChange)}</dd>
      <dt>Equity with loan after</dt>
      <dd>{money(figures.equityWithLoanAfter)}</dd>
      {figures.warning && (
        <>
          <dt>IBKR warning</dt>
          <dd>{figures.warning}</dd>
        </>
      )}
    </dl>
  );
}
