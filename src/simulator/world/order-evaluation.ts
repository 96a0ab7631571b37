import { applyFill, cloneBook, type AccountBook } from './account-book';
import { assessAccount, type AccountRisk } from './account-risk';
import { commissionFor } from './commission';
import { evaluateCombo } from './combo-rules';
import { expectedPrice } from './order-matching';
import {
  checkMargin,
  checkPermissions,
  checkRequest,
  checkSettledCash,
  orderRejected,
  type OrderCheck,
  type PendingOrder,
} from './order-rules';
import { alternatives } from './order-groups';
import type { Valuer } from './valuer';
import type { ContractQuery, Instrument, Quote, SimOrder, SimOrderRequest, SimRejection } from './types';

export const NO_SECURITY_DEFINITION: SimRejection = {
  code: 200,
  message: 'No security definition has been found for the request',
};

export type Evaluation =
  | { ok: false; rejection: SimRejection }
  | {
      ok: true;
      instrument: Instrument;
      before: AccountRisk;
      after: AccountRisk;
      commission: number;
      /** A cash or margin shortfall: place rejects on it; a what-if reports it as a warning. */
      shortfall: SimRejection | null;
    };

/** What judging an order reads of the world; nothing here changes it. */
export interface Market {
  books: ReadonlyMap<string, AccountBook>;
  valuer: Valuer;
  quote(conId: number): Quote;
  instrument(conId: number): Instrument | undefined;
  /** Exactly one instrument, or none: an ambiguous contract is as unknown as a missing one. */
  resolve(contract: ContractQuery): Instrument | undefined;
}

/** The order's context on its account: its filled-or-working parent and the account's other open orders. */
export interface Surroundings {
  parent: SimOrder | undefined;
  pending: PendingOrder[];
}

/**
 * Runs an order (or the unfilled rest of an amended one, after `alreadyFilled`) through every check and
 * prices its effect on the account.
 */
export function evaluateOrder(
  market: Market,
  request: SimOrderRequest,
  alreadyFilled: number,
  { parent, pending }: Surroundings,
): Evaluation {
  const book = market.books.get(request.account);
  if (!book) {
    const managed = [...market.books.keys()].join(', ');
    return {
      ok: false,
      rejection: orderRejected(`The account ${request.account} is not one of this login's accounts (${managed}).`),
    };
  }
  const instrument = market.resolve(request.contract);
  if (!instrument) return { ok: false, rejection: NO_SECURITY_DEFINITION };
  const malformed = checkRequest(request, instrument);
  if (malformed) return { ok: false, rejection: malformed };
  const quantity = request.totalQuantity - alreadyFilled;
  const price = expectedPrice(request, market.quote(instrument.conId));
  const commission = commissionFor(instrument, quantity, price);
  const entered = withParentFilled(market, book, request, parent);
  const check: OrderCheck = {
    book: entered,
    instrument,
    action: request.action,
    quantity,
    price,
    commission,
    pending,
    instrumentOf: (conId) => market.valuer.instrument(conId),
  };
  const forbidden = checkPermissions(check);
  if (forbidden) return { ok: false, rejection: forbidden };
  const before = assessAccount(entered, market.valuer);
  const filled = cloneBook(entered);
  applyFill(filled, { instrument, action: request.action, quantity, price, commission });
  const after = assessAccount(filled, market.valuer);
  return {
    ok: true,
    instrument,
    before,
    after,
    commission,
    shortfall: checkSettledCash(check) ?? checkMargin(before, after),
  };
}

/** A combo order judged as a whole (combo-rules.ts), reported on its first leg's underlying. */
export function evaluateComboOrder(market: Market, request: SimOrderRequest, pending: PendingOrder[]): Evaluation {
  const book = market.books.get(request.account);
  if (!book)
    return {
      ok: false,
      rejection: orderRejected(`The account ${request.account} is not one of this login's accounts.`),
    };
  const evaluation = evaluateCombo(request, {
    book,
    instrument: (conId) => market.instrument(conId),
    quote: (conId) => market.quote(conId),
    pending,
    valuer: market.valuer,
  });
  if (!evaluation.ok) return evaluation;
  // The combo is reported on its first leg's underlying: the symbol IBKR gives a BAG contract.
  const first = evaluation.legs[0]?.instrument;
  const instrument = (first?.underConId && market.instrument(first.underConId)) || first;
  return instrument ? { ...evaluation, instrument } : { ok: false, rejection: NO_SECURITY_DEFINITION };
}

/** A bracket child is judged as the exit it is: on the book as it will stand once its parent has filled. */
function withParentFilled(
  market: Market,
  book: AccountBook,
  request: SimOrderRequest,
  parent: SimOrder | undefined,
): AccountBook {
  if (!parent || parent.remaining === 0 || parent.request.account !== request.account) return book;
  const entered = cloneBook(book);
  const price = expectedPrice(parent.request, market.quote(parent.instrument.conId));
  const commission = commissionFor(parent.instrument, parent.remaining, price);
  const { instrument, remaining: quantity } = parent;
  applyFill(entered, { instrument, action: parent.request.action, quantity, price, commission });
  return entered;
}

/**
 * The account's other open single orders, for the checks: without the order's own parent (already counted
 * as filled) and without its OCA or bracket alternatives, of which only one can fill in full.
 */
export function pendingSingles(
  market: Market,
  order: SimOrderRequest,
  open: readonly Readonly<SimOrder>[],
): PendingOrder[] {
  return open
    .filter(
      ({ request }) =>
        request.account === order.account &&
        request.orderId !== order.orderId &&
        request.orderId !== order.parentId &&
        !alternatives(order, request),
    )
    .map(({ request, instrument, remaining }) => ({
      instrument,
      action: request.action,
      remaining,
      price: expectedPrice(request, market.quote(instrument.conId)),
    }));
}
