import { applyFill, cloneBook, type AccountBook } from './account-book';
import { assessAccount, type AccountRisk } from './account-risk';
import { commissionFor } from './commission';
import { legAction, legTouch, netMarket, unpricedLeg, type PricedLeg } from './combo-pricing';
import { checkMargin, checkPermissions, checkSettledCash, orderRejected, type PendingOrder } from './order-rules';
import { type Valuer } from './valuer';
import { type Instrument, type Quote, type SimOrderRequest, type SimRejection } from './types';

/** What judging a combo needs to know of the world. */
export interface ComboContext {
  book: AccountBook;
  instrument(conId: number): Instrument | undefined;
  quote(conId: number): Readonly<Quote>;
  /** The account's other open orders. */
  pending: readonly PendingOrder[];
  valuer: Valuer;
}

export type ComboEvaluation =
  | { ok: false; rejection: SimRejection }
  | {
      ok: true;
      legs: PricedLeg[];
      before: AccountRisk;
      after: AccountRisk;
      commission: number;
      /** A cash or margin shortfall: place rejects on it; a what-if reports it as a warning. */
      shortfall: SimRejection | null;
    };

// IBKR answers a contract it cannot find with 200, whichever part of the order names it.
const NO_SECURITY_DEFINITION: SimRejection = {
  code: 200,
  message: 'No security definition has been found for the request',
};
const COMBO_ORDER_TYPES = new Set(['LMT', 'MKT']);

/** The combo order is well formed: legs, a size, and a net limit (any sign: negative is a credit). */
function checkComboRequest(request: SimOrderRequest): SimRejection | null {
  const legs = request.comboLegs ?? [];
  if (legs.length === 0) return orderRejected('A combination order needs at least one leg.');
  if (legs.some((leg) => !(Number.isInteger(leg.ratio) && leg.ratio > 0))) {
    return orderRejected('Each combination leg needs a positive whole ratio.');
  }
  if (new Set(legs.map((leg) => leg.conId)).size !== legs.length) {
    return orderRejected('A combination order cannot name the same leg twice.');
  }
  if (!COMBO_ORDER_TYPES.has(request.orderType)) {
    return {
      code: 387,
      message: `Unsupported order type for this exchange and security type: ${request.orderType}.`,
    };
  }
  if (!(request.totalQuantity > 0 && Number.isInteger(request.totalQuantity))) {
    return orderRejected('The order quantity must be a positive whole number of combinations.');
  }
  if (request.orderType === 'LMT' && !Number.isFinite(request.lmtPrice ?? NaN)) {
    return orderRejected('A LMT combination order needs a net limit price.');
  }
  return null;
}

/** Each leg's contract and quote; the first leg the world does not know, or cannot price, refuses the order. */
function priceLegs(request: SimOrderRequest, context: ComboContext): PricedLeg[] | SimRejection {
  const legs: PricedLeg[] = [];
  for (const leg of request.comboLegs ?? []) {
    const instrument = context.instrument(leg.conId);
    if (!instrument) return NO_SECURITY_DEFINITION;
    legs.push({ leg, instrument, quote: context.quote(leg.conId) });
  }
  if (new Set(legs.map(({ instrument }) => instrument.currency)).size > 1) {
    return orderRejected('All legs of a combination must trade in one currency.');
  }
  const unpriced = unpricedLeg(legs);
  if (unpriced) {
    // IBKR documents no text for this case; the wording follows its 201 form and names the leg.
    return orderRejected(
      `The combination cannot be priced: leg ${unpriced.instrument.localSymbol} (conId ${unpriced.instrument.conId}) has no bid and ask.`,
    );
  }
  return legs;
}

/**
 * Judges a combo as one order, as IBKR does: the legs that buy are booked first, so a closing leg frees the
 * shares or cash that cover the leg it opens (a roll), then every leg meets the account's permissions on that
 * book; the net debit must be settled cash in a cash account, and the whole must pass the margin check.
 */
export function evaluateCombo(request: SimOrderRequest, context: ComboContext): ComboEvaluation {
  const malformed = checkComboRequest(request);
  if (malformed) return { ok: false, rejection: malformed };
  const legs = priceLegs(request, context);
  if (!Array.isArray(legs)) return { ok: false, rejection: legs };
  const ordered = [...legs].sort(
    (a, b) => Number(legAction(a.leg, request.action) === 'SELL') - Number(legAction(b.leg, request.action) === 'SELL'),
  );
  const entered = cloneBook(context.book);
  let commission = 0;
  for (const priced of ordered) {
    const { instrument } = priced;
    const action = legAction(priced.leg, request.action);
    const quantity = priced.leg.ratio * request.totalQuantity;
    const price = legTouch(priced, request.action);
    const legCommission = commissionFor(instrument, quantity, price);
    const forbidden = checkPermissions({
      book: entered,
      instrument,
      action,
      quantity,
      price,
      commission: legCommission,
      pending: context.pending,
      instrumentOf: (conId) => context.valuer.instrument(conId),
    });
    if (forbidden) return { ok: false, rejection: forbidden };
    applyFill(entered, { instrument, action, quantity, price, commission: legCommission });
    commission += legCommission;
  }
  const before = assessAccount(context.book, context.valuer);
  const after = assessAccount(entered, context.valuer);
  return {
    ok: true,
    legs,
    before,
    after,
    commission,
    shortfall: netDebitShortfall(request, legs, context, commission) ?? checkMargin(before, after),
  };
}

/**
 * A cash account pays a combo's net debit (at its limit, or the market for MKT) from settled cash, as one
 * purchase of the combo: the cash check sees it as a buy of that many units of the first leg's multiplier.
 */
function netDebitShortfall(
  request: SimOrderRequest,
  legs: readonly PricedLeg[],
  context: ComboContext,
  commission: number,
): SimRejection | null {
  const perUnit = request.orderType === 'LMT' ? (request.lmtPrice ?? 0) : netMarket(legs, request.action);
  const debit = request.action === 'BUY' ? perUnit : -perUnit;
  const first = legs[0];
  if (debit <= 0 || !first) return null;
  return checkSettledCash({
    book: context.book,
    instrument: first.instrument,
    action: 'BUY',
    quantity: request.totalQuantity,
    price: debit,
    commission,
    pending: context.pending,
    instrumentOf: (conId) => context.valuer.instrument(conId),
  });
}
