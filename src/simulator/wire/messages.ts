import type { StartupMessage, StartupRequest } from './messages-startup';
import { type OptionMessage, type OptionRequest } from './messages-options';

/**
 * The simulator's wire vocabulary: every client request it decodes and every message it sends, as typed
 * values with no bytes in them. `incoming.ts` turns frames into ClientRequest, `outgoing.ts` turns
 * ServerMessage into fields for a negotiated server version, and the server in between speaks only these.
 */

import type { DepthMessage, DepthRequest } from './messages-depth';
import type { OrderMessage, OrderRequest } from './messages-order';
import type { RealtimeMessage, RealtimeRequest } from './messages-realtime';
import type { ScannerMessage, ScannerRequest } from './messages-scanner';

// The order shapes predate their own file; their many importers still find them here.
export type {
  WireComboLeg,
  WireExecution,
  WireExecutionFilter,
  WireOrder,
  WireOrderState,
  WireTagValue,
} from './messages-order';

/** Server versions the simulator speaks; a client whose range does not reach MIN is refused. */
export const MIN_SERVER_VERSION = 157;
export const MAX_SERVER_VERSION = 193;

/** A contract as it travels on the wire (client → server and back). Strings are '' when absent. */
export interface WireContract {
  conId: number;
  symbol: string;
  secType: string;
  /** YYYYMMDD or YYYYMM; '' for stocks and FX. */
  lastTradeDateOrContractMonth: string;
  strike: number;
  /** 'C', 'P' or ''. */
  right: string;
  /** '' or the multiplier as a decimal string, e.g. '100'. */
  multiplier: string;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
  includeExpired: boolean;
  secIdType: string;
  secId: string;
  issuerId: string;
  description: string;
}

export interface WireContractDetails {
  contract: WireContract;
  marketName: string;
  minTick: number;
  orderTypes: string;
  validExchanges: string;
  priceMagnifier: number;
  underConId: number;
  longName: string;
  contractMonth: string;
  industry: string;
  category: string;
  subcategory: string;
  timeZoneId: string;
  tradingHours: string;
  liquidHours: string;
  /** e.g. 'COMMON', 'ETF', 'MLP'. */
  stockType: string;
  minSize: number;
  sizeIncrement: number;
  suggestedSizeIncrement: number;
  /** YYYYMMDD for derivatives, '' otherwise. */
  realExpirationDate: string;
  lastTradeTime: string;
  underSymbol: string;
  underSecType: string;
  marketRuleIds: string;
}

export interface WireBar {
  /** As the client asked: formatDate 1 → 'YYYYMMDD' for daily bars or 'YYYYMMDD HH:MM:SS' otherwise; 2 → epoch seconds. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  wap: number;
  count: number;
}

/** Every client request the simulator understands. Anything else decodes to `unsupported`. */
export type ClientRequest =
  | OptionRequest
  | { type: 'startApi'; clientId: number; optionalCapabilities: string }
  | { type: 'reqIds'; numIds: number }
  | { type: 'reqCurrentTime' }
  | { type: 'reqManagedAccts' }
  | { type: 'reqAccountSummary'; reqId: number; group: string; tags: string }
  | { type: 'cancelAccountSummary'; reqId: number }
  | { type: 'reqPositions' }
  | { type: 'cancelPositions' }
  | { type: 'reqPositionsMulti'; reqId: number; account: string; modelCode: string }
  | { type: 'cancelPositionsMulti'; reqId: number }
  | { type: 'reqAccountUpdates'; subscribe: boolean; account: string }
  | { type: 'reqPnL'; reqId: number; account: string; modelCode: string }
  | { type: 'cancelPnL'; reqId: number }
  | { type: 'reqPnLSingle'; reqId: number; account: string; modelCode: string; conId: number }
  | { type: 'cancelPnLSingle'; reqId: number }
  | { type: 'reqMarketDataType'; marketDataType: number }
  | {
      type: 'reqMktData';
      reqId: number;
      contract: WireContract;
      genericTickList: string;
      snapshot: boolean;
      regulatorySnapshot: boolean;
    }
  | { type: 'cancelMktData'; reqId: number }
  | {
      type: 'reqHistoricalData';
      reqId: number;
      contract: WireContract;
      endDateTime: string;
      barSizeSetting: string;
      durationStr: string;
      useRTH: boolean;
      whatToShow: string;
      formatDate: number;
      keepUpToDate: boolean;
    }
  | { type: 'cancelHistoricalData'; reqId: number }
  | { type: 'reqContractDetails'; reqId: number; contract: WireContract }
  | { type: 'reqMatchingSymbols'; reqId: number; pattern: string }
  | OrderRequest
  | StartupRequest
  | RealtimeRequest
  | DepthRequest
  | ScannerRequest
  /** A well-formed request of a kind the simulator does not serve: answered with an error, never a crash. */
  | { type: 'unsupported'; msgId: number; reqId: number };

export type ClientRequestType = ClientRequest['type'];

export interface TickAttribs {
  canAutoExecute: boolean;
  pastLimit: boolean;
  preOpen: boolean;
}

/** Every message the simulator sends after the handshake. */
export type ServerMessage =
  | OptionMessage
  | { type: 'nextValidId'; orderId: number }
  | { type: 'managedAccounts'; accounts: string[] }
  /** Epoch seconds. */
  | { type: 'currentTime'; time: number }
  /** reqId / order id, or -1 for a message about the connection. errorTime (epoch ms) is sent where the version has it. */
  | { type: 'error'; reqId: number; code: number; message: string; advancedOrderRejectJson: string; errorTime: number }
  | { type: 'accountSummary'; reqId: number; account: string; tag: string; value: string; currency: string }
  | { type: 'accountSummaryEnd'; reqId: number }
  | { type: 'position'; account: string; contract: WireContract; position: number; avgCost: number }
  | { type: 'positionEnd' }
  | {
      type: 'positionMulti';
      reqId: number;
      account: string;
      modelCode: string;
      contract: WireContract;
      position: number;
      avgCost: number;
    }
  | { type: 'positionMultiEnd'; reqId: number }
  | { type: 'accountValue'; key: string; value: string; currency: string; account: string }
  | {
      type: 'portfolioValue';
      contract: WireContract;
      position: number;
      marketPrice: number;
      marketValue: number;
      averageCost: number;
      unrealizedPnl: number;
      realizedPnl: number;
      account: string;
    }
  /** 'HH:MM'. */
  | { type: 'accountUpdateTime'; time: string }
  | { type: 'accountDownloadEnd'; account: string }
  | { type: 'pnl'; reqId: number; daily: number; unrealized: number; realized: number }
  | {
      type: 'pnlSingle';
      reqId: number;
      position: number;
      daily: number;
      unrealized: number;
      realized: number;
      value: number;
    }
  /** 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  | { type: 'marketDataType'; reqId: number; marketDataType: number }
  | { type: 'tickReqParams'; reqId: number; minTick: number; bboExchange: string; snapshotPermissions: number }
  | {
      type: 'tickPrice';
      reqId: number;
      tickType: number;
      price: number;
      size: number | undefined;
      attribs: TickAttribs;
    }
  | { type: 'tickSize'; reqId: number; tickType: number; size: number }
  | { type: 'tickGeneric'; reqId: number; tickType: number; value: number }
  | { type: 'tickString'; reqId: number; tickType: number; value: string }
  | { type: 'tickSnapshotEnd'; reqId: number }
  | { type: 'historicalData'; reqId: number; startDate: string; endDate: string; bars: WireBar[] }
  | { type: 'historicalDataUpdate'; reqId: number; bar: WireBar }
  | { type: 'contractData'; reqId: number; details: WireContractDetails }
  | { type: 'contractDataEnd'; reqId: number }
  | {
      type: 'symbolSamples';
      reqId: number;
      samples: { contract: WireContract; derivativeSecTypes: string[] }[];
    }
  | OrderMessage
  | StartupMessage
  | RealtimeMessage
  | DepthMessage
  | ScannerMessage;

export type ServerMessageType = ServerMessage['type'];

/** A field as written to the wire: numbers and booleans are formatted by the frame encoder. */
export type WireField = string | number | boolean | undefined;

/** A frame or request the simulator cannot read. `reqId` is the request it belongs to when known. */
export class WireError extends Error {
  constructor(
    message: string,
    readonly msgId: number | undefined = undefined,
    readonly reqId: number | undefined = undefined,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

export function emptyContract(): WireContract {
  return {
    conId: 0,
    symbol: '',
    secType: '',
    lastTradeDateOrContractMonth: '',
    strike: 0,
    right: '',
    multiplier: '',
    exchange: '',
    primaryExchange: '',
    currency: '',
    localSymbol: '',
    tradingClass: '',
    includeExpired: false,
    secIdType: '',
    secId: '',
    issuerId: '',
    description: '',
  };
}
