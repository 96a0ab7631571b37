import { amount, money } from './number-words';

/**
 * A roll's net price in IBKR's combo sign (debit positive, credit negative), for the services and the roll
 * dialog alike: the net market from the legs' quotes, its mid, and the net in words.
 */

/** The legs' sides of the market: the close leg bought, the new leg sold. */
export interface RollQuotes {
  close: { bid: number; ask: number };
  open: { bid: number; ask: number };
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The roll's net market per contract (debit positive): what it costs to do now (buy back at the ask, sell at
 * the bid) and the best it could do (buy at the bid, sell at the ask).
 */
export function rollNetMarket(quotes: RollQuotes): { bid: number; ask: number } {
  return { bid: cents(quotes.close.bid - quotes.open.ask), ask: cents(quotes.close.ask - quotes.open.bid) };
}

/** The middle of the net market, to the cent: the roll's default net limit. */
export function netMid(market: { bid: number; ask: number }): number {
  return cents((market.bid + market.ask) / 2);
}

/** "a net credit of 1.25", "a net debit of 0.40", "no net credit or debit". */
export function netWords(net: number, currency: string): string {
  if (net === 0) return 'no net credit or debit';
  return `a net ${net < 0 ? 'credit' : 'debit'} of ${amount(Math.abs(net), currency)}`;
}

const side = (net: number, currency: string) =>
  net === 0 ? 'even' : `a ${net < 0 ? 'credit' : 'debit'} of ${amount(Math.abs(net), currency)}`;

/**
 * The net market in the words the Net selector uses, not in the combo's sign: "a credit of 3.81 to do now, a
 * credit of 3.97 at best" (now: buy back at the ask, sell at the bid; at best: the other sides).
 */
export function netMarketWords(market: { bid: number; ask: number }, currency: string): string {
  return `${side(market.ask, currency)} to do now, ${side(market.bid, currency)} at best`;
}

/** "a net credit of 1.25 per contract, $250.00 in all": what the whole roll receives or pays. */
export function netInAll(net: number, contracts: number, multiplier: number, currency: string): string {
  if (net === 0) return netWords(net, currency);
  return `${netWords(net, currency)} per contract, ${money(Math.abs(net) * contracts * multiplier, currency)} in all`;
}
