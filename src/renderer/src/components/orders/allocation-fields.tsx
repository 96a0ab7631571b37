import type { AllocationRequestInput } from '../../../../shared/allocation';
import { ALLOCATION_MODES, isOneOf, type AllocationMode } from '../../../../shared/enums';
import type { TicketAccount } from '../../../../shared/orders';
import { RiskFields, riskSizing, type RiskForm } from './risk-fields';

/** The ticket's allocation part: which accounts, and how each account's quantity is found. */
export interface AllocationForm {
  accounts: string[];
  mode: AllocationMode;
  /** Typed quantities by account, for the per-account mode. */
  perAccount: Record<string, string>;
  /** The risk mode's unit and stop. */
  risk: RiskForm;
}

const MODE_LABELS: Record<AllocationMode, string> = {
  same: 'Same quantity in each',
  'split-net-liq': 'A total, split by net liquidation',
  'percent-net-liq': "A percent of each account's net liquidation",
  'per-account': 'Typed for each account',
  risk: 'By risk per trade, to a stop',
};

/** What the ticket's amount field means in each mode (per-account has a field per account instead). */
export const AMOUNT_LABELS: Record<Exclude<AllocationMode, 'per-account'>, string> = {
  same: 'Quantity per account',
  'split-net-liq': 'Total quantity',
  'percent-net-liq': 'Percent of net liquidation',
  risk: 'Risk per trade',
};

const amount = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function sizingFrom(form: AllocationForm, typed: string): AllocationRequestInput['sizing'] {
  switch (form.mode) {
    case 'same':
      return { mode: 'same', quantity: amount(typed) };
    case 'split-net-liq':
      return { mode: 'split-net-liq', total: amount(typed) };
    case 'percent-net-liq':
      return { mode: 'percent-net-liq', percent: amount(typed) };
    case 'per-account':
      return {
        mode: 'per-account',
        quantities: Object.fromEntries(form.accounts.map((a) => [a, amount(form.perAccount[a] ?? '') || 0])),
      };
    case 'risk':
      return riskSizing(typed, form.risk);
  }
}

export function AllocationFields({
  accounts,
  form,
  onChange,
}: {
  accounts: readonly TicketAccount[];
  form: AllocationForm;
  onChange(form: AllocationForm): void;
}) {
  const toggle = (id: string, on: boolean) =>
    onChange({
      ...form,
      accounts: on
        ? accounts.filter((a) => a.id === id || form.accounts.includes(a.id)).map((a) => a.id)
        : form.accounts.filter((a) => a !== id),
    });
  return (
    <>
      <fieldset className="allocation-accounts">
        <legend>Accounts</legend>
        {accounts.map((a) => (
          <label key={a.id} className="inline">
            <input
              type="checkbox"
              checked={form.accounts.includes(a.id)}
              disabled={a.kind === null}
              onChange={(e) => toggle(a.id, e.target.checked)}
            />
            {a.id} <span className={`account-badge kind-${a.kind}`}>{a.label}</span>
          </label>
        ))}
      </fieldset>
      <label>
        Sizing
        <select
          value={form.mode}
          onChange={(e) => {
            if (isOneOf(ALLOCATION_MODES, e.target.value)) onChange({ ...form, mode: e.target.value });
          }}
        >
          {ALLOCATION_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </label>
      {form.mode === 'risk' && <RiskFields value={form.risk} onChange={(risk) => onChange({ ...form, risk })} />}
      {form.mode === 'per-account' &&
        form.accounts.map((id) => (
          <label key={id}>
            Quantity for {id}
            <input
              value={form.perAccount[id] ?? ''}
              onChange={(e) => onChange({ ...form, perAccount: { ...form.perAccount, [id]: e.target.value } })}
              inputMode="numeric"
              size={7}
            />
          </label>
        ))}
    </>
  );
}
