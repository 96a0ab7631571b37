import {
  BarSizeSetting,
  type Contract,
  DurationUnit,
  FADataType,
  type IBApi,
  Instrument as ScanInstrument,
  LocationCode,
  LogLevel,
  OptionType,
  OrderAction,
  OrderType,
  ScanCode,
  SecType,
  TickByTickDataType,
  WhatToShow,
} from '@stoqey/ib';
import { type Simulator } from '../../../src/simulator';
import { ClientMsgId, type ClientMsgName } from '../../../src/simulator/wire/incoming-ids';

/**
 * How the conformance test sends each client request through @stoqey/ib: its IBApi method, with whatever the
 * request needs set up first (a resting order to cancel, a line to cancel, a bulletin to receive). @stoqey/ib
 * has no method for the four API verification messages, so those go through its own encoder (sendMsg) with
 * the layout of IBKR's EClient (verifyRequest, verifyMessage, verifyAndAuthRequest, verifyAndAuthMessage).
 */

export interface ProbeContext {
  api: IBApi;
  sim: Simulator;
  accounts: string[];
  /** The next order id this client may use. */
  nextOrderId(): number;
  /** Connects another client (recorded like the first) and resolves once it has started. */
  connectAnother(clientId: number): Promise<IBApi>;
}

/**
 * Sends one request and returns the id its answer carries (-1: none). `setup` runs first and is answered in
 * full before the request goes out, so nothing it provokes is taken for the request's answer.
 */
export interface Probe {
  setup?: (context: ProbeContext) => void | Promise<void>;
  send: (context: ProbeContext) => number | Promise<number>;
}

const NONE = -1;
/** One request id per message id, so a cancel names the request its own row started. */
export const reqIdOf = (name: ClientMsgName): number => 1000 + ClientMsgId[name];
/** Ids for the lines a cancel's set-up opens. */
const setupIdOf = (name: ClientMsgName): number => 5000 + ClientMsgId[name];

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const wireTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/-/g, '').replace('T', ' ')} UTC`;

function instrument(sim: Simulator, secType: 'STK' | 'OPT') {
  const found = sim.world.findInstruments({ symbol: 'AAPL', secType })[0];
  if (!found) throw new Error(`the simulator lists no AAPL ${secType}`);
  return found;
}

function aaplOption(sim: Simulator): Contract {
  const option = instrument(sim, 'OPT');
  return {
    symbol: option.symbol,
    secType: SecType.OPT,
    lastTradeDateOrContractMonth: option.lastTradeDate,
    strike: option.strike,
    right: option.right === 'C' ? OptionType.Call : OptionType.Put,
    multiplier: 100,
    exchange: 'SMART',
    currency: 'USD',
  };
}

/** A limit buy far below the market, so it rests until cancelled. */
function placeRestingOrder({ api, sim, accounts, nextOrderId }: ProbeContext): number {
  const orderId = nextOrderId();
  const bid = sim.world.quote(instrument(sim, 'STK').conId).bid;
  const lmtPrice = Math.max(1, Math.round(bid * 50) / 100);
  api.placeOrder(orderId, AAPL, {
    action: OrderAction.BUY,
    orderType: OrderType.LMT,
    totalQuantity: 1,
    lmtPrice,
    account: accounts[1],
    transmit: true,
  });
  return orderId;
}
let lastPlaced = NONE;

/** The encoder's raw sendMsg, for messages @stoqey/ib has no method for. */
function sendRaw(api: IBApi, ...fields: (string | number)[]): number {
  const { encoder } = (api as unknown as { controller: { encoder: { sendMsg(...args: unknown[]): void } } }).controller;
  encoder.sendMsg(...fields);
  return NONE;
}

/** Sends `name` with request id reqIdOf(name) through `send`, and says that id answers. */
const withId = (name: ClientMsgName, send: (context: ProbeContext, reqId: number) => void): Probe => ({
  send: (context) => {
    send(context, reqIdOf(name));
    return reqIdOf(name);
  },
});
/** Sends a request without an id of its own. */
const plain = (send: (context: ProbeContext) => void, setup?: Probe['setup']): Probe => ({
  setup,
  send: (context) => {
    send(context);
    return NONE;
  },
});
/** Opens a line with `open`, then cancels it with `cancel`. */
const openThenCancel = (
  name: ClientMsgName,
  open: (context: ProbeContext, id: number) => void,
  cancel: (api: IBApi, id: number) => void,
): Probe =>
  plain(
    ({ api }) => cancel(api, setupIdOf(name)),
    (context) => open(context, setupIdOf(name)),
  );

export const PROBES: Record<ClientMsgName, Probe> = {
  REQ_MKT_DATA: withId('REQ_MKT_DATA', ({ api }, id) => api.reqMktData(id, AAPL, '', true, false)),
  CANCEL_MKT_DATA: openThenCancel(
    'CANCEL_MKT_DATA',
    ({ api }, id) => api.reqMktData(id, AAPL, '', false, false),
    (api, id) => api.cancelMktData(id),
  ),
  PLACE_ORDER: { send: (context) => (lastPlaced = placeRestingOrder(context)) },
  CANCEL_ORDER: {
    send: ({ api }) => {
      api.cancelOrder(lastPlaced);
      return lastPlaced;
    },
  },
  REQ_OPEN_ORDERS: plain(({ api }) => api.reqOpenOrders()),
  REQ_ACCOUNT_DATA: plain(({ api, accounts }) => api.reqAccountUpdates(true, accounts[1] ?? '')),
  REQ_EXECUTIONS: withId('REQ_EXECUTIONS', ({ api }, id) => api.reqExecutions(id, {})),
  REQ_IDS: plain(({ api }) => api.reqIds(1)),
  REQ_CONTRACT_DATA: withId('REQ_CONTRACT_DATA', ({ api }, id) => api.reqContractDetails(id, AAPL)),
  REQ_MKT_DEPTH: withId('REQ_MKT_DEPTH', ({ api }, id) => api.reqMktDepth(id, AAPL, 5, false, [])),
  CANCEL_MKT_DEPTH: plain(({ api }) => api.cancelMktDepth(reqIdOf('REQ_MKT_DEPTH'), false)),
  REQ_NEWS_BULLETINS: plain(
    ({ api }) => api.reqNewsBulletins(true),
    ({ sim }) => void sim.faults.newsBulletin('Conformance: a bulletin posted before the request'),
  ),
  CANCEL_NEWS_BULLETINS: plain(({ api }) => api.cancelNewsBulletins()),
  SET_SERVER_LOGLEVEL: plain(({ api }) => api.setServerLogLevel(LogLevel.ERROR)),
  REQ_AUTO_OPEN_ORDERS: plain(({ api }) => api.reqAutoOpenOrders(true)),
  REQ_ALL_OPEN_ORDERS: plain(({ api }) => api.reqAllOpenOrders()),
  REQ_MANAGED_ACCTS: plain(({ api }) => api.reqManagedAccts()),
  REQ_FA: plain(({ api }) => api.requestFA(FADataType.GROUPS)),
  REPLACE_FA: withId('REPLACE_FA', ({ api }, id) => api.replaceFA(id, FADataType.GROUPS, '<ListOfGroups/>')),
  REQ_HISTORICAL_DATA: withId('REQ_HISTORICAL_DATA', ({ api }, id) =>
    api.reqHistoricalData(id, AAPL, '', '1 D', BarSizeSetting.MINUTES_FIVE, WhatToShow.TRADES, 1, 1, false),
  ),
  EXERCISE_OPTIONS: withId('EXERCISE_OPTIONS', ({ api, accounts }, id) =>
    api.exerciseOptions(id, AAPL, 1, 1, accounts[1] ?? '', 1),
  ),
  REQ_SCANNER_SUBSCRIPTION: withId('REQ_SCANNER_SUBSCRIPTION', ({ api }, id) =>
    api.reqScannerSubscription(
      id,
      {
        instrument: ScanInstrument.STK,
        locationCode: LocationCode.STK_US_MAJOR,
        scanCode: ScanCode.MOST_ACTIVE,
        numberOfRows: 5,
      },
      [],
    ),
  ),
  CANCEL_SCANNER_SUBSCRIPTION: plain(({ api }) => api.cancelScannerSubscription(reqIdOf('REQ_SCANNER_SUBSCRIPTION'))),
  REQ_SCANNER_PARAMETERS: plain(({ api }) => api.reqScannerParameters()),
  CANCEL_HISTORICAL_DATA: plain(({ api }) => api.cancelHistoricalData(reqIdOf('REQ_HISTORICAL_DATA'))),
  REQ_CURRENT_TIME: plain(({ api }) => api.reqCurrentTime()),
  REQ_REAL_TIME_BARS: withId('REQ_REAL_TIME_BARS', ({ api }, id) =>
    api.reqRealTimeBars(id, AAPL, 5, WhatToShow.TRADES, false),
  ),
  CANCEL_REAL_TIME_BARS: plain(({ api }) => api.cancelRealTimeBars(reqIdOf('REQ_REAL_TIME_BARS'))),
  REQ_FUNDAMENTAL_DATA: withId('REQ_FUNDAMENTAL_DATA', ({ api }, id) =>
    api.reqFundamentalData(id, AAPL, 'ReportSnapshot'),
  ),
  CANCEL_FUNDAMENTAL_DATA: plain(({ api }) => api.cancelFundamentalData(reqIdOf('REQ_FUNDAMENTAL_DATA'))),
  REQ_CALC_IMPLIED_VOLAT: withId('REQ_CALC_IMPLIED_VOLAT', ({ api, sim }, id) =>
    api.calculateImpliedVolatility(id, aaplOption(sim), 8.5, sim.world.quote(instrument(sim, 'STK').conId).bid),
  ),
  REQ_CALC_OPTION_PRICE: withId('REQ_CALC_OPTION_PRICE', ({ api, sim }, id) =>
    api.calculateOptionPrice(id, aaplOption(sim), 0.3, sim.world.quote(instrument(sim, 'STK').conId).bid),
  ),
  CANCEL_CALC_IMPLIED_VOLAT: plain(({ api }) =>
    api.cancelCalculateImpliedVolatility(reqIdOf('REQ_CALC_IMPLIED_VOLAT')),
  ),
  CANCEL_CALC_OPTION_PRICE: plain(({ api }) => api.cancelCalculateOptionPrice(reqIdOf('REQ_CALC_OPTION_PRICE'))),
  REQ_GLOBAL_CANCEL: {
    setup: (context) => void (lastPlaced = placeRestingOrder(context)),
    send: ({ api }) => {
      api.reqGlobalCancel();
      return lastPlaced;
    },
  },
  REQ_MARKET_DATA_TYPE: plain(({ api }) => api.reqMarketDataType(1)),
  REQ_POSITIONS: plain(({ api }) => api.reqPositions()),
  REQ_ACCOUNT_SUMMARY: withId('REQ_ACCOUNT_SUMMARY', ({ api }, id) =>
    api.reqAccountSummary(id, 'All', 'NetLiquidation'),
  ),
  CANCEL_ACCOUNT_SUMMARY: plain(({ api }) => api.cancelAccountSummary(reqIdOf('REQ_ACCOUNT_SUMMARY'))),
  CANCEL_POSITIONS: plain(({ api }) => api.cancelPositions()),
  // EClient.verifyRequest: [65, version 1, apiName, apiVersion]
  VERIFY_REQUEST: { send: ({ api }) => sendRaw(api, ClientMsgId.VERIFY_REQUEST, 1, 'conformance', '1.0') },
  // EClient.verifyMessage: [66, version 1, apiData]
  VERIFY_MESSAGE: { send: ({ api }) => sendRaw(api, ClientMsgId.VERIFY_MESSAGE, 1, 'data') },
  QUERY_DISPLAY_GROUPS: withId('QUERY_DISPLAY_GROUPS', ({ api }, id) => api.queryDisplayGroups(id)),
  SUBSCRIBE_TO_GROUP_EVENTS: withId('SUBSCRIBE_TO_GROUP_EVENTS', ({ api }, id) => api.subscribeToGroupEvents(id, 1)),
  UPDATE_DISPLAY_GROUP: withId('UPDATE_DISPLAY_GROUP', ({ api }, id) => api.updateDisplayGroup(id, '265598@SMART')),
  UNSUBSCRIBE_FROM_GROUP_EVENTS: withId('UNSUBSCRIBE_FROM_GROUP_EVENTS', ({ api }, id) =>
    api.unsubscribeFromGroupEvents(id),
  ),
  START_API: {
    send: async ({ api, connectAnother }) => {
      const other = await connectAnother(api.serverVersion + 1000);
      other.disconnect();
      return NONE;
    },
  },
  // EClient.verifyAndAuthRequest: [72, version 1, apiName, apiVersion, opaqueIsvKey]
  VERIFY_AND_AUTH_REQUEST: {
    send: ({ api }) => sendRaw(api, ClientMsgId.VERIFY_AND_AUTH_REQUEST, 1, 'conformance', '1.0', 'key'),
  },
  // EClient.verifyAndAuthMessage: [73, version 1, apiData, xyzResponse]
  VERIFY_AND_AUTH_MESSAGE: {
    send: ({ api }) => sendRaw(api, ClientMsgId.VERIFY_AND_AUTH_MESSAGE, 1, 'data', 'response'),
  },
  REQ_POSITIONS_MULTI: withId('REQ_POSITIONS_MULTI', ({ api, accounts }, id) =>
    api.reqPositionsMulti(id, accounts[1] ?? '', ''),
  ),
  CANCEL_POSITIONS_MULTI: plain(({ api }) => api.cancelPositionsMulti(reqIdOf('REQ_POSITIONS_MULTI'))),
  REQ_ACCOUNT_UPDATES_MULTI: withId('REQ_ACCOUNT_UPDATES_MULTI', ({ api, accounts }, id) =>
    api.reqAccountUpdatesMulti(id, accounts[1] ?? '', '', true),
  ),
  CANCEL_ACCOUNT_UPDATES_MULTI: plain(({ api }) => api.cancelAccountUpdatesMulti(reqIdOf('REQ_ACCOUNT_UPDATES_MULTI'))),
  REQ_SEC_DEF_OPT_PARAMS: withId('REQ_SEC_DEF_OPT_PARAMS', ({ api, sim }, id) =>
    api.reqSecDefOptParams(id, 'AAPL', '', SecType.STK, instrument(sim, 'STK').conId),
  ),
  REQ_SOFT_DOLLAR_TIERS: withId('REQ_SOFT_DOLLAR_TIERS', ({ api }, id) => api.reqSoftDollarTiers(id)),
  REQ_FAMILY_CODES: plain(({ api }) => api.reqFamilyCodes()),
  REQ_MATCHING_SYMBOLS: withId('REQ_MATCHING_SYMBOLS', ({ api }, id) => api.reqMatchingSymbols(id, 'AA')),
  REQ_MKT_DEPTH_EXCHANGES: plain(({ api }) => api.reqMktDepthExchanges()),
  REQ_SMART_COMPONENTS: withId('REQ_SMART_COMPONENTS', ({ api }, id) => api.reqSmartComponents(id, '9c0001')),
  REQ_NEWS_ARTICLE: withId('REQ_NEWS_ARTICLE', ({ api }, id) => api.reqNewsArticle(id, 'BRFG', 'BRFG$0001')),
  REQ_NEWS_PROVIDERS: plain(({ api }) => api.reqNewsProviders()),
  REQ_HISTORICAL_NEWS: withId('REQ_HISTORICAL_NEWS', ({ api, sim }, id) =>
    api.reqHistoricalNews(id, instrument(sim, 'STK').conId, 'BRFG', '', '', 10),
  ),
  REQ_HEAD_TIMESTAMP: withId('REQ_HEAD_TIMESTAMP', ({ api }, id) =>
    api.reqHeadTimestamp(id, AAPL, WhatToShow.TRADES, true, 1),
  ),
  REQ_HISTOGRAM_DATA: withId('REQ_HISTOGRAM_DATA', ({ api }, id) =>
    api.reqHistogramData(id, AAPL, false, 3, DurationUnit.DAY),
  ),
  CANCEL_HISTOGRAM_DATA: plain(({ api }) => api.cancelHistogramData(reqIdOf('REQ_HISTOGRAM_DATA'))),
  CANCEL_HEAD_TIMESTAMP: plain(({ api }) => api.cancelHeadTimestamp(reqIdOf('REQ_HEAD_TIMESTAMP'))),
  REQ_MARKET_RULE: plain(({ api }) => api.reqMarketRule(26)),
  REQ_PNL: withId('REQ_PNL', ({ api, accounts }, id) => api.reqPnL(id, accounts[1] ?? '', '')),
  CANCEL_PNL: plain(({ api }) => api.cancelPnL(reqIdOf('REQ_PNL'))),
  REQ_PNL_SINGLE: withId('REQ_PNL_SINGLE', ({ api, sim, accounts }, id) => {
    const account = accounts[1] ?? '';
    api.reqPnLSingle(id, account, '', sim.world.positions(account)[0]?.conId ?? 0);
  }),
  CANCEL_PNL_SINGLE: plain(({ api }) => api.cancelPnLSingle(reqIdOf('REQ_PNL_SINGLE'))),
  REQ_HISTORICAL_TICKS: withId('REQ_HISTORICAL_TICKS', ({ api }, id) =>
    api.reqHistoricalTicks(id, AAPL, '', wireTime(Date.now()), 10, WhatToShow.TRADES, 0, false),
  ),
  REQ_TICK_BY_TICK_DATA: withId('REQ_TICK_BY_TICK_DATA', ({ api }, id) =>
    api.reqTickByTickData(id, AAPL, TickByTickDataType.AllLast, 5, false),
  ),
  CANCEL_TICK_BY_TICK_DATA: plain(({ api }) => api.cancelTickByTickData(reqIdOf('REQ_TICK_BY_TICK_DATA'))),
  REQ_COMPLETED_ORDERS: plain(({ api }) => api.reqCompletedOrders(false)),
  REQ_WSH_META_DATA: withId('REQ_WSH_META_DATA', ({ api }, id) => api.reqWshMetaData(id)),
  CANCEL_WSH_META_DATA: plain(({ api }) => api.reqCancelWshMetaData(reqIdOf('REQ_WSH_META_DATA'))),
  REQ_WSH_EVENT_DATA: withId('REQ_WSH_EVENT_DATA', ({ api, sim }, id) =>
    api.reqWshEventData(id, instrument(sim, 'STK').conId),
  ),
  CANCEL_WSH_EVENT_DATA: plain(({ api }) => api.reqCancelWshEventData(reqIdOf('REQ_WSH_EVENT_DATA'))),
  REQ_USER_INFO: withId('REQ_USER_INFO', ({ api }, id) => api.reqUserInfo(id)),
};
