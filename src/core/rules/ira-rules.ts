import { isIra } from '../../shared/enums';
import { count, money } from '../../shared/number-words';
import { cashIn, sellBreakdown } from './holdings';
import { orderCost, type OrderCost } from './order-cost';
import { block, defineRule, finite, fitsWithin, info, pass, subject, units } from './rule';
import type { RuleContext } from './rule-context';

/**
 * IBKR's IRA restrictions (DESIGN.md §4). They apply to Roth and Traditional IRAs only; in other
 * accounts these rules yield no check.
 */

export const inIra = (ctx: RuleContext) => isIra(ctx.account.kind);

/** "with 100 already on open sell orders" when there are some. */
const pendingText = (ctx: RuleContext, pending: number) =>
  pending > 0 ? `, with ${units(ctx, pending)} already on open sell orders,` : '';

/** No short selling: a sell may not exceed the long position held in this account (options: see ira-options). */
export const iraNoShort = defineRule({
  id: 'ira-no-short',
  rule: 'No short selling',
  appliesTo: (t, ctx) => inIra(ctx) && t.action === 'SELL' && ctx.instrument.secType !== 'OPT',
  evaluate(t, ctx) {
    const s = sellBreakdown(t, ctx);
    const label = ctx.account.label;
    const cannot = ctx.instrument.secType === 'CASH' ? 'IRAs cannot borrow currency' : 'IRAs cannot sell short';
    if (!finite(s.held, s.pending, s.shortAfter)) {
      return block(`The ${label}'s holding of ${ctx.instrument.symbol} could not be checked; ${cannot}.`);
    }
    if (s.shortAfter <= 0) {
      return pass(
        `Selling ${subject(ctx, t.quantity)}${pendingText(ctx, s.pending)} stays within the ${units(ctx, s.held)} the ${label} holds.`,
      );
    }
    const holds = s.pending > 0 ? ` (it holds ${count(s.held)})` : '';
    return block(
      `Selling ${subject(ctx, t.quantity)}${pendingText(ctx, s.pending)} would leave the ${label} short ${units(ctx, s.shortAfter)}${holds}; ${cannot}.`,
    );
  },
});

/** "$15,000.00 (100 at the limit price $150.00) + $1.00 est. commission". */
function costText(ctx: RuleContext, t: { quantity: number }, cost: OrderCost): string {
  const mult = ctx.instrument.multiplier === 1 ? '' : ` × ${count(ctx.instrument.multiplier)}`;
  return `${money(cost.value, cost.currency)} (${count(t.quantity)}${mult} at ${cost.unit.basis}) + ${money(cost.commission, cost.currency)} est. commission`;
}

/**
 * No margin: a buy's cost (limit price, or ask + buffer for market/stop orders) plus commission plus
 * the account's open buys must fit in settled cash of the order's currency. Open buys are known in
 * USD only, so they count against USD orders. Futures are margined, not paid for: see ira-futures-margin.
 */
export const iraNoMargin = defineRule({
  id: 'ira-no-margin',
  rule: 'No margin',
  appliesTo: (t, ctx) => inIra(ctx) && t.action === 'BUY' && ctx.instrument.secType !== 'FUT',
  evaluate(t, ctx) {
    const label = ctx.account.label;
    const cost = orderCost(t, ctx);
    if (cost === null) {
      return block(
        `The cost of buying ${subject(ctx, t.quantity)} could not be worked out (no quote to price a ${t.orderType} order), so the ${label}'s cash could not be checked.`,
      );
    }
    const ccy = cost.currency;
    const settled = cashIn(ctx, ccy).settled;
    const pending = ccy === 'USD' ? ctx.pendingBuysUsd : 0;
    const need = cost.total + pending;
    const pendingPart = pending > 0 ? ` + ${money(pending, ccy)} on open buy orders` : '';
    const needText = `${costText(ctx, t, cost)}${pendingPart} = ${money(need, ccy)}`;
    if (!finite(need, settled)) {
      return block(
        `The ${label}'s settled ${ccy} cash or the order's cost is unknown, so margin use could not be ruled out.`,
      );
    }
    if (!fitsWithin(need, settled)) {
      return block(
        `Buying ${subject(ctx, t.quantity)} needs ${needText}, more than the ${money(settled, ccy)} of settled cash in the ${label}; IRAs cannot borrow on margin.`,
      );
    }
    // IBKR's own figures, when it sent them: an IRA borrows nothing, so its equity with loan stays ≥ 0.
    const equityAfter = ctx.whatIf?.equityWithLoanAfter;
    if (equityAfter !== undefined && Number.isFinite(equityAfter) && equityAfter < 0) {
      return block(
        `IBKR's what-if puts the ${label}'s equity with loan at ${money(equityAfter)} after buying ${subject(ctx, t.quantity)}: the order would borrow, and IRAs cannot borrow on margin.`,
      );
    }
    return pass(
      `Buying ${subject(ctx, t.quantity)} needs ${needText}; the ${label} has ${money(settled, ccy)} in settled cash.`,
    );
  },
});

/** No FX borrowing: a buy in another currency needs that currency's cash in the account. */
export const iraNoFxBorrowing = defineRule({
  id: 'ira-no-fx-borrowing',
  rule: 'No currency borrowing',
  appliesTo: (t, ctx) =>
    inIra(ctx) && t.action === 'BUY' && ctx.instrument.currency !== 'USD' && ctx.instrument.secType !== 'FUT',
  evaluate(t, ctx) {
    const label = ctx.account.label;
    const ccy = ctx.instrument.currency;
    const cost = orderCost(t, ctx);
    if (cost === null) {
      return block(
        `The ${ccy} cost of buying ${subject(ctx, t.quantity)} could not be worked out, so the ${label}'s ${ccy} cash could not be checked.`,
      );
    }
    const held = cashIn(ctx, ccy).total;
    if (!finite(held, cost.total)) {
      return block(`The ${label}'s ${ccy} cash is unknown, so currency borrowing could not be ruled out.`);
    }
    if (fitsWithin(cost.total, held)) {
      return pass(`The ${label} holds ${money(held, ccy)}, enough for this ${money(cost.total, ccy)} purchase.`);
    }
    return block(
      `Buying ${subject(ctx, t.quantity)} costs about ${money(cost.total, ccy)} but the ${label} holds only ${money(held, ccy)}; IRAs cannot borrow currency — convert USD to ${ccy} first.`,
    );
  },
});

/** Futures in an IRA need twice the initial margin in settled cash (from the gateway's what-if). */
export const iraFuturesMargin = defineRule({
  id: 'ira-futures-margin',
  rule: 'Futures margin 2×',
  appliesTo: (_t, ctx) => inIra(ctx) && ctx.instrument.secType === 'FUT',
  evaluate(t, ctx) {
    const label = ctx.account.label;
    const what = subject(ctx, t.quantity);
    if (ctx.whatIf === null) {
      return block(
        `The margin for ${what} could not be checked: the gateway has not sent a what-if preview. An IRA needs twice the initial margin in cash.`,
      );
    }
    const margin = ctx.whatIf.initMarginChange;
    const cash = cashIn(ctx, 'USD').settled;
    if (!finite(margin, cash)) {
      return block(
        `The margin for ${what} or the ${label}'s cash is unknown, so the 2× futures margin could not be checked.`,
      );
    }
    const adds = t.quantity === 1 ? 'adds' : 'add';
    if (margin <= 0) {
      return pass(`${capitalise(what)} ${adds} no initial margin (the order reduces the position).`);
    }
    const need = 2 * margin;
    const text = `${capitalise(what)} ${adds} ${money(margin)} initial margin; an IRA needs twice that, ${money(need)}, in cash`;
    if (fitsWithin(need, cash)) return pass(`${text}, and the ${label} has ${money(cash)} settled.`);
    return block(`${text}, and the ${label} has only ${money(cash)} settled.`);
  },
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Why the instrument counts as an MLP, or null when it does not. */
export function mlpReason(ctx: RuleContext): string | null {
  if (ctx.instrument.stockType.trim().toUpperCase() === 'MLP') return 'IBKR lists it as an MLP';
  const symbol = ctx.instrument.symbol.toUpperCase();
  if (ctx.mlpSymbols.some((s) => s.trim().toUpperCase() === symbol)) return 'it is on your MLP/UBTI list';
  return null;
}

/**
 * MLPs generate UBTI, which IRAs must avoid: an IRA may not open or add to an MLP position. Selling
 * what it already holds is allowed (it reduces the exposure).
 */
export const iraNoMlp = defineRule({
  id: 'ira-no-mlp',
  rule: 'No MLPs (UBTI)',
  appliesTo: (_t, ctx) => inIra(ctx),
  evaluate(t, ctx) {
    const { symbol } = ctx.instrument;
    const reason = mlpReason(ctx);
    if (reason === null) return pass(`${symbol} is not a master limited partnership (MLP).`);
    if (t.action === 'SELL' && sellBreakdown(t, ctx).shortAfter <= 0) {
      return pass(
        `${symbol} is an MLP (${reason}); selling reduces the ${ctx.account.label}'s holding, which is allowed.`,
      );
    }
    return block(
      `${symbol} is a master limited partnership (${reason}); its income (UBTI) can be taxed inside an IRA, so the ${ctx.account.label} may not ${t.action === 'BUY' ? 'buy it' : 'sell it short'}.`,
    );
  },
});

/** IRA withdrawals are paid in USD only: shown on every IRA order. */
export const iraUsdWithdrawals = defineRule({
  id: 'ira-usd-withdrawals',
  rule: 'USD-only withdrawals',
  appliesTo: (_t, ctx) => inIra(ctx),
  evaluate: (_t, ctx) =>
    info(
      `Withdrawals from the ${ctx.account.label} are paid in USD only; money in other currencies must be converted first.`,
    ),
});
