import type { OrderTicket } from '../../shared/ticket';
import type { CashBalance, RuleContext } from './rule-context';

/**
 * What this account holds, and how much of it open orders already spoke for. Where the gateway has not
 * sent the positions, cash or open orders on this connection, the figures are NaN, so every rule that
 * uses them fails closed ("could not be checked"), never counting the unknown as zero.
 */

/** Net position (signed) in one contract, summed over the account's position rows. */
export function netPosition(ctx: RuleContext, conId: number): number {
  if (ctx.positions === null) return Number.NaN;
  return ctx.positions.filter((p) => p.conId === conId).reduce((sum, p) => sum + p.quantity, 0);
}

/** Quantity on this account's open sell orders for one contract. */
export function pendingSellQuantity(ctx: RuleContext, conId: number): number {
  if (ctx.pendingSells === null) return Number.NaN;
  return Object.hasOwn(ctx.pendingSells, conId) ? (ctx.pendingSells[conId] ?? 0) : 0;
}

/** The account's cash in one currency (zero when it has none; NaN when its cash is not known). */
export function cashIn(ctx: RuleContext, currency: string): CashBalance {
  if (ctx.cash === null) return { currency, settled: Number.NaN, total: Number.NaN };
  return ctx.cash.find((c) => c.currency === currency) ?? { currency, settled: 0, total: 0 };
}

export interface SellBreakdown {
  /** Long holding (0 when flat or short). For a currency pair: the cash held in the base currency. */
  held: number;
  /** Already on open sell orders. */
  pending: number;
  /** Of this order: the part that sells what is held and not already on open orders. */
  closing: number;
  /** Of this order: the rest, which would open (or add to) a short position. */
  opening: number;
  /** Open sell orders beyond the holding: they too would open a short position when they fill. */
  pendingOpening: number;
  /** Short position after this order and the open sells fill (0 when none). */
  shortAfter: number;
}

/**
 * Splits a sell into the part covered by the holding and the part that goes short, counting the
 * account's open sell orders first (they will consume the holding before this order does).
 */
export function sellBreakdown(ticket: OrderTicket, ctx: RuleContext): SellBreakdown {
  const { instrument } = ctx;
  const held =
    instrument.secType === 'CASH'
      ? Math.max(0, cashIn(ctx, instrument.symbol).total)
      : Math.max(0, netPosition(ctx, instrument.conId));
  const pending = pendingSellQuantity(ctx, instrument.conId);
  const free = Math.max(0, held - pending);
  const closing = Math.min(ticket.quantity, free);
  const opening = ticket.quantity - closing;
  const pendingOpening = Math.max(0, pending - held);
  return { held, pending, closing, opening, pendingOpening, shortAfter: opening + pendingOpening };
}

/** Shares of an option's underlying held by the account (by underlyingConId, else by symbol). */
export function underlyingShares(ctx: RuleContext): { conId: number | null; shares: number } {
  const { instrument } = ctx;
  if (ctx.positions === null) return { conId: instrument.underlyingConId ?? null, shares: Number.NaN };
  const rows = ctx.positions.filter((p) =>
    instrument.underlyingConId !== undefined
      ? p.conId === instrument.underlyingConId
      : p.secType === 'STK' && p.symbol === instrument.symbol,
  );
  const shares = rows.reduce((sum, p) => sum + p.quantity, 0);
  return { conId: instrument.underlyingConId ?? rows[0]?.conId ?? null, shares: Math.max(0, shares) };
}

/** Shares already pledged to cover existing short calls on the same underlying. */
export function sharesCoveringShortCalls(ctx: RuleContext): number {
  if (ctx.positions === null) return Number.NaN;
  return ctx.positions
    .filter((p) => p.secType === 'OPT' && p.right === 'C' && p.quantity < 0 && p.symbol === ctx.instrument.symbol)
    .reduce((sum, p) => sum + -p.quantity * p.multiplier, 0);
}

/** Cash already pledged to secure existing short puts (strike × multiplier × contracts), any underlying. */
export function cashSecuringShortPuts(ctx: RuleContext): number {
  if (ctx.positions === null) return Number.NaN;
  return ctx.positions
    .filter((p) => p.secType === 'OPT' && p.right === 'P' && p.quantity < 0)
    .reduce((sum, p) => sum + -p.quantity * (p.strike ?? Number.NaN) * p.multiplier, 0);
}
