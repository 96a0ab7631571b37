import { ClientMsgId, type ClientMsgName } from './wire/incoming-ids';

/**
 * What the simulator answers to every client request of the TWS API, as one table: the conformance test
 * (test/integration/simulator/conformance.test.ts) sends each request through @stoqey/ib and checks the answer
 * against its row, and `npm run docs:simulator` prints the same rows into docs/simulator.md, so the two cannot
 * drift. Message names are @stoqey/ib's event names, which follow IBKR's EWrapper callbacks.
 */

/**
 * Data messages; the answer is complete at `end` (IBKR's end marker) or, for a request without one, at the first
 * of `messages`. `keyed`: that message's first argument is the request's id. Before an end marker at least one
 * of `messages` comes, unless `mayBeEmpty` (a list that can rightly be empty, as open orders).
 */
export interface DataAnswer {
  kind: 'data';
  messages: readonly string[];
  end?: string;
  keyed?: boolean;
  mayBeEmpty?: boolean;
}

export type ExpectedAnswer =
  | DataAnswer
  /** An error message with this code, carrying the request's id (-1 when the request has none). */
  | { kind: 'error'; code: number }
  /** Nothing, as IB Gateway answers nothing (cancels, settings); a request sent after it is answered first. */
  | { kind: 'silent' };

export interface RequestRow {
  name: ClientMsgName;
  /** Whether the simulator serves the request; unserved ones are refused with the gateway's error. */
  served: boolean;
  answer: ExpectedAnswer;
  /** What the conformance test sends, where the answer depends on it. */
  probe?: string;
  /** The server version from which @stoqey/ib sends the request (below it the client refuses locally). */
  since?: number;
  /**
   * Where @stoqey/ib's decoder departs from IBKR's own client (EDecoder.java) for the answer: below `below`, the
   * simulator keeps IBKR's layout and @stoqey/ib reports `complaint` for each such message.
   */
  clientDivergence?: { below: number; complaint: string; why: string };
}

const data = (messages: readonly string[], end?: string, keyed = false): DataAnswer => ({
  kind: 'data',
  messages,
  end,
  keyed,
});
const keyedData = (messages: readonly string[], end?: string): DataAnswer => data(messages, end, true);
/** A list that can rightly be empty: only its end marker is certain. */
const possiblyEmpty = (answer: DataAnswer): ExpectedAnswer => ({ ...answer, mayBeEmpty: true });
const error = (code: number): ExpectedAnswer => ({ kind: 'error', code });
const SILENT: ExpectedAnswer = { kind: 'silent' };

/** IBKR's refusal of a request it validates and rejects (here: FA data for a non-FA login, unserved requests). */
const VALIDATION = 321;
/** IB Gateway's refusal of news and Wall Street Horizon requests from a login without the subscription. */
const NEWS_NOT_ALLOWED = 10276;
/** MIN_SERVER_VER_WSHE_CALENDAR and MIN_SERVER_VER_USER_INFO. */
const WSHE_CALENDAR = 161;
const USER_INFO = 167;
/** MIN_SERVER_VER_FA_PROFILE_DESUPPORT. */
const FA_PROFILE_DESUPPORT = 177;

const served = (name: ClientMsgName, answer: ExpectedAnswer, probe?: string): RequestRow => ({
  name,
  served: true,
  answer,
  probe,
});
const refused = (name: ClientMsgName, code: number, probe?: string): RequestRow => ({
  name,
  served: false,
  answer: error(code),
  probe,
});

const ROWS: readonly RequestRow[] = [
  served(
    'REQ_MKT_DATA',
    keyedData(['tickReqParams', 'marketDataType', 'tickPrice', 'tickSize'], 'tickSnapshotEnd'),
    'a snapshot of AAPL',
  ),
  served('CANCEL_MKT_DATA', SILENT),
  served('PLACE_ORDER', keyedData(['openOrder', 'orderStatus'], undefined), 'a resting limit buy'),
  served('CANCEL_ORDER', error(202), 'the resting order: Order Canceled'),
  served('REQ_OPEN_ORDERS', possiblyEmpty(data(['openOrder', 'orderStatus'], 'openOrderEnd'))),
  served(
    'REQ_ACCOUNT_DATA',
    data(['updateAccountValue', 'updatePortfolio', 'updateAccountTime'], 'accountDownloadEnd'),
  ),
  served('REQ_EXECUTIONS', possiblyEmpty(keyedData(['execDetails', 'commissionReport'], 'execDetailsEnd'))),
  served('REQ_IDS', data(['nextValidId'])),
  served('REQ_CONTRACT_DATA', keyedData(['contractDetails'], 'contractDetailsEnd')),
  served('REQ_MKT_DEPTH', keyedData(['updateMktDepth'])),
  served('CANCEL_MKT_DEPTH', SILENT),
  served('REQ_NEWS_BULLETINS', data(['updateNewsBulletin']), 'after a bulletin was posted (fault API)'),
  served('CANCEL_NEWS_BULLETINS', SILENT),
  served('SET_SERVER_LOGLEVEL', SILENT),
  served('REQ_AUTO_OPEN_ORDERS', error(327), 'from a client id other than 0'),
  served('REQ_ALL_OPEN_ORDERS', possiblyEmpty(data(['openOrder', 'orderStatus'], 'openOrderEnd'))),
  served('REQ_MANAGED_ACCTS', data(['managedAccounts'])),
  refused('REQ_FA', VALIDATION, 'FA data operations ignored for non FA customers'),
  refused('REPLACE_FA', VALIDATION, 'FA data operations ignored for non FA customers'),
  served('REQ_HISTORICAL_DATA', keyedData(['historicalData'], 'historicalDataEnd')),
  served('EXERCISE_OPTIONS', error(VALIDATION), 'a stock, which cannot be exercised'),
  served('REQ_SCANNER_SUBSCRIPTION', keyedData(['scannerData'], 'scannerDataEnd')),
  served('CANCEL_SCANNER_SUBSCRIPTION', SILENT),
  served('REQ_SCANNER_PARAMETERS', data(['scannerParameters'])),
  served('CANCEL_HISTORICAL_DATA', SILENT),
  served('REQ_CURRENT_TIME', data(['currentTime'])),
  served('REQ_REAL_TIME_BARS', keyedData(['realtimeBar']), 'the first bar closes within 5 s'),
  served('CANCEL_REAL_TIME_BARS', SILENT),
  served('REQ_FUNDAMENTAL_DATA', error(10358), 'no fundamentals subscription, as most logins now'),
  served('CANCEL_FUNDAMENTAL_DATA', SILENT),
  served('REQ_CALC_IMPLIED_VOLAT', keyedData(['tickOptionComputation'])),
  served('REQ_CALC_OPTION_PRICE', keyedData(['tickOptionComputation'])),
  served('CANCEL_CALC_IMPLIED_VOLAT', SILENT),
  served('CANCEL_CALC_OPTION_PRICE', SILENT),
  served('REQ_GLOBAL_CANCEL', keyedData(['orderStatus']), 'with a resting order: its status Cancelled'),
  served('REQ_MARKET_DATA_TYPE', SILENT, 'the type arrives with the next line (marketDataType)'),
  served('REQ_POSITIONS', data(['position'], 'positionEnd')),
  served('REQ_ACCOUNT_SUMMARY', keyedData(['accountSummary'], 'accountSummaryEnd')),
  served('CANCEL_ACCOUNT_SUMMARY', SILENT),
  served('CANCEL_POSITIONS', SILENT),
  refused('VERIFY_REQUEST', VALIDATION, 'no API verification on this login'),
  refused('VERIFY_MESSAGE', VALIDATION, 'no API verification on this login'),
  refused('QUERY_DISPLAY_GROUPS', VALIDATION),
  refused('SUBSCRIBE_TO_GROUP_EVENTS', VALIDATION),
  refused('UPDATE_DISPLAY_GROUP', VALIDATION),
  refused('UNSUBSCRIBE_FROM_GROUP_EVENTS', VALIDATION),
  served('START_API', data(['managedAccounts'], 'nextValidId'), 'a second client connecting'),
  refused('VERIFY_AND_AUTH_REQUEST', VALIDATION, 'no API verification on this login'),
  refused('VERIFY_AND_AUTH_MESSAGE', VALIDATION, 'no API verification on this login'),
  served('REQ_POSITIONS_MULTI', keyedData(['positionMulti'], 'positionMultiEnd')),
  served('CANCEL_POSITIONS_MULTI', SILENT),
  served('REQ_ACCOUNT_UPDATES_MULTI', keyedData(['accountUpdateMulti'], 'accountUpdateMultiEnd')),
  served('CANCEL_ACCOUNT_UPDATES_MULTI', SILENT),
  served(
    'REQ_SEC_DEF_OPT_PARAMS',
    keyedData(['securityDefinitionOptionParameter'], 'securityDefinitionOptionParameterEnd'),
  ),
  served('REQ_SOFT_DOLLAR_TIERS', keyedData(['softDollarTiers']), 'an empty list'),
  served('REQ_FAMILY_CODES', data(['familyCodes'])),
  served('REQ_MATCHING_SYMBOLS', keyedData(['symbolSamples'])),
  served('REQ_MKT_DEPTH_EXCHANGES', data(['mktDepthExchanges'])),
  served('REQ_SMART_COMPONENTS', keyedData(['smartComponents'])),
  refused('REQ_NEWS_ARTICLE', NEWS_NOT_ALLOWED),
  served('REQ_NEWS_PROVIDERS', data(['newsProviders']), 'an empty list'),
  refused('REQ_HISTORICAL_NEWS', NEWS_NOT_ALLOWED),
  served('REQ_HEAD_TIMESTAMP', keyedData(['headTimestamp'])),
  refused('REQ_HISTOGRAM_DATA', VALIDATION),
  { name: 'CANCEL_HISTOGRAM_DATA', served: false, answer: SILENT, probe: 'nothing runs to cancel' },
  served('CANCEL_HEAD_TIMESTAMP', SILENT),
  served('REQ_MARKET_RULE', data(['marketRule'])),
  served('REQ_PNL', keyedData(['pnl'])),
  served('CANCEL_PNL', SILENT),
  served('REQ_PNL_SINGLE', keyedData(['pnlSingle'])),
  served('CANCEL_PNL_SINGLE', SILENT),
  served('REQ_HISTORICAL_TICKS', keyedData(['historicalTicksLast'])),
  served('REQ_TICK_BY_TICK_DATA', keyedData(['historicalTicksLast', 'tickByTickAllLast']), 'with 5 ticks of history'),
  served('CANCEL_TICK_BY_TICK_DATA', SILENT),
  {
    ...served('REQ_COMPLETED_ORDERS', data(['completedOrder'], 'completedOrdersEnd')),
    clientDivergence: {
      below: FA_PROFILE_DESUPPORT,
      complaint: 'Underrun error on COMPLETED_ORDER',
      why: "IBKR's EOrderDecoder reads the deprecated faProfile field below FA_PROFILE_DESUPPORT (177); @stoqey/ib gates it on the message version, which is unbounded for completed orders, so it never reads it",
    },
  },
  { ...refused('REQ_WSH_META_DATA', NEWS_NOT_ALLOWED), since: WSHE_CALENDAR },
  { name: 'CANCEL_WSH_META_DATA', served: false, answer: SILENT, since: WSHE_CALENDAR },
  { ...refused('REQ_WSH_EVENT_DATA', NEWS_NOT_ALLOWED), since: WSHE_CALENDAR },
  { name: 'CANCEL_WSH_EVENT_DATA', served: false, answer: SILENT, since: WSHE_CALENDAR },
  { ...served('REQ_USER_INFO', keyedData(['userInfo']), 'no white branding'), since: USER_INFO },
];

/** Every client request id, in id order, with what the simulator answers. */
export const REQUEST_TABLE: readonly (RequestRow & { id: number })[] = ROWS.map((row) => ({
  ...row,
  id: ClientMsgId[row.name],
}));
