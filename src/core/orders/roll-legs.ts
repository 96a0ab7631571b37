import type { ContractDetails } from '@stoqey/ib';
import type { QuoteUsed } from '../../shared/orders';
import type { RollPreview } from '../../shared/roll';
import { rollNetMarket } from '../../shared/roll-net';
import { OrderTicketSchema } from '../../shared/ticket';
import type { RollOption } from '../options/roll-order';
import type { OptionTerms } from '../rules/rule-context';
import type { WhatIfResult } from './gateway-reader';
import { whatIfProblem } from './what-if-reuse';

/** The roll desk's pure pieces: a leg's option and ticket from contract details, the net market, the what-if. */

/** The combo's what-if for the confirmation: its figures, or why there are none (never a failed preview). */
export async function comboWhatIf(
  asked: Promise<WhatIfResult>,
): Promise<Pick<RollPreview, 'whatIf' | 'whatIfProblem'>> {
  try {
    const { figures, answer } = await asked;
    return { whatIf: figures, whatIfProblem: whatIfProblem(answer) };
  } catch (error) {
    return { whatIf: null, whatIfProblem: error instanceof Error ? error.message : String(error) };
  }
}

/** An option's terms as contract details give them, for a resting roll's legs. */
export const termsOf = (details: ContractDetails): OptionTerms => ({
  symbol: details.contract.symbol ?? '',
  right: details.contract.right === 'P' ? 'P' : 'C',
  strike: details.contract.strike ?? Number.NaN,
  multiplier: Number(details.contract.multiplier ?? Number.NaN),
});

export function rollOption(details: ContractDetails): RollOption {
  const c = details.contract;
  return {
    conId: c.conId ?? Number.NaN,
    symbol: c.symbol ?? '',
    currency: c.currency ?? 'USD',
    // Contract details may add the expiry's time and zone ("20261218 16:00 US/Eastern"); the date is what names it.
    lastTradeDate: (c.lastTradeDateOrContractMonth ?? '').slice(0, 8),
    strike: c.strike ?? Number.NaN,
    right: c.right === 'P' ? 'P' : 'C',
  };
}

export const legTicket = (account: string, option: RollOption, action: 'BUY' | 'SELL', contracts: number) =>
  OrderTicketSchema.parse({
    account,
    contract: {
      symbol: option.symbol,
      secType: 'OPT',
      currency: option.currency,
      exchange: 'SMART',
      conId: option.conId,
      lastTradeDate: option.lastTradeDate,
      strike: option.strike,
      right: option.right,
    },
    action,
    quantity: contracts,
    orderType: 'MKT',
    tif: 'DAY',
  });

const sides = (quote: QuoteUsed | null) =>
  quote !== null && quote.bid !== null && quote.ask !== null && quote.bid > 0 && quote.ask > 0
    ? { bid: quote.bid, ask: quote.ask }
    : null;

/** The net market from the legs' quotes; null when a leg has no two-sided quote. */
export function netMarket(close: QuoteUsed | null, open: QuoteUsed | null) {
  const c = sides(close);
  const o = sides(open);
  return c && o ? rollNetMarket({ close: c, open: o }) : null;
}
