import { isIra } from '../../../../shared/ticket';
import { useAccountsStore } from '../../stores/accounts-store';

const IRA_TEXT = 'IRA · cash only · no shorts · USD withdrawals only';

/** What an IRA means for trading here, said once where the account is named. */
export function IraBadge() {
  return (
    <span
      className="ira-badge"
      role="note"
      aria-label="IRA restrictions: cash only, no short selling, USD withdrawals only"
      title="Individual retirement account: no margin, no short selling, no foreign-currency borrowing; withdrawals are paid in USD."
    >
      {IRA_TEXT}
    </span>
  );
}

/** An account as people name it: their label, the id, and the IRA badge where it applies. */
export function AccountName({ id }: { id: string }) {
  const account = useAccountsStore((s) => s.accounts.find((a) => a.id === id));
  if (!account) return <span>{id}</span>;
  return (
    <span className="account-name">
      <strong>{account.label}</strong> <span className="account-id">{account.id}</span>
      {isIra(account.kind) && <IraBadge />}
    </span>
  );
}
