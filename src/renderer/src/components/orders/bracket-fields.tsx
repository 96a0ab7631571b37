import type { OrderType } from '../../../../shared/enums';

/** A bracket's exits as typed: either price may be left empty, not both (the server says so). */
export interface BracketForm {
  takeProfit: string;
  stopLoss: string;
}

/** IBKR's bracket entries: market, limit and stop-limit orders. */
export const BRACKET_ENTRIES: readonly OrderType[] = ['MKT', 'LMT', 'STP LMT'];

/** The ticket's bracket switch and, when on, the take-profit and stop-loss prices. */
export function BracketFields({
  form,
  onChange,
}: {
  form: BracketForm | null;
  onChange(next: BracketForm | null): void;
}) {
  return (
    <>
      <label className="inline">
        <input
          type="checkbox"
          checked={form !== null}
          onChange={(e) => onChange(e.target.checked ? { takeProfit: '', stopLoss: '' } : null)}
        />
        Bracket: exit with a take-profit and a stop-loss (one cancels the other)
      </label>
      {form && (
        <>
          <ExitPrice
            label="Take-profit limit"
            value={form.takeProfit}
            onChange={(takeProfit) => onChange({ ...form, takeProfit })}
          />
          <ExitPrice
            label="Stop-loss stop"
            value={form.stopLoss}
            onChange={(stopLoss) => onChange({ ...form, stopLoss })}
          />
        </>
      )}
    </>
  );
}

function ExitPrice({ label, value, onChange }: { label: string; value: string; onChange(next: string): void }) {
  return (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} inputMode="decimal" size={9} />
    </label>
  );
}
