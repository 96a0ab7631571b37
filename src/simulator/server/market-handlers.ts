import { US_STOCK_BBO_EXCHANGE, type Instrument, type QuoteTick } from '../world';
import { type WireBar, type WireContract } from '../wire/messages';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { formatBarDate, parseHistoryRequest, PACING_VIOLATION } from './history-request';
import { quoteMessages, shortableMessages } from './market-feed';
import { openOptionLine, optionComputations, optionGenericMessages, publishOptionLines } from './option-feed';
import { cadenceMs, openSnapshots, snapshotPhaseMs, takeSnapshot } from './quote-cadence';
import { type HistorySubscription, type MarketSubscription } from './subscriptions';
import { contractQuery, gatewayTime, wireContract, wireContractDetails } from './wire-mapping';

/** Market data, history and contract look-ups, and the tick fan-out to subscribers. */

const NO_SECURITY_DEFINITION = 'No security definition has been found for the request';
/** Symbol search answers at most this many samples, as the gateway does. */
const MAX_SYMBOL_SAMPLES = 16;
/** keepUpToDate bars are refreshed at most this often per request. */
const HISTORY_UPDATE_MS = 1000;

/** One instrument for a contract, or the gateway's error sent and undefined (none, or ambiguous). */
export function resolveOne(context: GatewayContext, connection: ApiConnection, reqId: number, contract: WireContract) {
  if (contract.secType.toUpperCase() === 'BAG') {
    validationError(connection, reqId, 'The simulator does not serve combination (BAG) contracts.');
    return undefined;
  }
  const found = context.world.findInstruments(contractQuery(contract));
  if (found.length === 1) return found[0];
  const message =
    found.length === 0
      ? NO_SECURITY_DEFINITION
      : `The contract description specified for ${contract.symbol} is ambiguous; you must specify the multiplier or trading class.`;
  connection.sendError(reqId, 200, message);
  return undefined;
}

function marketLinesInUse(context: GatewayContext): number {
  return context.connections().reduce((sum, connection) => sum + connection.subs.market.size, 0);
}

/** 1 live unless the login has no live subscription; then delayed (3, 4 stay as asked) or refused (null). */
function servedMarketDataType(context: GatewayContext, requested: number): number | null {
  if (!context.delayed) return 1;
  return requested >= 3 ? 3 : null;
}

function historyBars(context: GatewayContext, instrument: Instrument, subscription: HistorySubscription): WireBar[] {
  const end = Math.floor(context.now() / 1000);
  const bars = context.world.historicalBars(instrument.conId, {
    endTime: end,
    durationSeconds: subscription.barSizeSeconds,
    barSizeSeconds: subscription.barSizeSeconds,
    whatToShow: subscription.whatToShow,
  });
  return bars.map((bar) => ({
    ...bar,
    date: formatBarDate(bar.time, subscription.barSizeSeconds, subscription.formatDate),
  }));
}

export const marketHandlers: HandlerTable = {
  reqCurrentTime(context, connection) {
    connection.send({ type: 'currentTime', time: Math.floor(context.now() / 1000) });
  },

  reqMarketDataType(_context, connection, { marketDataType }) {
    if (marketDataType < 1 || marketDataType > 4) {
      validationError(connection, -1, `Market data type ${marketDataType} is not 1 (live) to 4 (delayed frozen).`);
      return;
    }
    connection.subs.requestedMarketDataType = marketDataType;
  },

  reqMktData(context, connection, { reqId, contract, genericTickList, snapshot }) {
    if (connection.subs.market.has(reqId)) {
      connection.sendError(reqId, 322, `Error processing request.-'sim' : cause - Duplicate ticker id ${reqId}`);
      return;
    }
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    if (context.competingSession) {
      connection.sendError(reqId, 10197, 'No market data during competing live session');
      return;
    }
    if (!snapshot && marketLinesInUse(context) >= context.marketDataLines) {
      connection.sendError(reqId, 101, 'Max number of tickers has been reached.');
      return;
    }
    const served = servedMarketDataType(context, connection.subs.requestedMarketDataType);
    if (served === null) {
      connection.sendError(
        reqId,
        354,
        'Requested market data is not subscribed. Check API status by selecting the Account menu then under Management choose Market Data Subscription Manager and/or availability of delayed data.',
      );
      return;
    }
    if (served === 3)
      connection.sendError(reqId, 10167, 'Requested market data is not subscribed. Displaying delayed market data.');
    const interval = cadenceMs(instrument);
    const subscription: MarketSubscription = {
      reqId,
      conId: instrument.conId,
      marketDataType: served,
      shortable: genericTickList.split(',').some((tick) => tick.trim() === '236'),
      snapshots: openSnapshots(
        interval,
        context.world.quote(instrument.conId),
        context.now(),
        snapshotPhaseMs(instrument.conId, interval),
      ),
    };
    connection.send({
      type: 'tickReqParams',
      reqId,
      minTick: instrument.minTick,
      bboExchange: US_STOCK_BBO_EXCHANGE,
      snapshotPermissions: 3,
    });
    connection.send({ type: 'marketDataType', reqId, marketDataType: served });
    const quote = context.world.quote(instrument.conId);
    for (const message of quoteMessages(subscription, instrument, quote, quote)) connection.send(message);
    for (const message of openOptionLine(context.world, subscription, quote)) connection.send(message);
    for (const message of optionGenericMessages(context.world, reqId, instrument, genericTickList))
      connection.send(message);
    if (subscription.shortable) for (const message of shortableMessages(reqId, instrument)) connection.send(message);
    if (snapshot) connection.send({ type: 'tickSnapshotEnd', reqId });
    else connection.subs.market.set(reqId, subscription);
  },

  cancelMktData(_context, connection, { reqId }) {
    connection.subs.market.delete(reqId);
  },

  reqHistoricalData(context, connection, request) {
    const { reqId, contract } = request;
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    const parsed = parseHistoryRequest(request, context.now());
    if (!parsed.ok) {
      validationError(connection, reqId, parsed.message);
      return;
    }
    const breach = context.pacing.check(
      {
        conId: instrument.conId,
        endDateTime: request.endDateTime,
        durationStr: request.durationStr,
        barSizeSetting: request.barSizeSetting,
        whatToShow: request.whatToShow,
        useRTH: request.useRTH,
      },
      context.now(),
    );
    if (breach) {
      context.log(`history pacing: refused request ${reqId} for ${instrument.symbol}: ${breach}`);
      connection.sendError(reqId, 162, PACING_VIOLATION);
      return;
    }
    let bars;
    try {
      bars = context.world.historicalBars(instrument.conId, parsed.request);
    } catch (error) {
      connection.sendError(reqId, 162, (error as Error).message);
      return;
    }
    const { barSizeSeconds, durationSeconds, endTime } = parsed.request;
    connection.send({
      type: 'historicalData',
      reqId,
      startDate: gatewayTime((endTime - durationSeconds) * 1000),
      endDate: gatewayTime(endTime * 1000),
      bars: bars.map((bar) => ({ ...bar, date: formatBarDate(bar.time, barSizeSeconds, request.formatDate) })),
    });
    if (request.keepUpToDate)
      connection.subs.history.set(reqId, {
        reqId,
        conId: instrument.conId,
        barSizeSeconds,
        whatToShow: parsed.request.whatToShow,
        formatDate: request.formatDate,
        lastSentAt: context.now(),
      });
  },

  cancelHistoricalData(_context, connection, { reqId }) {
    connection.subs.history.delete(reqId);
  },

  reqContractDetails(context, connection, { reqId, contract }) {
    const found = context.world.findInstruments(contractQuery(contract));
    if (found.length === 0) {
      connection.sendError(reqId, 200, NO_SECURITY_DEFINITION);
      return;
    }
    for (const instrument of found) {
      const under = instrument.underConId ? context.world.instrument(instrument.underConId) : undefined;
      connection.send({ type: 'contractData', reqId, details: wireContractDetails(instrument, under) });
    }
    connection.send({ type: 'contractDataEnd', reqId });
  },

  reqMatchingSymbols(context, connection, { reqId, pattern }) {
    const samples = context.world
      .matchSymbols(pattern)
      .filter((instrument) => instrument.secType !== 'OPT')
      .slice(0, MAX_SYMBOL_SAMPLES)
      .map((instrument) => ({
        contract: { ...wireContract(instrument), description: instrument.longName },
        derivativeSecTypes: context.world.derivativeSecTypes(instrument.conId),
      }));
    connection.send({ type: 'symbolSamples', reqId, samples });
  },
};

/**
 * Sends one step's ticks to a connection's subscribers: the quotes themselves in 'every-step' mode (at IBKR's
 * cadence publishSnapshots sends them), and keepUpToDate bars. Quotes are skipped while the client is backlogged.
 */
export function publishTicks(context: GatewayContext, connection: ApiConnection, ticks: QuoteTick[]): void {
  const { market, history } = connection.subs;
  if (context.quoteCadence === 'every-step' && market.size > 0 && !connection.backlogged) {
    const byConId = new Map<number, MarketSubscription[]>();
    for (const subscription of market.values()) {
      const list = byConId.get(subscription.conId);
      if (list) list.push(subscription);
      else byConId.set(subscription.conId, [subscription]);
    }
    for (const tick of ticks) {
      const subscriptions = byConId.get(tick.conId);
      const instrument = subscriptions && context.world.instrument(tick.conId);
      if (!subscriptions || !instrument) continue;
      const quote = context.world.quote(tick.conId);
      for (const subscription of subscriptions)
        for (const message of quoteMessages(subscription, instrument, tick.fields, quote)) connection.send(message);
    }
    publishOptionLines(context, connection, ticks);
  }
  if (history.size === 0) return;
  const now = context.now();
  const touched = new Set(ticks.map((tick) => tick.conId));
  for (const subscription of history.values()) {
    if (!touched.has(subscription.conId) || now - subscription.lastSentAt < HISTORY_UPDATE_MS) continue;
    const instrument = context.world.instrument(subscription.conId);
    const bar = instrument && historyBars(context, instrument, subscription).at(-1);
    if (!bar) continue;
    subscription.lastSentAt = now;
    connection.send({ type: 'historicalDataUpdate', reqId: subscription.reqId, bar });
  }
}

/** Each line whose snapshot is due sends the fields that changed since its last one ('ibkr' mode). */
export function publishSnapshots(context: GatewayContext, connection: ApiConnection): void {
  if (connection.backlogged) return;
  const now = context.now();
  for (const subscription of connection.subs.market.values()) {
    const instrument = context.world.instrument(subscription.conId);
    if (!instrument) continue;
    const quote = context.world.quote(subscription.conId);
    const changed = takeSnapshot(subscription.snapshots, quote, now);
    if (!changed) continue;
    for (const message of quoteMessages(subscription, instrument, changed, quote)) connection.send(message);
    // An option's snapshot carries its model computations, as IBKR's option lines do.
    const inputs = instrument.secType === 'OPT' ? context.world.options.inputs(instrument.conId) : undefined;
    if (inputs) for (const message of optionComputations(subscription, inputs, changed)) connection.send(message);
  }
}
