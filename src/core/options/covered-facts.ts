import {
  cashIn,
  cashSecuringShortPuts,
  netPosition,
  pendingSellQuantity,
  sharesCoveringShortCalls,
  underlyingShares,
} from '../rules/holdings';
import type { PendingOptionSale, RuleContext } from '../rules/rule-context';
import { cashSecure, shareCover, type CashSecure, type ShareCover } from './covered-arithmetic';

/**
 * The figures of covered-arithmetic.ts read from a rule context, for the option the context is about. The
 * ticket's own contract is left out of the resting sales: the rule counts that one's resting orders itself.
 */

/**
 * The sum of `weight` over the opening part of resting option sales (what they sell beyond the account's long
 * holding) that pass `keep`, less what a roll's buy-back leg frees of the same (never below 0 per sale: what
 * is freed is not there before the roll fills); NaN when the open orders are not known.
 */
function restingOpenings(
  ctx: RuleContext,
  keep: (sale: PendingOptionSale) => boolean,
  weight: (sale: Pick<PendingOptionSale, 'strike' | 'multiplier'>) => number,
): number {
  if (ctx.pendingSells === null) return Number.NaN;
  return (ctx.pendingOptionSales ?? [])
    .filter((sale) => sale.conId !== ctx.instrument.conId && keep(sale))
    .reduce((sum, sale) => {
      const opening = Math.max(0, sale.quantity - Math.max(0, netPosition(ctx, sale.conId)));
      const freed = sale.frees ? sale.frees.quantity * weight(sale.frees) : 0;
      return sum + Math.max(0, opening * weight(sale) - freed);
    }, 0);
}

/** Shares of the option's underlying, and what short calls and resting orders already commit of them. */
export function shareCoverFor(ctx: RuleContext): ShareCover {
  const underlying = underlyingShares(ctx);
  const { symbol } = ctx.instrument;
  return shareCover({
    held: underlying.shares,
    shortCallShares: sharesCoveringShortCalls(ctx),
    restingCallShares: restingOpenings(
      ctx,
      (sale) => sale.right === 'C' && sale.symbol === symbol,
      (sale) => sale.multiplier,
    ),
    restingStockSells: underlying.conId === null ? 0 : pendingSellQuantity(ctx, underlying.conId),
  });
}

/** Settled cash in the option's currency, and what short puts and resting orders already commit of it. */
export function cashSecureFor(ctx: RuleContext): CashSecure {
  const { currency } = ctx.instrument;
  return cashSecure({
    settled: cashIn(ctx, currency).settled,
    shortPutCash: cashSecuringShortPuts(ctx),
    restingBuys: currency === 'USD' ? ctx.pendingBuysUsd : 0,
    restingPutCash: restingOpenings(
      ctx,
      (sale) => sale.right === 'P',
      (sale) => sale.strike * sale.multiplier,
    ),
  });
}
