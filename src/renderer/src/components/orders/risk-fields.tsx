/** Risk-based sizing's inputs, shared by the one-account ticket and the allocation: how risk is given, and the stop. */
export interface RiskForm {
  unit: 'usd' | 'percent';
  stop: string;
}

export const NO_RISK: RiskForm = { unit: 'usd', stop: '' };

const amount = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The sizing request's risk mode from what was typed: the risk itself, its unit and the stop. */
export const riskSizing = (risk: string, form: RiskForm) =>
  ({ mode: 'risk', risk: amount(risk), riskUnit: form.unit, stopPrice: amount(form.stop) }) as const;

export function RiskFields({ value, onChange }: { value: RiskForm; onChange(form: RiskForm): void }) {
  return (
    <>
      <label>
        Risk as
        <select
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value === 'percent' ? 'percent' : 'usd' })}
        >
          <option value="usd">Dollars</option>
          <option value="percent">% of net liquidation</option>
        </select>
      </label>
      <label>
        Stop price for sizing
        <input
          value={value.stop}
          onChange={(e) => onChange({ ...value, stop: e.target.value })}
          inputMode="decimal"
          size={9}
        />
      </label>
    </>
  );
}
