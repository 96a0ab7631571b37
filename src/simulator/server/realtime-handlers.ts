import { type QuoteTick } from '../world';
import {
  REALTIME_BAR_SECONDS,
  REALTIME_WHAT_TO_SHOW,
  RealtimeBarBuilder,
  type RealtimeWhatToShow,
} from '../world/realtime-bars';
import { TICK_BY_TICK_TYPES, type TickByTickType } from '../wire/messages-realtime';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { resolveOne } from './market-handlers';
import { barsAfterStep, tickByTickMessage } from './realtime-feed';

/** reqTickByTickData and reqRealTimeBars, their cancels, and the fan-out of walk steps to them. */

/**
 * Simultaneous tick-by-tick subscriptions per login. IBKR derives it from the market depth formula; with the
 * default 100 market data lines accounts are refused the sixth (error 10190), so the simulator allows five.
 */
export const TICK_BY_TICK_LIMIT = 5;
export const TICK_BY_TICK_LIMIT_MESSAGE = 'Max number of tick-by-tick requests has been reached.';

const seconds = (context: GatewayContext) => Math.floor(context.now() / 1000);

function tickByTickInUse(context: GatewayContext) {
  return context.connections().flatMap((connection) => [...connection.subs.tickByTick.values()]);
}

export const realtimeHandlers: HandlerTable = {
  reqTickByTickData(context, connection, { reqId, contract, tickType, ignoreSize }) {
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
