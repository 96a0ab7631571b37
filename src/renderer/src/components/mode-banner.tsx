import type { TradingMode } from '../../../shared/session';
import { MODE_LABELS } from '../../../shared/session-view';

export function ModeBanner({ mode, readOnly }: { mode: TradingMode; readOnly: boolean }) {
  return (
    <span className={`mode-banner mode-${mode}`} aria-label={`Trading mode: ${MODE_LABELS[mode]}`}>
      {MODE_LABELS[mode]}
      {readOnly && <span className="mode-readonly"> · read-only</span>}
    </span>
  );
}

/** The mode at the top of every confirmation: what the order will be sent as, "real money" when live. */
export function ConfirmModeBanner({ mode }: { mode: TradingMode }) {
  return (
    <p className={`mode-banner mode-${mode}`} aria-label={`Mode: ${MODE_LABELS[mode]}`}>
      {MODE_LABELS[mode]}
      {mode === 'live' ? ' — real money' : ''}
    </p>
  );
}
