import type { OptionTerms, PendingOptionSale } from '../rules/rule-context';
import type { GatewayPosition } from './rule-context-builder';

/**
 * A resting combo (BAG) order as the rules count it: leg by leg, not as one instrument. IBKR's open order
 * names each leg only by conId, ratio and action; the legs' terms come from the held positions or the roll
 * that placed it. The sell leg commits cover or cash like a lone option sale, less what a buy-back leg of the
 * same right frees (both fill together or not at all); a net debit is a pending buy, a net credit counts for
 * nothing until it is received. A leg whose terms are not known counts as unknown, so the option rules fail
 * closed rather than guess.
 */

export interface ComboLeg {
  conId?: number;
  ratio?: number;
  action?: string;
}

export interface ComboOrder {
  /** The BAG's symbol: the underlying's. */
  symbol: string;
  action: string;
  legs: readonly ComboLeg[];
  /** Contracts of the combo still to fill. */
  remaining: number;
  /** The combo's net limit per unit in IBKR's sign for the action (a bought combo's positive price is a debit). */
  netPrice: number;
}

export interface ComboPending {
  /** What the combo pays when it fills (0 for a credit), in its currency; NaN when its multiplier is unknown. */
  debit: number;
  /** Contracts each sold leg sells. */
  sells: [conId: number, quantity: number][];
  sales: PendingOptionSale[];
}

const RIGHTS = ['C', 'P'] as const;

export function comboPending(combo: ComboOrder, terms: ReadonlyMap<number, OptionTerms>): ComboPending {
  const bought = combo.action !== 'SELL';
  const legs = combo.legs.map((leg) => ({
    conId: leg.conId ?? Number.NaN,
    quantity: combo.remaining * (leg.ratio ?? 1),
    // A sold combo trades each leg the other way.
    sells: (leg.action === 'SELL') === bought,
    terms: terms.get(leg.conId ?? Number.NaN),
  }));
  const closes = legs.filter((leg) => !leg.sells);
  const sales = legs
    .filter((leg) => leg.sells)
    .flatMap((leg): PendingOptionSale[] => {
      if (leg.terms === undefined) {
        // Either right may be what it commits; its strike and multiplier are unknown, so the sums are too.
        return RIGHTS.map((right) => ({
          conId: leg.conId,
          symbol: combo.symbol,
          right,
          strike: Number.NaN,
          multiplier: Number.NaN,
          quantity: leg.quantity,
        }));
      }
      const { symbol, right, strike, multiplier } = leg.terms;
      const closing = closes.find((c) => c.terms?.right === right && c.terms.symbol === symbol);
      const frees = closing?.terms && {
        strike: closing.terms.strike,
        multiplier: closing.terms.multiplier,
        quantity: closing.quantity,
      };
      return [
        { conId: leg.conId, symbol, right, strike, multiplier, quantity: leg.quantity, ...(frees ? { frees } : {}) },
      ];
    });
  const net = bought ? combo.netPrice : -combo.netPrice;
  const multiplier = legs.find((leg) => leg.terms)?.terms?.multiplier ?? Number.NaN;
  return {
    debit: net > 0 ? net * combo.remaining * multiplier : net <= 0 ? 0 : Number.NaN,
    sells: legs.filter((leg) => leg.sells).map((leg) => [leg.conId, leg.quantity]),
    sales,
  };
}

/** The terms of the options held (any account), and those `known` gives: what a resting combo's legs are. */
export function optionTerms(
  positions: readonly GatewayPosition[] | null,
  known: ReadonlyMap<number, OptionTerms> = new Map(),
): ReadonlyMap<number, OptionTerms> {
  const terms = new Map(known);
  for (const { contract: c } of positions ?? []) {
    if (c.secType !== 'OPT' || (c.right !== 'C' && c.right !== 'P') || c.conId === undefined) continue;
    const multiplier = Number(c.multiplier ?? Number.NaN);
    terms.set(c.conId, { symbol: c.symbol ?? '', right: c.right, strike: c.strike ?? Number.NaN, multiplier });
  }
  return terms;
}
