import { isIra } from '../../shared/enums';
import { count } from '../../shared/number-words';
import { sellBreakdown } from './holdings';
import { block, defineRule, finite, pass, subject, warn } from './rule';

/**
 * Short sales of stock outside IRAs (IRAs cannot sell short at all: see ira-no-short). Uses IBKR's
 * shortable shares (tick 236): none → block; fewer than needed or hard to borrow → warn; unknown → warn.
 */
export const shortable = defineRule({
  id: 'shortable',
  rule: 'Shares to borrow',
  appliesTo: (t, ctx) =>
    ctx.account.kind !== null && !isIra(ctx.account.kind) && t.action === 'SELL' && ctx.instrument.secType === 'STK',
  evaluate(t, ctx) {
    const { symbol } = ctx.instrument;
    const s = sellBreakdown(t, ctx);
    const selling = `Selling ${subject(ctx, t.quantity)}`;
    if (!finite(s.held, s.pending, s.shortAfter)) {
      return warn(`${selling}: the ${ctx.account.label}'s holding could not be checked, so this may be a short sale.`);
    }
    if (s.shortAfter <= 0) {
      return pass(`${selling} from the ${count(s.held)} shares held is not a short sale.`);
    }
    const short = `${selling} goes ${count(s.shortAfter)} shares short`;
    const available = ctx.instrument.shortableShares;
    if (available === null || !Number.isFinite(available) || available < 0) {
      return warn(
        `${short}, and IBKR has not said whether ${symbol} can be borrowed; the short sale may be rejected or bought in.`,
      );
    }
    if (available === 0) {
      return block(`${short}, but IBKR has no ${symbol} shares to lend; a short sale is not possible now.`);
    }
    if (available < s.shortAfter) {
      return warn(
        `${short}, but only ${count(available)} ${symbol} shares are available to borrow; the order may be rejected or only partly filled.`,
      );
    }
    if (available <= ctx.limits.hardToBorrowShares) {
      return warn(
        `${short}; ${symbol} is hard to borrow (only ${count(available)} shares available): expect high borrow fees and possible recall.`,
      );
    }
    return pass(`${short}; ${count(available)} ${symbol} shares are available to borrow.`);
  },
});
