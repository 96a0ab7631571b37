import { useEffect, useState, type FormEvent } from 'react';
import type { ExternalAccount, HoldingsCheck } from '../../../../shared/holdings';
import { HOLDINGS_FORMAT_NAMES, NOT_TRADABLE } from '../../../../shared/holdings-words';
import { ModalDialog } from '../modal-dialog';

const NAME_MAX = 40;

/**
 * Another broker's holdings, from its CSV export, as a read-only external account. The file is read by the
 * services first and nothing is kept until the person confirms: with refused lines, they see each with its
 * line number and reason and must choose to keep the rest (kept rather than all-or-nothing, because a
 * single option or odd line should not keep a whole 401k out). Importing under a name used before
 * replaces that account; each external account can be removed here.
 */
export function HoldingsImportDialog({ onClose }: { onClose(): void }) {
  const [accounts, setAccounts] = useState<ExternalAccount[]>([]);
  const [name, setName] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [checked, setChecked] = useState<HoldingsCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void window.gatehouse.holdings.list().then((result) => result.ok && setAccounts(result.value));
  }, []);

  const choose = async (file: File | undefined) => {
    setChecked(null);
    setError(null);
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    if (name.trim() === '') setName(file.name.replace(/\.csv$/i, '').slice(0, NAME_MAX));
    const result = await window.gatehouse.holdings.check({ csv: text });
    if (result.ok) setChecked(result.value);
    else setError(result.error.message);
  };

  const keep = async (event: FormEvent) => {
    event.preventDefault();
    if (csv === null || checked === null) return;
    setBusy(true);
    const result = await window.gatehouse.holdings.import({ name, csv, keepWithRefused: checked.refused.length > 0 });
    setBusy(false);
    if (!result.ok) {
      setError([result.error.message, ...(result.error.issues ?? [])].join(' '));
      return;
    }
    setAccounts(result.value);
    setCsv(null);
    setChecked(null);
    setName('');
  };

  const remove = async (account: ExternalAccount) => {
    const result = await window.gatehouse.holdings.remove({ id: account.id });
    if (result.ok) setAccounts(result.value);
    else setError(result.error.message);
  };

  return (
    <ModalDialog title="Holdings at other brokers" onCancel={onClose} className="holdings-import">
      <p className="account-override-hint">
        Fidelity or Schwab positions exports, Robinhood&apos;s account activity report, or a CSV with the header
        symbol,quantity,cost_basis. Shown with IBKR prices; {NOT_TRADABLE}.
      </p>
      {accounts.length > 0 && (
        <ul aria-label="External accounts" className="external-accounts">
          {accounts.map((account) => (
            <li key={account.id}>
              {account.name} · {account.holdings.length} holdings · {HOLDINGS_FORMAT_NAMES[account.format]}{' '}
              <button type="button" aria-label={`Remove ${account.name}`} onClick={() => void remove(account)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="account-override-form" onSubmit={(event) => void keep(event)}>
        <label>
          Account name
          <input
            type="text"
            value={name}
            maxLength={NAME_MAX}
            placeholder="Fidelity 401k"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        {checked && (
          <div role="status" aria-label="Import result">
            <p>
              {checked.holdings.length} rows imported, {checked.refused.length} rows refused (
              {HOLDINGS_FORMAT_NAMES[checked.format]}).
            </p>
            {checked.refused.length > 0 && (
              <ul aria-label="Refused rows">
                {checked.refused.map((row) => (
                  <li key={row.line}>
                    Line {row.line}: {row.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="settings-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Close
          </button>
          <button type="submit" disabled={busy || checked === null || checked.holdings.length === 0}>
            {checked && checked.refused.length > 0 ? 'Keep without the refused rows' : 'Import'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
