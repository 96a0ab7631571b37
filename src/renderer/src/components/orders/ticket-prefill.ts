import type { PositionRow } from '../../../../shared/accounts';
import { isOneOf, ORDER_TYPES, TIMES_IN_FORCE } from '../../../../shared/enums';
import type { Listing } from '../../../../shared/market';
import type { OpenOrderRow } from '../../../../shared/order-book';
import type { TicketPrefill } from '../../stores/ticket-store';

/**
 * What each row fills in when it opens the ticket. Pure, so each prefill is tested directly. The ticket
 * form edits stocks; an option or future row opens it with what the row knows, and the form asks for the rest.
 */

/** Trade from a watchlist row: the instrument, nothing else decided; null for kinds the ticket does not trade. */
export function tradePrefill(
  listing: Pick<Listing, 'symbol' | 'secType' | 'currency' | 'exchange'>,
): TicketPrefill | null {
  // IBKR trades an ETF as a stock.
  const secType = secTypeOf(listing.secType === 'ETF' ? 'STK' : listing.secType);
  if (secType === null) return null;
  return { contract: { symbol: listing.symbol, secType, currency: listing.currency, exchange: listing.exchange } };
}

/** Trade from a positions row: its account and instrument; null for kinds the ticket does not trade. */
export function positionPrefill(row: PositionRow): TicketPrefill | null {
  const secType = secTypeOf(row.secType);
  if (secType === null) return null;
  return { account: row.account, contract: { symbol: row.symbol, secType, currency: row.currency } };
}

/**
 * Close (all of it) or trim (half, rounded down, at least one) a position: a long is sold, a short
 * bought back. The limit price is left for the person to set.
 */
export function closePrefill(row: PositionRow, part: 'close' | 'trim'): TicketPrefill | null {
  const held = Math.abs(row.quantity);
  const base = positionPrefill(row);
  if (held === 0 || base === null) return null;
  return {
    ...base,
    action: row.quantity > 0 ? 'SELL' : 'BUY',
    quantity: part === 'close' ? held : Math.max(1, Math.floor(held / 2)),
  };
}

/**
 * TWS's "buy at the ask" / "sell at the bid" from a row's prefill: a limit at the touch, or — with no usable
 * price on that side — the side alone (`priced` false) for the person to price.
 */
export function touchPrefill(
  base: TicketPrefill,
  action: 'BUY' | 'SELL',
  quote: { bid: number | null; ask: number | null } | undefined,
): { prefill: TicketPrefill; priced: boolean } {
  const price = action === 'BUY' ? quote?.ask : quote?.bid;
  if (price === null || price === undefined || !(price > 0)) return { prefill: { ...base, action }, priced: false };
  return { prefill: { ...base, action, orderType: 'LMT', limitPrice: price }, priced: true };
}

/**
 * Modify a working stock, option or future order: the ticket keeps the account, instrument, side and
 * type (IBKR changes only the quantity, prices and time in force of a working order) and carries the
 * order's id. Null when the ticket cannot express the order.
 */
export function modifyPrefill(row: OpenOrderRow): TicketPrefill | null {
  const { orderType } = row;
  const tif = row.tif || 'DAY';
  const contract = modifiedContract(row);
  if (contract === null || !isOneOf(ORDER_TYPES, orderType) || !isOneOf(TIMES_IN_FORCE, tif)) return null;
  if (row.action !== 'BUY' && row.action !== 'SELL') return null;
  const prefill: TicketPrefill = {
    modifyOrderId: row.orderId,
    account: row.account,
    contract,
    action: row.action,
    quantity: row.quantity,
    orderType,
    tif,
  };
  const needsLimit = orderType === 'LMT' || orderType === 'STP LMT';
  const needsStop = orderType === 'STP' || orderType === 'STP LMT';
  if (needsLimit && row.limitPrice !== null) prefill.limitPrice = row.limitPrice;
  if (needsStop && row.stopPrice !== null) prefill.stopPrice = row.stopPrice;
  if (orderType === 'TRAIL' || orderType === 'TRAIL LIMIT') {
    if (row.trailingPercent !== null) prefill.trailingPercent = row.trailingPercent;
    else if (row.stopPrice !== null) prefill.trailingAmount = row.stopPrice;
  }
  return prefill;
}

function secTypeOf(value: string): 'STK' | 'OPT' | 'FUT' | null {
  return value === 'STK' || value === 'OPT' || value === 'FUT' ? value : null;
}

/** The working order's instrument as the ticket names it; null for kinds or rows it cannot name. */
function modifiedContract(row: OpenOrderRow): NonNullable<TicketPrefill['contract']> | null {
  const symbol = row.underlying || row.symbol;
  if (row.secType === 'STK') return { symbol, secType: 'STK', currency: row.currency };
  const exchange = row.exchange || 'SMART';
  if (row.secType === 'FUT' && row.lastTradeDate)
    return { symbol, secType: 'FUT', currency: row.currency, exchange, lastTradeDate: row.lastTradeDate };
  if (row.secType === 'OPT' && row.lastTradeDate && row.strike !== null && row.right !== null)
    return {
      symbol,
      secType: 'OPT',
      currency: row.currency,
      exchange,
      lastTradeDate: row.lastTradeDate,
      strike: row.strike,
      right: row.right,
    };
  return null;
}
