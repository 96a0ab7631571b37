import type { Contract, OrderTicketInput } from './ticket';
import { amount, count } from './number-words';

/**
 * An order in the words the confirmation dialog and the audit panel use:
 * "Buy 100 AAPL at 190.00 limit, day, in Roth IRA DU1000001". One function, so the dialog, the
 * order list and the audit log never describe the same order differently.
 */
export function describeOrder(ticket: OrderTicketInput, accountLabel: string): string {
  const side = ticket.action === 'BUY' ? 'Buy' : 'Sell';
  const currency = ticket.contract.currency ?? 'USD';
  const tif = ticket.tif === 'GTC' ? 'good until cancelled' : 'day';
  const rth = ticket.outsideRth ? ', outside regular hours too' : '';
  const modify = ticket.modifyOrderId === undefined ? '' : `Modify order ${ticket.modifyOrderId}: `;
  const algo = ticket.adaptive === undefined ? '' : `, IBKR Adaptive (${ticket.adaptive.toLowerCase()})`;
  return `${modify}${side} ${count(ticket.quantity)} ${instrument(ticket.contract, ticket.quantity)} ${pricing(ticket, currency)}${algo}, ${tif}${rth}, in ${accountLabel} ${ticket.account}`;
}

function instrument(contract: OrderTicketInput['contract'], n: number): string {
  const c: Pick<Contract, 'symbol' | 'secType' | 'lastTradeDate' | 'strike' | 'right'> = contract;
  switch (c.secType) {
    case 'OPT': {
      const right = c.right === 'P' ? 'put' : 'call';
      return `${c.symbol} ${c.strike ?? '?'} ${n === 1 ? right : `${right}s`} expiring ${expiry(c.lastTradeDate)}`;
    }
    case 'FUT':
      return `${c.symbol} ${expiry(c.lastTradeDate)} ${n === 1 ? 'future' : 'futures'}`;
    case 'CASH':
      return `${c.symbol}`;
    default:
      return c.symbol;
  }
}

function expiry(date: string | undefined): string {
  if (date === undefined) return '(no expiry)';
  return date.length === 8
    ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`
    : `${date.slice(0, 4)}-${date.slice(4)}`;
}

function money(value: number | undefined, currency: string): string {
  return value === undefined ? '?' : amount(value, currency);
}

/** "2.00 below the highest bid", "1.5% above the lowest ask", with the first trigger when set. */
function trail(ticket: OrderTicketInput, currency: string): string {
  const by =
    ticket.trailingPercent !== undefined ? `${ticket.trailingPercent}%` : money(ticket.trailingAmount, currency);
  const side = ticket.action === 'SELL' ? 'below the highest bid' : 'above the lowest ask';
  const first = ticket.trailStopPrice === undefined ? '' : `, first at ${money(ticket.trailStopPrice, currency)}`;
  return `${by} ${side}${first}`;
}

function pricing(ticket: OrderTicketInput, currency: string): string {
  switch (ticket.orderType) {
    case 'MKT':
      return 'at market';
    case 'LMT':
      return `at ${money(ticket.limitPrice, currency)} limit`;
    case 'STP':
      return `at market once it trades at ${money(ticket.stopPrice, currency)} (stop)`;
    case 'STP LMT':
      return `at ${money(ticket.limitPrice, currency)} limit once it trades at ${money(ticket.stopPrice, currency)} (stop limit)`;
    case 'TRAIL':
      return `at market once it trades ${trail(ticket, currency)} (trailing stop)`;
    case 'TRAIL LIMIT':
      return `at a limit ${money(ticket.limitOffset, currency)} beyond the stop once it trades ${trail(ticket, currency)} (trailing stop limit)`;
  }
}
