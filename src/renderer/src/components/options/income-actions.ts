import type { IncomePrefill, IncomeRequest } from '../../../../shared/income';
import { report, useNoticeStore } from '../../stores/notice-store';
import { isIra } from '../../../../shared/enums';
import { gatehouse, loadAccounts, openTicket, useOrderStore, type TicketPrefill } from '../../stores/ticket-store';

/**
 * The IRA income row actions: the services size the option (what the account has left to cover or secure)
 * and the ticket opens with it; when nothing is left the action says why instead of opening a ticket.
 */

/** The sentence names the account it sized for: another account in the ticket may cover fewer. */
async function openIncomeTicket(
  account: string,
  answer: Promise<IncomePrefill | null>,
  resize?: TicketPrefill['resize'],
): Promise<void> {
  const prefill = await answer;
  if (prefill === null) return;
  useNoticeStore.getState().push('info', `${account}: ${prefill.sentence}`);
  if (prefill.ticket !== null) openTicket(resize ? { ...prefill.ticket, resize } : prefill.ticket);
}

/** "Sell covered call" on a stock position: the account's free shares ÷ 100 calls at the next monthly. */
export function sellCoveredCall(request: IncomeRequest): Promise<void> {
  return openIncomeTicket(request.account, report(gatehouse().options.coveredCallPrefill(request)));
}

/**
 * "Sell cash-secured put" on a watchlist row: as many puts as the free settled cash of the first IRA (else
 * the first account) secures.
 */
export async function sellSecuredPut(conId: number): Promise<void> {
  if (useOrderStore.getState().accounts.length === 0) await loadAccounts();
  const { accounts } = useOrderStore.getState();
  const account = (accounts.find((a) => isIra(a.kind)) ?? accounts[0])?.id;
  if (account === undefined) return;
  await openIncomeTicket(account, report(gatehouse().options.securedPutPrefill({ account, conId })), (other) =>
    resizeSecuredPut(other, conId),
  );
}

/**
 * The puts another account's free settled cash secures, when the person moves the ticket to it; the notice
 * says what the new size rests on. Null when the services could not say.
 */
async function resizeSecuredPut(account: string, conId: number): Promise<number | null> {
  const prefill = await report(gatehouse().options.securedPutPrefill({ account, conId }));
  if (prefill === null) return null;
  useNoticeStore.getState().push('info', `${account}: ${prefill.sentence}`);
  return prefill.contracts;
}
