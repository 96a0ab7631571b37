import { type WireField } from './messages';
import { type RealtimeMessage } from './messages-realtime';

/**
 * Tick-by-tick and real-time bar messages. Their layouts do not change across 157..193: TICK_BY_TICK (99) has
 * had no version field since it arrived (137), REAL_TIME_BARS (50) keeps its version 3 field.
 */

const TICK_BY_TICK = 99;
const HISTORICAL_TICKS = { MIDPOINT: 96, BID_ASK: 97, TRADES: 98 } as const;
const REAL_TIME_BARS = 50;
const REAL_TIME_BARS_VERSION = 3;
/** TICK_BY_TICK's tick type field: 1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint. */
const BID_ASK = 3;
const MID_POINT = 4;

export function encodeRealtimeMessage(message: RealtimeMessage): WireField[] {
  switch (message.type) {
    case 'tickByTickLast': {
      // Bit 0 pastLimit, bit 1 unreported.
      const mask = (message.pastLimit ? 1 : 0) | (message.unreported ? 2 : 0);
      return [
        TICK_BY_TICK,
        message.reqId,
        message.tickType,
        message.time,
        message.price,
        message.size,
        mask,
        message.exchange,
        message.specialConditions,
      ];
    }
    case 'tickByTickBidAsk': {
      // Bit 0 bidPastLow, bit 1 askPastHigh.
      const mask = (message.bidPastLow ? 1 : 0) | (message.askPastHigh ? 2 : 0);
      return [
        TICK_BY_TICK,
        message.reqId,
        BID_ASK,
        message.time,
        message.bidPrice,
        message.askPrice,
        message.bidSize,
        message.askSize,
        mask,
      ];
    }
    case 'tickByTickMidPoint':
      return [TICK_BY_TICK, message.reqId, MID_POINT, message.time, message.midPoint];
    case 'realtimeBar': {
      const { bar } = message;
      return [
        REAL_TIME_BARS,
        REAL_TIME_BARS_VERSION,
        message.reqId,
        bar.time,
        bar.open,
        bar.high,
        bar.low,
        bar.close,
        bar.volume,
        bar.wap,
        bar.count,
      ];
    }
    case 'historicalTicks':
      return encodeHistoricalTicks(message);
  }
}

/**
 * [id, reqId, count, ticks…, done]. Each MIDPOINT tick is time, an unused 0, price, size; BID_ASK is time, mask,
 * bid, ask, bid size, ask size; TRADES is time, mask, price, size, exchange, special conditions.
 */
function encodeHistoricalTicks(message: Extract<RealtimeMessage, { type: 'historicalTicks' }>): WireField[] {
  const fields: WireField[] = [HISTORICAL_TICKS[message.kind], message.reqId, message.ticks.length];
  for (const tick of message.ticks) {
    if (message.kind === 'MIDPOINT') fields.push(tick.time, 0, tick.price, tick.size);
    else if (message.kind === 'BID_ASK') fields.push(tick.time, 0, tick.bid, tick.ask, tick.bidSize, tick.askSize);
    else fields.push(tick.time, 0, tick.price, tick.size, tick.exchange, '');
  }
  fields.push(message.done);
  return fields;
}
