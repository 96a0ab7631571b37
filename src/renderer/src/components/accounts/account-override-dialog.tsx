import { useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/accounts';
import { ACCOUNT_KINDS, isOneOf, KIND_LABELS, type AccountKind } from '../../../../shared/enums';
import { useAccountsStore } from '../../stores/accounts-store';
import { ModalDialog } from '../modal-dialog';

const LABEL_MAX = 40;

/** Puts the services' answer in place at once; the next accounts.update says the same. */
function showAccount(saved: Account): void {
  useAccountsStore.setState((s) => ({ accounts: s.accounts.map((a) => (a.id === saved.id ? saved : a)) }));
}

/** The label an empty field stands for: the type's name, or (for IBKR's own type) what is shown now. */
function defaultLabel(account: Account, kind: AccountKind | ''): string {
  if (kind !== '') return KIND_LABELS[kind];
  return account.labelOverridden || account.kindOverridden ? 'The name of the type IBKR reports' : account.label;
}

/**
 * An account's type and label as the person knows them (IBKR's tag says only "IRA", not which kind).
 * Empty choices go back to IBKR's tag and the default label; the rules follow the saved type.
 */
export function AccountOverrideDialog({ account, onClose }: { account: Account; onClose(): void }) {
  const [kind, setKind] = useState<AccountKind | ''>(account.kindOverridden ? (account.kind ?? '') : '');
  const [label, setLabel] = useState(account.labelOverridden ? account.label : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reported = account.ibAccountType ?? 'not reported yet';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await window.gatehouse.accounts.setOverride({
      account: account.id,
      kind: kind === '' ? null : kind,
      label: label.trim() === '' ? null : label,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showAccount(result.value);
    onClose();
  };

  return (
    <ModalDialog title={`Edit account ${account.id}`} onCancel={onClose}>
      <form className="account-override-form" onSubmit={(event) => void save(event)}>
        <p className="account-override-hint">IBKR reports this account as: {reported}.</p>
        <label>
          Account type
          <select
            value={kind}
            disabled={busy}
            onChange={(event) => setKind(isOneOf(ACCOUNT_KINDS, event.target.value) ? event.target.value : '')}
          >
            <option value="">As IBKR reports it ({reported})</option>
            {ACCOUNT_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label
          <input
            type="text"
            value={label}
            maxLength={LABEL_MAX}
            placeholder={defaultLabel(account, kind)}
            disabled={busy}
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="settings-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
