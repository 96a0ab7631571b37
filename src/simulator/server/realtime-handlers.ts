import { type Instrument, type QuoteTick } from '../world';
import { historicalTicks, tickWindow, type HistoricalTick, type HistoricalTickKind } from '../world/historical-ticks';
import {
  REALTIME_BAR_SECONDS,
  REALTIME_WHAT_TO_SHOW,
  RealtimeBarBuilder,
  type RealtimeWhatToShow,
} from '../world/realtime-bars';
import { TICK_BY_TICK_TYPES, type TickByTickType, type WireHistoricalTick } from '../wire/messages-realtime';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { parseEndTime } from './history-request';
import { resolveOne } from './market-handlers';
import { barsAfterStep, tickByTickMessage } from './realtime-feed';

/** reqTickByTickData, reqHistoricalTicks and reqRealTimeBars, the cancels, and the fan-out of walk steps to them. */

/**
 * Simultaneous tick-by-tick subscriptions per login. IBKR derives it from the market depth formula; with the
 * default 100 market data lines accounts are refused the sixth (error 10190), so the simulator allows five.
 */
export const TICK_BY_TICK_LIMIT = 5;
export const TICK_BY_TICK_LIMIT_MESSAGE = 'Max number of tick-by-tick requests has been reached.';

const seconds = (context: GatewayContext) => Math.floor(context.now() / 1000);

const HISTORICAL_TICK_KINDS: readonly string[] = ['TRADES', 'BID_ASK', 'MIDPOINT'] satisfies HistoricalTickKind[];
/** The tick-by-tick type's history: what reqTickByTickData with numberOfTicks sends before the live ticks. */
const HISTORY_OF: Record<TickByTickType, HistoricalTickKind> = {
  Last: 'TRADES',
  AllLast: 'TRADES',
  BidAsk: 'BID_ASK',
  MidPoint: 'MIDPOINT',
};

/** IBKR's error for a historical-ticks request it cannot serve, with its reason. */
function historicalTicksError(connection: ApiConnection, reqId: number, reason: string): void {
  connection.sendError(reqId, 10187, `Failed to request historical ticks:${reason}`);
}

/** The ticks of the seconds [from, to), read off the world's 1-second bars. */
function ticksBetween(
  context: GatewayContext,
  instrument: Instrument,
  kind: HistoricalTickKind,
  from: number,
  to: number,
): WireHistoricalTick[] {
  if (to <= from) return [];
  const bars = (whatToShow: 'TRADES' | 'BID' | 'ASK' | 'MIDPOINT') =>
    context.world.historicalBars(instrument.conId, {
      endTime: to,
      durationSeconds: to - from,
      barSizeSeconds: 1,
      whatToShow,
    });
  const series = {
    trades: bars('TRADES'),
    ...(kind === 'BID_ASK' ? { bid: bars('BID'), ask: bars('ASK') } : {}),
    ...(kind === 'MIDPOINT' ? { mid: bars('MIDPOINT') } : {}),
  };
  const exchange = instrument.primaryExchange || instrument.exchange;
  return historicalTicks(kind, series).map((tick: HistoricalTick) => ({ ...tick, exchange }));
}

function tickByTickInUse(context: GatewayContext) {
  return context.connections().flatMap((connection) => [...connection.subs.tickByTick.values()]);
}

export const realtimeHandlers: HandlerTable = {
  reqTickByTickData(context, connection, { reqId, contract, tickType, numberOfTicks, ignoreSize }) {
    if (!(TICK_BY_TICK_TYPES as readonly string[]).includes(tickType)) {
      validationError(connection, reqId, `Invalid tick type "${tickType}": one of ${TICK_BY_TICK_TYPES.join(', ')}.`);
      return;
    }
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    const inUse = tickByTickInUse(context);
    if (inUse.some((other) => other.conId === instrument.conId && other.tickType === tickType)) {
      // IBKR allows one tick-by-tick subscription per instrument and tick type.
      connection.sendError(
        reqId,
        10189,
        `Failed to request tick-by-tick data.Duplicate ${tickType} tick-by-tick request for ${instrument.symbol}.`,
      );
      return;
    }
    if (inUse.length >= TICK_BY_TICK_LIMIT) {
      connection.sendError(reqId, 10190, TICK_BY_TICK_LIMIT_MESSAGE);
      return;
    }
    connection.subs.tickByTick.set(reqId, {
      reqId,
      conId: instrument.conId,
      tickType: tickType as TickByTickType,
      ignoreSize,
      seen: context.world.quote(instrument.conId),
    });
    // With numberOfTicks the gateway first sends that many of the latest ticks as historical ticks.
    if (numberOfTicks > 0) {
      const kind = HISTORY_OF[tickType as TickByTickType];
      const { from, to } = tickWindow(null, null, numberOfTicks, seconds(context));
      const ticks = ticksBetween(context, instrument, kind, from, to);
      connection.send({ type: 'historicalTicks', reqId, kind, ticks, done: true });
    }
  },

  reqHistoricalTicks(context, connection, request) {
    const { reqId, startDateTime, endDateTime, numberOfTicks } = request;
    const instrument = resolveOne(context, connection, reqId, request.contract);
    if (!instrument) return;
    const kind = request.whatToShow.toUpperCase();
    if (!HISTORICAL_TICK_KINDS.includes(kind)) {
      historicalTicksError(
        connection,
        reqId,
        `whatToShow must be TRADES, BID_ASK or MIDPOINT, not "${request.whatToShow}"`,
      );
      return;
    }
    if ((startDateTime.trim() === '') === (endDateTime.trim() === '')) {
      historicalTicksError(connection, reqId, 'exactly one of the start and end date/time must be set');
      return;
    }
    if (numberOfTicks <= 0) {
      historicalTicksError(connection, reqId, `the number of ticks must be 1 to 1000, not ${numberOfTicks}`);
      return;
    }
    const now = context.now();
    const start = startDateTime.trim() === '' ? null : parseEndTime(startDateTime, now);
    const end = endDateTime.trim() === '' ? null : parseEndTime(endDateTime, now);
    if ((start ?? end) === null) {
      historicalTicksError(connection, reqId, `unreadable date/time "${startDateTime || endDateTime}"`);
      return;
    }
    const { from, to } = tickWindow(start, end, numberOfTicks, seconds(context));
    const ticks = ticksBetween(context, instrument, kind as HistoricalTickKind, from, to);
    connection.send({ type: 'historicalTicks', reqId, kind: kind as HistoricalTickKind, ticks, done: true });
  },

  cancelTickByTickData(_context, connection, { reqId }) {
    connection.subs.tickByTick.delete(reqId);
  },

  reqRealTimeBars(context, connection, { reqId, contract, barSize, whatToShow }) {
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    if (barSize !== REALTIME_BAR_SECONDS) {
      connection.sendError(
        reqId,
        420,
        `Invalid Real-time Query:Invalid bar size ${barSize}; only 5 seconds is supported.`,
      );
      return;
    }
    const shown = whatToShow.toUpperCase();
    if (!(REALTIME_WHAT_TO_SHOW as readonly string[]).includes(shown)) {
      connection.sendError(
        reqId,
        420,
        `Invalid Real-time Query:Invalid whatToShow "${whatToShow}"; one of ${REALTIME_WHAT_TO_SHOW.join(', ')}.`,
      );
      return;
    }
    const quote = context.world.quote(instrument.conId);
    connection.subs.realtimeBars.set(reqId, {
      reqId,
      conId: instrument.conId,
      seen: quote,
      bars: new RealtimeBarBuilder(shown as RealtimeWhatToShow, quote, seconds(context)),
    });
  },

  cancelRealTimeBars(_context, connection, { reqId }) {
    connection.subs.realtimeBars.delete(reqId);
  },
};

/** Sends one batch of walk steps to a connection's tick-by-tick subscriptions and real-time bars. */
export function publishRealtime(context: GatewayContext, connection: ApiConnection, ticks: QuoteTick[]): void {
  const { tickByTick, realtimeBars } = connection.subs;
  if (tickByTick.size === 0 && realtimeBars.size === 0) return;
  const time = seconds(context);
  for (const tick of ticks) {
    for (const subscription of tickByTick.values()) {
      if (subscription.conId !== tick.conId) continue;
      const instrument = context.world.instrument(tick.conId);
      const message = instrument && tickByTickMessage(subscription, instrument, tick, time);
      if (message && !connection.backlogged) connection.send(message);
    }
    for (const subscription of realtimeBars.values()) {
      if (subscription.conId !== tick.conId) continue;
      for (const bar of barsAfterStep(subscription, tick, time))
        connection.send({ type: 'realtimeBar', reqId: subscription.reqId, bar });
    }
  }
}

/** Closes the real-time bars whose 5 seconds are over, whether or not the instrument moved. */
export function closeRealtimeBars(context: GatewayContext, connection: ApiConnection): void {
  const time = seconds(context);
  for (const subscription of connection.subs.realtimeBars.values())
    for (const bar of subscription.bars.roll(time))
      connection.send({ type: 'realtimeBar', reqId: subscription.reqId, bar });
}
