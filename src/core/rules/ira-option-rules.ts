import { count, money, plural } from '../../shared/number-words';
import { coverSentence, secureSentence } from '../options/covered-arithmetic';
import { cashSecureFor, shareCoverFor } from '../options/covered-facts';
import { sellBreakdown } from './holdings';
import { inIra } from './ira-rules';
import { block, defineRule, finite, fitsWithin, pass, subject } from './rule';

/**
 * Options in an IRA: buying is fine (the premium is checked by ira-no-margin); writing is allowed
 * only as covered calls (shares held, not already covering other short calls or on open sell orders,
 * ≥ contracts × multiplier) and cash-secured puts (settled cash ≥ strike × multiplier × contracts,
 * plus cash securing existing short puts and, for USD, open buys). Sells that close a long option
 * position pass; open sell orders beyond the holding count as writing too.
 */
export const iraOptions = defineRule({
  id: 'ira-options',
  rule: 'Options: covered only',
  appliesTo: (_t, ctx) => inIra(ctx) && ctx.instrument.secType === 'OPT',
  evaluate(t, ctx) {
    const label = ctx.account.label;
    if (t.action === 'BUY') {
      return pass(`Buying options is allowed in an IRA; the premium is paid from cash (see No margin).`);
    }
    const s = sellBreakdown(t, ctx);
    if (!finite(s.held, s.pending, s.shortAfter)) {
      return block(`The ${label}'s option position could not be checked, so a naked sale could not be ruled out.`);
    }
    if (s.shortAfter <= 0) {
      return pass(`Selling ${subject(ctx, t.quantity)} closes contracts the ${label} holds.`);
    }
    const { right, strike, multiplier, currency, symbol } = ctx.instrument;
    // What covers or secures the option is said in the words a trader checks: "covered by 200 AAPL, 0 already
    // committed", "$22,000.00 of $92,500.00 settled cash" (covered-arithmetic.ts).
    const opening = s.shortAfter;
    const pendingNote = s.pendingOpening > 0 ? ` (including ${count(s.pendingOpening)} on open sell orders)` : '';
    if (right === 'C') {
      const cover = shareCoverFor(ctx);
      const needed = opening * multiplier;
      const resting =
        cover.restingCallShares > 0 ? `, ${count(cover.restingCallShares)} promised to resting call sales` : '';
      const detail = `the ${label} holds ${plural(cover.held, 'share')} of ${symbol}, ${count(cover.shortCallShares)} already covering short calls${resting} and ${count(cover.restingStockSells)} on open sell orders`;
      if (!finite(cover.free, cover.committed, needed)) {
        return block(`The shares covering these calls could not be counted, so a naked call could not be ruled out.`);
      }
      if (needed <= cover.free) {
        return pass(
          `Covered call: ${plural(opening, 'contract')} written${pendingNote} need ${count(needed)} shares; ${coverSentence(cover, symbol)}.`,
        );
      }
      return block(
        `Selling ${plural(opening, 'call')} to open${pendingNote} needs ${count(needed)} shares of ${symbol} to cover them, but only ${count(cover.free)} are free (${detail}); naked calls are not allowed in an IRA.`,
      );
    }
    if (right === 'P' && strike !== undefined) {
      const obligation = opening * strike * multiplier;
      const secure = cashSecureFor(ctx);
      const need = obligation + secure.committed;
      if (!finite(need, secure.settled)) {
        return block(
          `The cash securing these puts could not be worked out, so an unsecured put could not be ruled out.`,
        );
      }
      const extras = [
        secure.shortPutCash > 0 ? `${money(secure.shortPutCash, currency)} securing existing short puts` : '',
        secure.restingPutCash > 0 ? `${money(secure.restingPutCash, currency)} securing resting put sales` : '',
        secure.restingBuys > 0 ? `${money(secure.restingBuys, currency)} on open buy orders` : '',
      ].filter((x) => x !== '');
      const needText = `${money(obligation, currency)} (${count(opening)} × ${count(strike)} strike × ${count(multiplier)})${extras.length > 0 ? ` + ${extras.join(' + ')} = ${money(need, currency)}` : ''}`;
      if (fitsWithin(need, secure.settled)) {
        return pass(
          `Cash-secured put${pendingNote}: secured by ${secureSentence(obligation, secure, currency)}; ${count(opening)} × ${count(strike)} strike × ${count(multiplier)}.`,
        );
      }
      return block(
        `Selling ${plural(opening, 'put')} to open${pendingNote} needs ${needText} of cash to secure them, more than the ${money(secure.settled, currency)} settled in the ${label}; an IRA may only sell cash-secured puts.`,
      );
    }
    return block(`The option's right or strike is unknown, so the sale could not be checked.`);
  },
});
