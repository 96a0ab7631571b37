import type { ComboLeg, Contract as IbContract, Order, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { count } from '../../shared/number-words';
import { netWords } from '../../shared/roll-net';

/**
 * A roll as IBKR takes it: one BAG order on the underlying's symbol whose legs buy the short option back
 * and sell the new one, ratio 1 each, with one net limit. IBKR's sign convention for a combo bought:
 * a positive net price is a debit paid, a negative one a credit received. Pure mapping and words; the
 * legs' conIds come from contract details (roll-desk.ts).
 */

/** One option of a roll, as contract details resolved it. */
export interface RollOption {
  conId: number;
  symbol: string;
  currency: string;
  lastTradeDate: string;
  strike: number;
  right: 'C' | 'P';
}

export interface RollOrder {
  account: string;
  /** The short option bought back. */
  close: RollOption;
  /** The option sold in its place (same underlying and right). */
  open: RollOption;
  /** Contracts rolled: each leg trades this many. */
  contracts: number;
  /** Net limit per contract: positive a debit paid, negative a credit received. */
  netLimit: number;
}

/** IBKR's BAG contract for the roll: close leg bought, new leg sold. */
export function rollContract(roll: Pick<RollOrder, 'close' | 'open'>): IbContract {
  const leg = (conId: number, action: 'BUY' | 'SELL'): ComboLeg => ({
    conId,
    ratio: 1,
    action: action as OrderAction,
    exchange: 'SMART',
  });
  return {
    symbol: roll.close.symbol,
    secType: 'BAG' as SecType,
    currency: roll.close.currency,
    exchange: 'SMART',
    comboLegs: [leg(roll.close.conId, 'BUY'), leg(roll.open.conId, 'SELL')],
  };
}

/** The BAG order: bought at the net limit, transmitted, its preview id in orderRef like a lone order. */
export function rollIbOrder(roll: RollOrder, options: { orderRef: string; whatIf: boolean }): Order {
  return {
    action: 'BUY' as OrderAction,
    totalQuantity: roll.contracts,
    orderType: 'LMT' as OrderType,
    lmtPrice: roll.netLimit,
    tif: 'DAY',
    account: roll.account,
    orderRef: options.orderRef,
    transmit: true,
    whatIf: options.whatIf,
  };
}

/** "AAPL 20261218 200 C". */
export function optionName(option: RollOption): string {
  return `${option.symbol} ${option.lastTradeDate} ${count(option.strike)} ${option.right}`;
}

/**
 * One leg in words, for the roll's confirmation: "Buy 2 AAPL 20261218 200 C to close, priced by the roll's net
 * limit". A leg has no price of its own (the BAG carries the net); its preview ticket is a market order only
 * so the rules can rule it, and must not be shown as one.
 */
export function rollLegWords(roll: RollOrder, role: 'close' | 'open'): string {
  const leg =
    role === 'close'
      ? `Buy ${count(roll.contracts)} ${optionName(roll.close)} to close`
      : `Sell ${count(roll.contracts)} ${optionName(roll.open)} to open`;
  return `${leg}, priced by the roll's net limit`;
}

/** "Roll 2 AAPL 20261218 200 C to 20270115 210 C for a net credit of 1.25, in Roth IRA DU1000001". */
export function rollWords(roll: RollOrder, accountLabel: string): string {
  const to = `${roll.open.lastTradeDate} ${count(roll.open.strike)} ${roll.open.right}`;
  return `Roll ${count(roll.contracts)} ${optionName(roll.close)} to ${to} for ${netWords(roll.netLimit, roll.close.currency)}, in ${accountLabel} ${roll.account}`;
}
