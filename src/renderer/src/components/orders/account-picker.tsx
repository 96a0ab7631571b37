import { useId, type RefObject } from 'react';
import type { TicketAccount } from '../../../../shared/orders';

/** Where the rules' account kind came from, as the badge says it. */
const KIND_SOURCE_TEXT = { ibkr: "IBKR's account type", settings: 'your setting' } as const;

/** An account whose kind is not known yet cannot be chosen: the rules would not know what to apply. */
export const choosable = (a: TicketAccount) => a.kind !== null;

/** Whether a preview may be asked for this account: it is listed and its kind is known. */
export const pickable = (accounts: readonly TicketAccount[], id: string) =>
  accounts.some((a) => a.id === id && choosable(a));

/** The ticket's one account: its kind badge says where the kind came from; an unknown kind cannot be chosen. */
export function AccountPicker({
  accounts,
  account,
  fixed,
  loadFailed,
  selectRef,
  onChange,
}: {
  accounts: readonly TicketAccount[];
  account: string;
  fixed: boolean;
  /** The accounts' first load failed (the ticket shows why, with a Retry). */
  loadFailed: boolean;
  selectRef: RefObject<HTMLSelectElement | null>;
  onChange(id: string): void;
}) {
  const accountId = useId();
  const chosen = accounts.find((a) => a.id === account);
  const kindUnknown = chosen !== undefined && !choosable(chosen);
  const noKindKnown = accounts.length > 0 && !accounts.some(choosable);
  return (
    <>
      {/* Not wrapped in its label: a wrapped select's chosen option would become part of its name. */}
      <label htmlFor={accountId}>Account</label>
      <select
        id={accountId}
        ref={selectRef}
        value={account}
        disabled={fixed}
        onChange={(e) => onChange(e.target.value)}
      >
        {accounts.length === 0 && <option value="">{loadFailed ? 'Accounts not loaded' : 'Loading accounts…'}</option>}
        {noKindKnown && (
          <option value="" disabled>
            Waiting for IBKR&apos;s account types…
          </option>
        )}
        {accounts.map((a) => (
          <option key={a.id} value={a.id} disabled={!choosable(a)}>
            {a.id} — {a.label}
            {choosable(a) ? '' : " (waiting for IBKR's account type)"}
          </option>
        ))}
      </select>
      {chosen?.kindSource && (
        <span
          className={`account-badge kind-${chosen.kind}`}
          aria-label={`Account type: ${chosen.label}, from ${KIND_SOURCE_TEXT[chosen.kindSource]}`}
          title={`From ${KIND_SOURCE_TEXT[chosen.kindSource]}`}
        >
          {chosen.label}
        </span>
      )}
      {(kindUnknown || noKindKnown) && (
        <p role="status" className="ticket-note">
          IBKR has not sent the account type of {chosen?.id ?? 'any account'} yet, so which rules apply (IRA or not) is
          unknown and no order can be checked. Wait for the account summary, or set the type in the account&apos;s
          settings.
        </p>
      )}
    </>
  );
}
