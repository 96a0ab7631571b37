import { useState } from 'react';
import type { AllocationRequestInput } from '../../../../shared/allocation';
import { gatehouse } from '../../stores/ticket-store';
import { NO_RISK, RiskFields, riskSizing } from './risk-fields';

/**
 * The one-account ticket's risk sizing: a risk per trade and a stop give the quantity, capped where the
 * account's rules would cap it (an IRA's settled cash, the size cap). The main process works it out from
 * the account's own figures and says which cap bound it; the quantity field is filled, never sent.
 */
export function RiskSizer({
  account,
  terms,
  onSized,
}: {
  account: string;
  terms: () => AllocationRequestInput['order'];
  onSized(quantity: number): void;
}) {
  const [risk, setRisk] = useState('');
  const [form, setForm] = useState(NO_RISK);
  const [said, setSaid] = useState<{ text: string; ok: boolean } | null>(null);
  const size = async () => {
    const answer = await gatehouse().orders.size({
      order: terms(),
      accounts: [account],
      sizing: riskSizing(risk, form),
    });
    if (!answer.ok) {
      setSaid({ text: [answer.error.message, ...(answer.error.issues ?? [])].join(' '), ok: false });
      return;
    }
    const [row] = answer.value;
    if (!row) return;
    if (row.quantity > 0) onSized(row.quantity);
    setSaid({ text: row.problem ?? row.sizing, ok: row.problem === null });
  };
  return (
    <details className="risk-sizer">
      <summary>Size by risk</summary>
      <label>
        Risk per trade
        <input value={risk} onChange={(e) => setRisk(e.target.value)} inputMode="decimal" size={9} />
      </label>
      <RiskFields value={form} onChange={setForm} />
      <button type="button" onClick={() => void size()}>
        Size
      </button>
      {said && (
        <p role={said.ok ? 'status' : 'alert'} aria-label="Sizing" className="ticket-note">
          {said.text}
        </p>
      )}
    </details>
  );
}
