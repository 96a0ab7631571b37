import type { Account } from '../../../../shared/accounts';
import { isIra } from '../../../../shared/enums';
import { element } from '../cell-elements';

/** What an IRA means for trading here, said once where the account is named. */
function iraBadge(): HTMLElement {
  return element(
    'span',
    {
      class: 'ira-badge',
      role: 'note',
      'aria-label': 'IRA restrictions: cash only, no short selling, USD withdrawals only',
      title:
        'Individual retirement account: no margin, no short selling, no foreign-currency borrowing; withdrawals are paid in USD.',
    },
    'IRA · cash only · no shorts · USD withdrawals only',
  );
}

/** An account as people name it: their label, the id, and the IRA badge where it applies. */
export function accountName(id: string, account: Account | undefined): HTMLElement {
  if (!account) return element('span', {}, id);
  return element(
    'span',
    { class: 'account-name' },
    element('strong', {}, account.label),
    ' ',
    element('span', { class: 'account-id' }, account.id),
    isIra(account.kind) && iraBadge(),
  );
}
