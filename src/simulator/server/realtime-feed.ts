import { type Bar, type Instrument, type Quote, type QuoteTick } from '../world';
import { midPoint, type RealtimeBarBuilder } from '../world/realtime-bars';
import { type RealtimeMessage, type TickByTickType } from '../wire/messages-realtime';

/**
 * Tick-by-tick and real-time bar subscriptions, and the messages each walk step makes for them. Steps arrive
 * in batches after the world has moved, so each subscription replays the steps' changed fields onto its own
 * copy of the quote: every tick carries the prices of its own step, not the batch's last.
 */

interface FollowsQuote {
  reqId: number;
  conId: number;
  /** The quote as of the last step this subscription saw. */
  seen: Quote;
}

export interface TickByTickSubscription extends FollowsQuote {
  tickType: TickByTickType;
  /** BidAsk only: size-only changes are not sent. */
  ignoreSize: boolean;
}

export interface RealtimeBarSubscription extends FollowsQuote {
  bars: RealtimeBarBuilder;
}

/** A step's trade: the walk reports a new volume exactly when it trades. */
const traded = (tick: QuoteTick) => tick.fields.volume !== undefined;

/**
 * The tick-by-tick message a step makes for one subscription, or null. Last and AllLast send trades (FX has
 * none); BidAsk sends touch changes, and size changes unless ignoreSize; MidPoint sends a moved mid point.
 */
export function tickByTickMessage(
  subscription: TickByTickSubscription,
  instrument: Instrument,
  tick: QuoteTick,
  time: number,
): RealtimeMessage | null {
  const before = midPoint(subscription.seen);
  const quote = Object.assign(subscription.seen, tick.fields);
  const { reqId, tickType } = subscription;
  const { fields } = tick;
  switch (tickType) {
    case 'Last':
    case 'AllLast':
      if (!traded(tick) || instrument.secType === 'CASH') return null;
      return {
        type: 'tickByTickLast',
        reqId,
        tickType: tickType === 'Last' ? 1 : 2,
        time,
        price: quote.last,
        size: quote.lastSize,
        pastLimit: false,
        unreported: false,
        exchange: instrument.primaryExchange || instrument.exchange,
        specialConditions: '',
      };
    case 'BidAsk': {
      const priced = fields.bid !== undefined || fields.ask !== undefined;
      const sized = fields.bidSize !== undefined || fields.askSize !== undefined;
      if (!priced && (subscription.ignoreSize || !sized)) return null;
      return {
        type: 'tickByTickBidAsk',
        reqId,
        time,
        bidPrice: quote.bid,
        askPrice: quote.ask,
        bidSize: quote.bidSize,
        askSize: quote.askSize,
        bidPastLow: false,
        askPastHigh: false,
      };
    }
    case 'MidPoint':
      if (midPoint(quote) === before) return null;
      return { type: 'tickByTickMidPoint', reqId, time, midPoint: midPoint(quote) };
  }
}

/** The bars a step closes for one real-time bar subscription (its own step is added to the forming bar). */
export function barsAfterStep(subscription: RealtimeBarSubscription, tick: QuoteTick, nowSeconds: number): Bar[] {
  const quote = Object.assign(subscription.seen, tick.fields);
  return subscription.bars.observe(quote, traded(tick), nowSeconds);
}
