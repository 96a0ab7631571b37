import { describe, expect, it } from 'vitest';
import { RealtimeBarBuilder } from '../../../../src/simulator/world/realtime-bars';
import {
  barsAfterStep,
  tickByTickMessage,
  type TickByTickSubscription,
} from '../../../../src/simulator/server/realtime-feed';
import { type TickByTickType } from '../../../../src/simulator/wire/messages-realtime';
import { AAPL, EURUSD, QUOTE } from './feed-fixtures';

const T = 1_749_567_600;

const subscribe = (tickType: TickByTickType, ignoreSize = false, conId = AAPL.conId): TickByTickSubscription => ({
  reqId: 9,
  conId,
  tickType,
  ignoreSize,
  seen: { ...QUOTE },
});

describe('tick-by-tick messages from walk steps', () => {
  it("replays each step onto the subscription's quote: a batch's ticks carry their own step's prices", () => {
    const line = subscribe('BidAsk');
    const first = tickByTickMessage(line, AAPL, { conId: AAPL.conId, fields: { bid: 200.11, bidSize: 500 } }, T);
    const second = tickByTickMessage(line, AAPL, { conId: AAPL.conId, fields: { ask: 200.25, askSize: 100 } }, T);
    expect(first).toMatchObject({ bidPrice: 200.11, askPrice: 200.2, bidSize: 500, askSize: 400 });
    expect(second).toMatchObject({ bidPrice: 200.11, askPrice: 200.25, bidSize: 500, askSize: 100 });
  });

  it('sends BidAsk size-only changes unless ignoreSize', () => {
    const sizeOnly = { conId: AAPL.conId, fields: { bidSize: 700 } };
    expect(tickByTickMessage(subscribe('BidAsk'), AAPL, sizeOnly, T)).toMatchObject({ type: 'tickByTickBidAsk' });
    expect(tickByTickMessage(subscribe('BidAsk', true), AAPL, sizeOnly, T)).toBeNull();
  });

  it('sends Last and AllLast for trades only, with the trade and its exchange; none for FX', () => {
    const trade = { conId: AAPL.conId, fields: { last: 200.2, lastSize: 300, volume: 1_000_300 } };
    expect(tickByTickMessage(subscribe('Last'), AAPL, trade, T)).toEqual({
      type: 'tickByTickLast',
      reqId: 9,
      tickType: 1,
      time: T,
      price: 200.2,
      size: 300,
      pastLimit: false,
      unreported: false,
      exchange: AAPL.primaryExchange,
      specialConditions: '',
    });
    expect(tickByTickMessage(subscribe('AllLast'), AAPL, trade, T)).toMatchObject({ tickType: 2 });
    expect(tickByTickMessage(subscribe('Last'), AAPL, { conId: AAPL.conId, fields: { bid: 200.12 } }, T)).toBeNull();
    const fx = subscribe('AllLast', false, EURUSD.conId);
    expect(tickByTickMessage(fx, EURUSD, { conId: EURUSD.conId, fields: { last: 1.1, volume: 5 } }, T)).toBeNull();
  });

  it('sends MidPoint only when the mid point moved', () => {
    const line = subscribe('MidPoint');
    expect(tickByTickMessage(line, AAPL, { conId: AAPL.conId, fields: { bidSize: 1 } }, T)).toBeNull();
    // Bid up and ask down by the same amount: the mid stays.
    expect(tickByTickMessage(line, AAPL, { conId: AAPL.conId, fields: { bid: 200.12, ask: 200.18 } }, T)).toBeNull();
    expect(tickByTickMessage(line, AAPL, { conId: AAPL.conId, fields: { ask: 200.2 } }, T)).toEqual({
      type: 'tickByTickMidPoint',
      reqId: 9,
      time: T,
      midPoint: 200.16,
    });
  });
});

describe('real-time bars from walk steps', () => {
  it('feed the forming bar with each step and close it when its 5 s are over', () => {
    const line = { reqId: 3, conId: AAPL.conId, seen: { ...QUOTE }, bars: new RealtimeBarBuilder('TRADES', QUOTE, T) };
    expect(
      barsAfterStep(line, { conId: AAPL.conId, fields: { last: 200.3, lastSize: 200, volume: 2 } }, T + 1),
    ).toEqual([]);
    const [bar] = barsAfterStep(line, { conId: AAPL.conId, fields: { bid: 200.2 } }, T + 5);
    expect(bar).toMatchObject({ time: T, open: 200.3, close: 200.3, volume: 200, count: 1 });
  });
});
