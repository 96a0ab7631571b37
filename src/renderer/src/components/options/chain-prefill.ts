import type { OptionContract } from '../../../../shared/options';
import type { TicketPrefill } from '../../stores/ticket-store';

/** Which price of a chain cell was chosen: the bid sells at the bid, the ask buys at the ask. */
export type QuoteSide = 'bid' | 'ask';

/** The ticket for one contract of the option, a limit order at the price chosen. */
export function chainPrefill(option: OptionContract, side: QuoteSide, price: number | null): TicketPrefill {
  const prefill: TicketPrefill = {
    contract: {
      symbol: option.symbol,
      secType: 'OPT',
      currency: option.currency,
      exchange: option.exchange,
      lastTradeDate: option.expiry,
      strike: option.strike,
      right: option.right,
      multiplier: option.multiplier,
    },
    action: side === 'bid' ? 'SELL' : 'BUY',
    quantity: 1,
    orderType: 'LMT',
  };
  if (price !== null && price > 0) prefill.limitPrice = price;
  return prefill;
}
