import type { StartupMessage, StartupRequest } from './messages-startup';
import { type OptionMessage, type OptionRequest } from './messages-options';

/**
 * The simulator's wire vocabulary: every client request it decodes and every message it sends, as typed
 * values with no bytes in them. `incoming.ts` turns frames into ClientRequest, `outgoing.ts` turns
 * ServerMessage into fields for a negotiated server version, and the server in between speaks only these.
 */

import type { DepthMessage, DepthRequest } from './messages-depth';
import type { RealtimeMessage, RealtimeRequest } from './messages-realtime';
import type { ScannerMessage, ScannerRequest } from './messages-scanner';

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

/** The order fields Gatehouse and ordinary clients use; the codec reads and writes every other field as its default. */
export interface WireTagValue {
  tag: string;
  value: string;
}

export interface WireOrder {
  orderId: number;
  clientId: number;
  permId: number;
  action: string;
  totalQuantity: number;
  orderType: string;
  /** undefined: unset (IBKR's Double.MAX_VALUE / empty). */
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  ocaGroup: string;
  account: string;
  openClose: string;
  origin: number;
  orderRef: string;
  transmit: boolean;
  parentId: number;
  outsideRth: boolean;
  whatIf: boolean;
  /** IBKR's ocaType (0 when the client left it unset). */
  ocaType: number;
  trailStopPrice: number | undefined;
  trailingPercent: number | undefined;
  /** TRAIL LIMIT: how far beyond the stop the limit sits. */
  lmtPriceOffset: number | undefined;
  /** '' for none; the params follow on the wire only when a strategy is named. */
  algoStrategy: string;
  algoParams: WireTagValue[];
  cashQty: number | undefined;
  goodTillDate: string;
  /**
   * Combo (BAG) orders only, empty otherwise. IBKR keeps the legs on the contract, but on the wire they ride
   * inside the order's walk (PLACE_ORDER and OPEN_ORDER alike), so they travel here with the order's fields.
   */
  comboLegs: WireComboLeg[];
  /** Per-leg limit prices (ORDER_COMBO_LEGS_PRICE); undefined entries are unset. */
  orderComboLegPrices: (number | undefined)[];
  smartComboRoutingParams: WireTagValue[];
}

/** One leg of a combo, in the full form of PLACE_ORDER and OPEN_ORDER. */
export interface WireComboLeg {
  conId: number;
  ratio: number;
  action: string;
  exchange: string;
  /** 0 same as the parent, 1 open, 2 close, 3 unknown. */
  openClose: number;
  shortSaleSlot: number;
  designatedLocation: string;
  /** -1 when not set. */
  exemptCode: number;
}

/** The order state of an openOrder / completedOrder message. Margin figures are strings as IBKR sends them. */
export interface WireOrderState {
  status: string;
  initMarginBefore: string;
  maintMarginBefore: string;
  equityWithLoanBefore: string;
  initMarginChange: string;
  maintMarginChange: string;
  equityWithLoanChange: string;
  initMarginAfter: string;
  maintMarginAfter: string;
  equityWithLoanAfter: string;
  /** undefined: unset. */
  commission: number | undefined;
  minCommission: number | undefined;
  maxCommission: number | undefined;
  commissionCurrency: string;
  warningText: string;
  /** completedOrder only: 'YYYYMMDD HH:MM:SS timezone'. */
  completedTime: string;
  completedStatus: string;
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

export interface WireExecution {
  orderId: number;
  execId: string;
  /** 'YYYYMMDD HH:MM:SS timezone', as the gateway formats it. */
  time: string;
  acctNumber: string;
  exchange: string;
  /** 'BOT' or 'SLD'. */
  side: string;
  shares: number;
  price: number;
  permId: number;
  clientId: number;
  liquidation: number;
  cumQty: number;
  avgPrice: number;
  orderRef: string;
  evRule: string;
  evMultiplier: number | undefined;
  modelCode: string;
  /** 1 added, 2 removed, 3 routed out. */
  lastLiquidity: number;
  pendingPriceRevision: boolean;
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

export interface WireExecutionFilter {
  clientId: number;
  acctCode: string;
  /** 'YYYYMMDD HH:MM:SS' (optionally with a timezone) or ''. */
  time: string;
  symbol: string;
  secType: string;
  exchange: string;
  side: string;
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
  | { type: 'placeOrder'; orderId: number; contract: WireContract; order: WireOrder }
  | { type: 'cancelOrder'; orderId: number; manualOrderCancelTime: string }
  | { type: 'reqGlobalCancel' }
  | { type: 'reqOpenOrders' }
  | { type: 'reqAllOpenOrders' }
  | { type: 'reqAutoOpenOrders'; autoBind: boolean }
  | { type: 'reqCompletedOrders'; apiOnly: boolean }
  | { type: 'reqExecutions'; reqId: number; filter: WireExecutionFilter }
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
  | { type: 'openOrder'; contract: WireContract; order: WireOrder; orderState: WireOrderState }
  | { type: 'openOrderEnd' }
  | {
      type: 'orderStatus';
      orderId: number;
      status: string;
      filled: number;
      remaining: number;
      avgFillPrice: number;
      permId: number;
      parentId: number;
      lastFillPrice: number;
      clientId: number;
      whyHeld: string;
      mktCapPrice: number;
    }
  | {
      type: 'completedOrder';
      contract: WireContract;
      order: WireOrder;
      orderState: WireOrderState;
      /** Shares filled before the order completed; absent: the whole order if its status is 'Filled', else 0. */
      filledQuantity?: number;
    }
  | { type: 'completedOrdersEnd' }
  | { type: 'execDetails'; reqId: number; contract: WireContract; execution: WireExecution }
  | { type: 'execDetailsEnd'; reqId: number }
  | {
      type: 'commissionReport';
      execId: string;
      commission: number;
      currency: string;
      /** undefined: unset (an opening fill has no realized P&L). */
      realizedPnl: number | undefined;
    }
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
