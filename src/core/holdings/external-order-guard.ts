import type { ExternalAccount } from '../../shared/holdings';
import { NOT_TRADABLE } from '../../shared/holdings-words';
import { describeOrder } from '../../shared/order-words';
import type { OrderPreview } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { TradingMode } from '../../shared/session';
import type { Check, OrderTicket } from '../../shared/ticket';
import type { Handlers } from '../ipc/router';

/** The check an order for an external account gets: a block with its own id, whatever else is true. */
export function externalAccountCheck(account: Pick<ExternalAccount, 'id' | 'name'>): Check {
  return {
    id: 'external-account',
    rule: 'Tradable here',
    outcome: 'block',
    message: `${account.name} (${account.id}) is an external account imported from another broker's export — ${NOT_TRADABLE}. Gatehouse shows its holdings and never sends it to IB Gateway; trade it at that broker.`,
  };
}

export interface ExternalOrderGuardOptions {
  external(id: string): ExternalAccount | undefined;
  mode(): TradingMode;
  now(): number;
}

type Guarded = 'orders.preview' | 'orders.size' | 'orders.previewAllocation';

/**
 * Puts the external-account rule in front of every order path: a preview for an external account is
 * answered here, blocked, before the orders service reads anything from the gateway (so the account never
 * reaches it); sizing and allocations naming one are refused with the same sentence. The preview is not
 * stored, so a submit of its id is refused as unknown too.
 */
export function guardExternalOrders<H extends Pick<Handlers, Guarded>>(
  handlers: H,
  options: ExternalOrderGuardOptions,
): H {
  let refusals = 0;
  const refuseAny = (accounts: readonly string[]) => {
    for (const id of accounts) {
      const account = options.external(id);
      if (account) throw new AppError('refused', externalAccountCheck(account).message);
    }
  };
  const blockedPreview = (ticket: OrderTicket, account: ExternalAccount): OrderPreview => {
    const now = options.now();
    return {
      previewId: `external-refused-${++refusals}`,
      ticket,
      account: { id: account.id, kind: null, kindSource: null, label: account.name, ibAccountType: null },
      mode: options.mode(),
      words: describeOrder(ticket, account.name),
      checks: [externalAccountCheck(account)],
      blocked: true,
      toAcknowledge: [],
      whatIf: null,
      whatIfProblem: `Not asked: ${account.name} is ${NOT_TRADABLE}.`,
      quote: null,
      allocationId: null,
      createdAt: now,
      expiresAt: now,
    };
  };
  return {
    ...handlers,
    'orders.preview': (ticket) => {
      const account = options.external(ticket.account);
      return account ? blockedPreview(ticket, account) : handlers['orders.preview'](ticket);
    },
    'orders.size': (request) => {
      refuseAny(request.accounts);
      return handlers['orders.size'](request);
    },
    'orders.previewAllocation': (request) => {
      refuseAny(request.accounts);
      if (request.sizing.mode === 'per-account') refuseAny(Object.keys(request.sizing.quantities));
      return handlers['orders.previewAllocation'](request);
    },
  };
}
