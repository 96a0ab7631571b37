import { usable } from './order-cost';
import { block, defineRule, pass, warn } from './rule';
import type { MarketDataType } from './rule-context';

const DATA_TYPE_TEXT: Record<Exclude<MarketDataType, 'live'>, string> = {
  frozen: 'frozen (the last price before the market closed)',
  delayed: 'delayed (not real time)',
  'delayed-frozen': 'delayed and frozen',
};

/**
 * An order needs a live, fresh quote. Without one, market and stop orders (which execute at whatever
 * the market is) block; limit and stop-limit orders (which name their price) warn.
 */
export const marketData = defineRule({
  id: 'market-data',
  rule: 'Live market data',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const { symbol } = ctx.instrument;
    const quote = ctx.quote;
    const problems: string[] = [];
    // A trailing stop follows the quote and becomes a market order: it needs the quote as much as a stop.
    const executesBlind = t.orderType === 'MKT' || t.orderType === 'STP' || t.orderType === 'TRAIL';
    if (quote === null || !(usable(quote.bid) || usable(quote.ask) || usable(quote.last))) {
      problems.push(`there is no quote for ${symbol}`);
    } else {
      if (quote.marketDataType !== 'live') {
        problems.push(`the ${symbol} quote is ${DATA_TYPE_TEXT[quote.marketDataType] ?? 'not live'}`);
      }
      const ageMs = Math.max(0, ctx.now - quote.receivedAt);
      if (!(ageMs <= ctx.limits.staleQuoteMs)) {
        problems.push(
          `the ${symbol} quote is ${Number.isFinite(ageMs) ? `${Math.round(ageMs / 1000)} s` : 'of unknown'} old (stale after ${Math.round(ctx.limits.staleQuoteMs / 1000)} s)`,
        );
      }
      if (executesBlind) {
        const side = t.action === 'BUY' ? 'ask' : 'bid';
        if (!usable(t.action === 'BUY' ? quote.ask : quote.bid)) problems.push(`there is no ${side} for ${symbol}`);
      }
    }
    if (problems.length === 0) {
      const ageS = Math.round(Math.max(0, ctx.now - (quote?.receivedAt ?? ctx.now)) / 1000);
      return pass(`Live quote for ${symbol}, ${ageS} s old.`);
    }
    const what = capitalise(problems.join(', and '));
    if (executesBlind) {
      const kind =
        t.orderType === 'MKT' ? 'A market order' : t.orderType === 'TRAIL' ? 'A trailing stop' : 'A stop order';
      return block(`${what}. ${kind} would execute at an unseen price; wait for live data or use a limit order.`);
    }
    return warn(`${what}. Check the limit price against a live source before sending.`);
  },
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
