import { type WireBar, type WireContract } from './messages';

/** Tick-by-tick data, historical ticks and real-time bars: the requests and answers, with no bytes in them. */

/** reqTickByTickData's tick types, case-sensitive as IBKR takes them. */
export const TICK_BY_TICK_TYPES = ['Last', 'AllLast', 'BidAsk', 'MidPoint'] as const;
export type TickByTickType = (typeof TICK_BY_TICK_TYPES)[number];

export type RealtimeRequest =
  | {
      type: 'reqTickByTickData';
      reqId: number;
      contract: WireContract;
      /** As sent; validated by the handler so that a bad one gets IBKR's error, not a decoding failure. */
      tickType: string;
      numberOfTicks: number;
      ignoreSize: boolean;
    }
  | { type: 'cancelTickByTickData'; reqId: number }
  | {
      type: 'reqRealTimeBars';
      reqId: number;
      contract: WireContract;
      barSize: number;
      whatToShow: string;
      useRTH: boolean;
    }
  | { type: 'cancelRealTimeBars'; reqId: number }
  | {
      type: 'reqHistoricalTicks';
      reqId: number;
      contract: WireContract;
      /** Exactly one of the two is set: 'YYYYMMDD HH:MM:SS' with an optional zone, or 'YYYYMMDD-HH:MM:SS' (UTC). */
      startDateTime: string;
      endDateTime: string;
      numberOfTicks: number;
      whatToShow: string;
      useRth: boolean;
      ignoreSize: boolean;
    };

/** One historical tick; `bid`, `ask` and their sizes are set on BID_ASK ticks, `price` and `size` on the rest. */
export interface WireHistoricalTick {
  /** Epoch seconds. */
  time: number;
  price: number;
  size: number;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  exchange: string;
}

/** historicalTicks (MIDPOINT), historicalTicksBidAsk (BID_ASK) and historicalTicksLast (TRADES). */
export type HistoricalTicksKind = 'MIDPOINT' | 'BID_ASK' | 'TRADES';

/** A 5-second bar. Volume, WAP and count are -1 on quote bars (MIDPOINT, BID, ASK), as on historical ones. */
export type WireRealtimeBar = Omit<WireBar, 'date'> & {
  /** Epoch seconds of the bar's start. */
  time: number;
};

export type RealtimeMessage =
  | {
      type: 'tickByTickLast';
      reqId: number;
      /** 1 Last, 2 AllLast. */
      tickType: 1 | 2;
      /** Epoch seconds. */
      time: number;
      price: number;
      size: number;
      pastLimit: boolean;
      unreported: boolean;
      exchange: string;
      specialConditions: string;
    }
  | {
      type: 'tickByTickBidAsk';
      reqId: number;
      time: number;
      bidPrice: number;
      askPrice: number;
      bidSize: number;
      askSize: number;
      bidPastLow: boolean;
      askPastHigh: boolean;
    }
  | { type: 'tickByTickMidPoint'; reqId: number; time: number; midPoint: number }
  | { type: 'realtimeBar'; reqId: number; bar: WireRealtimeBar }
  | { type: 'historicalTicks'; reqId: number; kind: HistoricalTicksKind; ticks: WireHistoricalTick[]; done: boolean };
