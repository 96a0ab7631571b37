import { type AccountBook } from './account-book';
import { checkAlgo } from './adaptive';
import { type AccountRisk } from './account-risk';
import { commissionFor } from './commission';
import { hasLimit, isStop } from './order-matching';
import { ticksPerUnit } from './ticks';
import { isTrail, limitOffset } from './trailing';
import { type Instrument, type OrderAction, type SimOrderRequest, type SimRejection } from './types';

/** IBKR's wording: the reason follows the colon with no space. */
export const orderRejected = (reason: string): SimRejection => ({
  code: 201,
  message: `Order rejected - reason:${reason}`,
});

const money = (amount: number, currency: string): string => `${amount.toFixed(2)} ${currency}`;

/** Another open order of the same account, as far as the checks care. */
export interface PendingOrder {
  instrument: Instrument;
  action: OrderAction;
  remaining: number;
  price: number;
}

/** An order about to be accepted, with what the checks need to know about its account. */
export interface OrderCheck {
  book: AccountBook;
  instrument: Instrument;
  action: OrderAction;
  quantity: number;
  /** Expected fill price (see expectedPrice). */
  price: number;
  commission: number;
  pending: readonly PendingOrder[];
  instrumentOf(conId: number): Instrument;
}

/** The order is well formed for its contract: a size, the prices its type needs, on the contract's tick. */
export function checkRequest(request: SimOrderRequest, instrument: Instrument): SimRejection | null {
  const { totalQuantity, orderType, lmtPrice, auxPrice } = request;
  if (!(totalQuantity > 0)) return orderRejected('The order quantity must be greater than zero.');
  if (!Number.isInteger(totalQuantity)) {
    return {
      code: 10243,
      message: 'Fractional-sized order cannot be placed via API. Please use desktop version to place this order.',
    };
  }
  if (hasLimit(orderType) && !(lmtPrice !== undefined && lmtPrice > 0)) {
    return orderRejected(`A ${orderType} order needs a positive limit price.`);
  }
  if (isStop(orderType) && !(auxPrice !== undefined && auxPrice > 0)) {
    return orderRejected(`A ${orderType} order needs a positive stop price.`);
  }
  const trail = isTrail(orderType) ? checkTrail(request) : null;
  if (trail) return trail;
  const algo = checkAlgo(request);
  if (algo) return algo;
  const prices = [hasLimit(orderType) ? lmtPrice : undefined, isStop(orderType) ? auxPrice : undefined];
  if (prices.some((price) => price !== undefined && !onTick(price, instrument.minTick))) {
    return { code: 110, message: 'The price does not conform to the minimum price variation for this contract.' };
  }
  return null;
}

/** A trailing order trails by an amount (auxPrice) or a percent, exactly one; a TRAIL LIMIT also needs its offset. */
function checkTrail(request: SimOrderRequest): SimRejection | null {
  const { orderType, auxPrice, trailingPercent } = request;
  const byAmount = auxPrice !== undefined && auxPrice > 0;
  const byPercent = trailingPercent !== undefined && trailingPercent > 0;
  if (!byAmount && !byPercent) {
    return orderRejected(`A ${orderType} order needs a positive trailing amount or trailing percent.`);
  }
  if (byAmount && byPercent) {
    return orderRejected('Specify either a trailing amount or a trailing percent, not both.');
  }
  if (orderType === 'TRAIL LIMIT' && limitOffset(request) === undefined) {
    return orderRejected('A TRAIL LIMIT order needs a limit price offset (lmtPriceOffset).');
  }
  return null;
}

function onTick(price: number, minTick: number): boolean {
  const ticks = price * ticksPerUnit(minTick);
  return Math.abs(ticks - Math.round(ticks)) < 1e-6;
}

/** What the account may trade at all, whatever its funds: the IRA's restrictions and the borrow limits. */
export function checkPermissions(check: OrderCheck): SimRejection | null {
  return check.book.info.kind === 'IRA' ? iraPermission(check) : borrowPermission(check);
}

function iraPermission(check: OrderCheck): SimRejection | null {
  const { instrument, action, quantity } = check;
  if (action === 'BUY') {
    return instrument.stockType === 'MLP'
      ? orderRejected(
          'Master limited partnerships may generate unrelated business taxable income (UBTI) and cannot be bought in an IRA.',
        )
      : null;
  }
  if (instrument.secType === 'STK' && quantity > freeShares(check, instrument.conId)) {
    return orderRejected('Short stock positions can only be held in a margin account.');
  }
  if (instrument.secType === 'OPT' && instrument.right === 'C') {
    const opening = quantity - Math.max(0, freeLong(check, instrument.conId));
    if (opening > 0 && opening * instrument.multiplier > freeShares(check, instrument.underConId)) {
      return orderRejected(
        'Uncovered (naked) call positions can only be held in a margin account. A short call in an IRA needs ' +
          `${instrument.multiplier} shares of ${instrument.symbol} per contract that are not already pledged or being sold.`,
      );
    }
  }
  // Short puts are cash-secured through the margin check; futures may be sold; FX sells meet the cash check.
  return null;
}

function borrowPermission(check: OrderCheck): SimRejection | null {
  const { instrument, action, quantity } = check;
  if (instrument.secType !== 'STK' || action !== 'SELL') return null;
  const short = quantity - Math.max(0, freeLong(check, instrument.conId));
  if (short <= 0) return null;
  if (instrument.shortableShares === 0) return orderRejected('The contract is not available for short sale.');
  if (short > instrument.shortableShares) {
    return orderRejected(
      `The contract is not available for short sale in this size: only ${instrument.shortableShares} shares can be borrowed.`,
    );
  }
  return null;
}

/** Units held long and not already promised to open sell orders. May go negative. */
function freeLong(check: OrderCheck, conId: number): number {
  const held = check.book.holdings.get(conId)?.quantity ?? 0;
  return Math.max(0, held) - pendingSells(check.pending, conId);
}

/** Shares the account can still deliver: free of open sells and of short calls written against them. */
function freeShares(check: OrderCheck, stockConId: number): number {
  let pledged = 0;
  for (const [conId, held] of check.book.holdings) {
    const option = check.instrumentOf(conId);
    if (isCallOn(option, stockConId) && held.quantity < 0) pledged += -held.quantity * option.multiplier;
  }
  const pendingCalls = new Map<number, Instrument>();
  for (const order of check.pending) {
    if (order.action === 'SELL' && isCallOn(order.instrument, stockConId)) {
      pendingCalls.set(order.instrument.conId, order.instrument);
    }
  }
  for (const call of pendingCalls.values()) {
    pledged += Math.max(0, -freeLong(check, call.conId)) * call.multiplier;
  }
  return freeLong(check, stockConId) - pledged;
}

const isCallOn = (instrument: Instrument, stockConId: number): boolean =>
  instrument.secType === 'OPT' && instrument.right === 'C' && instrument.underConId === stockConId;

function pendingSells(pending: readonly PendingOrder[], conId: number): number {
  let sells = 0;
  for (const order of pending) {
    if (order.action === 'SELL' && order.instrument.conId === conId) sells += order.remaining;
  }
  return sells;
}

/** The settled cash an order spends, and in which currency; null when it spends none up front. */
function cashDemand(
  instrument: Instrument,
  action: OrderAction,
  quantity: number,
  price: number,
  commission: number,
): { currency: string; amount: number } | null {
  switch (instrument.secType) {
    case 'FUT':
      return null;
    case 'CASH':
      return action === 'BUY'
        ? { currency: instrument.currency, amount: quantity * price + commission }
        : { currency: instrument.symbol, amount: quantity };
    default:
      return action === 'BUY'
        ? { currency: instrument.currency, amount: quantity * price * instrument.multiplier + commission }
        : null;
  }
}

/**
 * A cash account cannot borrow: what a buy spends — with the account's other open buys in that currency —
 * must be settled cash in that very currency. USD falls short as "no margin", anything else as "no FX
 * borrowing", with the conversion hint.
 */
export function checkSettledCash(check: OrderCheck): SimRejection | null {
  if (check.book.info.kind !== 'IRA') return null;
  const demand = cashDemand(check.instrument, check.action, check.quantity, check.price, check.commission);
  if (!demand) return null;
  let committed = 0;
  for (const order of check.pending) {
    const other = cashDemand(
      order.instrument,
      order.action,
      order.remaining,
      order.price,
      commissionFor(order.instrument, order.remaining, order.price),
    );
    if (other?.currency === demand.currency) committed += other.amount;
  }
  const available = (check.book.cash.get(demand.currency)?.settled ?? 0) - committed;
  if (demand.amount <= available) return null;
  if (demand.currency === 'USD') {
    return orderRejected(
      `YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR SETTLED CASH [${money(available, 'USD')}] ` +
        `MUST EXCEED THE ORDER COST [${money(demand.amount, 'USD')}]. A CASH ACCOUNT CANNOT BORROW.`,
    );
  }
  return orderRejected(
    `An IRA cannot borrow ${demand.currency}: the order needs ${money(demand.amount, demand.currency)} and the ` +
      `account has ${money(available, demand.currency)} settled. Convert USD to ${demand.currency} first.`,
  );
}

/** Any account: an order that adds margin must leave equity with loan above the initial margin. */
export function checkMargin(before: AccountRisk, after: AccountRisk): SimRejection | null {
  if (after.initMargin <= before.initMargin || after.equityWithLoan >= after.initMargin) return null;
  return orderRejected(
    `YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE ` +
      `[${money(after.equityWithLoan, 'USD')}] MUST EXCEED THE INITIAL MARGIN [${money(after.initMargin, 'USD')}]`,
  );
}
