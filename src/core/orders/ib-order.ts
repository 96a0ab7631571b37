import type {
  Contract as IbContract,
  ContractDetails,
  Order,
  OrderAction,
  OrderType,
  SecType,
  TimeInForce,
} from '@stoqey/ib';
import type { Contract, OrderTicket } from '../../shared/ticket';

/** The ticket's contract as a contract-details query. */
export function contractQuery(contract: Contract): IbContract {
  const query: IbContract = {
    symbol: contract.symbol,
    secType: contract.secType as SecType,
    currency: contract.currency,
    exchange: contract.exchange,
  };
  if (contract.conId !== undefined) query.conId = contract.conId;
  if (contract.lastTradeDate !== undefined) query.lastTradeDateOrContractMonth = contract.lastTradeDate;
  if (contract.strike !== undefined) query.strike = contract.strike;
  if (contract.right !== undefined) query.right = contract.right as IbContract['right'];
  if (contract.multiplier !== undefined) query.multiplier = contract.multiplier;
  return query;
}

/** The exact contract the gateway resolved (by conId), routed where the ticket says. */
export function resolvedContract(details: Pick<ContractDetails, 'contract'>, exchange: string): IbContract {
  const c = details.contract;
  const out: IbContract = { conId: c.conId, symbol: c.symbol, secType: c.secType, currency: c.currency, exchange };
  if (c.lastTradeDateOrContractMonth) out.lastTradeDateOrContractMonth = c.lastTradeDateOrContractMonth;
  if (c.strike) out.strike = c.strike;
  if (c.right) out.right = c.right;
  if (c.multiplier) out.multiplier = c.multiplier;
  return out;
}

/**
 * The IB order for a ticket. transmit is set explicitly: the wire default is false, which would leave
 * the order sitting in TWS untransmitted. orderRef carries the preview id, so an order found at the
 * gateway after a crash can be matched to its audit intent.
 */
export function ibOrder(ticket: OrderTicket, options: { orderRef: string; whatIf: boolean }): Order {
  const order: Order = {
    action: ticket.action as OrderAction,
    totalQuantity: ticket.quantity,
    orderType: ticket.orderType as OrderType,
    tif: ticket.tif as TimeInForce,
    outsideRth: ticket.outsideRth,
    account: ticket.account,
    orderRef: options.orderRef,
    transmit: true,
    whatIf: options.whatIf,
  };
  if (ticket.limitPrice !== undefined) order.lmtPrice = ticket.limitPrice;
  if (ticket.stopPrice !== undefined) order.auxPrice = ticket.stopPrice;
  // IBKR's trailing orders: auxPrice is the trailing amount; a percent goes in trailingPercent instead.
  if (ticket.trailingAmount !== undefined) order.auxPrice = ticket.trailingAmount;
  if (ticket.trailingPercent !== undefined) order.trailingPercent = ticket.trailingPercent;
  if (ticket.trailStopPrice !== undefined) order.trailStopPrice = ticket.trailStopPrice;
  if (ticket.limitOffset !== undefined) order.lmtPriceOffset = ticket.limitOffset;
  if (ticket.adaptive !== undefined) {
    order.algoStrategy = 'Adaptive';
    order.algoParams = [{ tag: 'adaptivePriority', value: ticket.adaptive }];
  }
  return order;
}
