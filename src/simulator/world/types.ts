/**
 * The simulator's domain model: what the simulated IBKR back office knows, with no wire format in it.
 * The wire layer (src/simulator/wire) encodes these into TWS messages; the world never sees bytes.
 */

export type SecType = 'STK' | 'OPT' | 'FUT' | 'CASH';
export type Right = 'C' | 'P';
export type AccountKind = 'IRA' | 'INDIVIDUAL' | 'CORPORATION';

export interface Instrument {
  conId: number;
  symbol: string;
  secType: SecType;
  /** Routing exchange as a client sends it (SMART for stocks, the venue for futures, IDEALPRO for FX). */
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
  /** 1 for stocks and FX, 100 for equity options, the contract multiplier for futures. */
  multiplier: number;
  /** YYYYMMDD for options and futures, '' otherwise. */
  lastTradeDate: string;
  strike: number;
  right: Right | '';
  longName: string;
  /** IBKR's contract-details stockType: 'COMMON', 'ETF', 'MLP', 'ADR', … ('' for non-stocks). */
  stockType: string;
  industry: string;
  category: string;
  minTick: number;
  /** Shares available to borrow (generic tick 236); 0 means not shortable. */
  shortableShares: number;
  /** For options: the underlying's conId. */
  underConId: number;
  /**
   * Initial / maintenance margin per contract in the instrument currency, for futures, whose margin the
   * exchange fixes. 0 for stocks and options: their margin is a share of the live price (see margin.ts).
   */
  initMarginPerUnit: number;
  maintMarginPerUnit: number;
}

/** What a client may send to identify a contract; absent fields are wildcards. */
export interface ContractQuery {
  conId?: number;
  symbol?: string;
  secType?: string;
  exchange?: string;
  currency?: string;
  lastTradeDate?: string;
  strike?: number;
  right?: string;
  localSymbol?: string;
}

export interface Quote {
  bid: number;
  ask: number;
  last: number;
  bidSize: number;
  askSize: number;
  lastSize: number;
  volume: number;
  open: number;
  high: number;
  low: number;
  /** Previous session's close. */
  close: number;
}

export type QuoteField = keyof Quote;

/** One change of one instrument's quote, as produced by the price walk. */
export interface QuoteTick {
  conId: number;
  fields: Partial<Quote>;
}

export interface Bar {
  /** Bar start, epoch seconds. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  wap: number;
  count: number;
}

export interface AccountInfo {
  id: string;
  kind: AccountKind;
  /** Human label, e.g. "Roth IRA". */
  name: string;
  baseCurrency: 'USD';
}

export interface CashBalance {
  currency: string;
  /** Total cash, settled + unsettled. */
  total: number;
  settled: number;
}

export interface Position {
  account: string;
  conId: number;
  quantity: number;
  /** Average cost per unit including the multiplier, as IBKR reports it. */
  avgCost: number;
  marketPrice: number;
  marketValue: number;
  unrealizedPnl: number;
  realizedPnl: number;
}

/** Account summary: tag -> value in the account's base currency (USD). */
export interface AccountSummary {
  AccountType: string;
  NetLiquidation: number;
  TotalCashValue: number;
  SettledCash: number;
  BuyingPower: number;
  AvailableFunds: number;
  ExcessLiquidity: number;
  InitMarginReq: number;
  MaintMarginReq: number;
  GrossPositionValue: number;
  EquityWithLoanValue: number;
}

export interface PnL {
  daily: number;
  unrealized: number;
  realized: number;
}

export interface PnLSingle extends PnL {
  position: number;
  value: number;
}

export type OrderAction = 'BUY' | 'SELL';
export type OrderType = 'MKT' | 'LMT' | 'STP' | 'STP LMT' | 'TRAIL' | 'TRAIL LIMIT';
export type TimeInForce = 'DAY' | 'GTC';

/** An order as the client placed it (already decoded from the wire). */
export interface SimOrderRequest {
  orderId: number;
  clientId: number;
  account: string;
  contract: ContractQuery;
  action: OrderAction;
  totalQuantity: number;
  orderType: OrderType;
  lmtPrice?: number;
  auxPrice?: number;
  tif: TimeInForce;
  outsideRth: boolean;
  whatIf: boolean;
  orderRef?: string;
  /** False: held at the gateway until an order of its bracket arrives with true (see order-groups.ts). */
  transmit: boolean;
  /** The order this one is attached to (a bracket's entry); 0 or absent for none. */
  parentId?: number;
  /** One-cancels-all group, per account; '' or absent for none. */
  ocaGroup?: string;
  /** IBKR's ocaType: 1 cancel the rest with block, 2 reduce with block, 3 reduce without block. */
  ocaType?: number;
  /** TRAIL / TRAIL LIMIT: the initial stop; the trailing amount is auxPrice, or else trailingPercent. */
  trailStopPrice?: number;
  trailingPercent?: number;
  /** TRAIL LIMIT: the limit sits this far beyond the stop once it triggers (IBKR's lmtPriceOffset). */
  lmtPriceOffset?: number;
  /** IBKR algo, e.g. 'Adaptive' with adaptivePriority Patient / Normal / Urgent. */
  algoStrategy?: string;
  algoParams?: readonly AlgoParam[];
  /** A combo (BAG) order's legs; the order's price is the net of one unit of them (positive debit, negative credit). */
  comboLegs?: readonly ComboLeg[];
  /** As placed, echoed in openOrder: per-leg limits (undefined: none) and smart-combo routing parameters. */
  orderComboLegPrices?: readonly (number | undefined)[];
  smartComboRoutingParams?: readonly AlgoParam[];
}

/** One leg of a combo: its action is for one unit of the combo bought; selling the combo reverses it. */
export interface ComboLeg {
  conId: number;
  ratio: number;
  action: OrderAction;
  exchange: string;
}

/** One leg's share of a combo fill: its own contract, execution and commission. */
export interface ComboLegFill {
  instrument: Instrument;
  execution: Execution;
  commission: CommissionReport;
}

export interface AlgoParam {
  tag: string;
  value: string;
}

export type OrderStatusName =
  'PendingSubmit' | 'PreSubmitted' | 'Submitted' | 'Filled' | 'Cancelled' | 'Inactive' | 'ApiCancelled';

export interface SimOrder {
  request: SimOrderRequest;
  instrument: Instrument;
  permId: number;
  status: OrderStatusName;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  lastFillPrice: number;
  /** A trailing order's stop as it stands now, moved by the market since placement. */
  trailStopPrice?: number;
}

export interface Execution {
  execId: string;
  orderId: number;
  clientId: number;
  permId: number;
  account: string;
  conId: number;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  cumQty: number;
  avgPrice: number;
  /** Epoch milliseconds. */
  time: number;
  exchange: string;
  orderRef: string;
}

export interface CommissionReport {
  execId: string;
  commission: number;
  currency: string;
  realizedPnl: number;
}

/** IBKR's what-if answer: margin and commission figures, as strings of numbers in the order state. */
export interface WhatIfResult {
  initMarginBefore: number;
  maintMarginBefore: number;
  equityWithLoanBefore: number;
  initMarginChange: number;
  maintMarginChange: number;
  equityWithLoanChange: number;
  initMarginAfter: number;
  maintMarginAfter: number;
  equityWithLoanAfter: number;
  commission: number;
  minCommission: number;
  maxCommission: number;
  commissionCurrency: string;
  warningText: string;
}

/** An IBKR error as the gateway would send it: code and message in its wording style. */
export interface SimRejection {
  code: number;
  message: string;
}

export type PlaceResult = { ok: true; order: SimOrder } | { ok: false; rejection: SimRejection };

/** Everything the world tells its listeners about orders as they move. */
export type WorldEvent =
  | { type: 'orderStatus'; order: SimOrder }
  | { type: 'execution'; execution: Execution; commission: CommissionReport; order: SimOrder }
  /** A combo filled: every leg at once, each with its execution, and the combo's own execution at the net price. */
  | { type: 'comboExecution'; order: SimOrder; legs: ComboLegFill[]; combo: Execution }
  | { type: 'orderRejected'; orderId: number; rejection: SimRejection }
  /** Something the gateway tells the order's owner unasked, e.g. error 202 for a child cancelled with its parent. */
  | { type: 'orderNotice'; order: SimOrder; notice: SimRejection };

export type HistoricalWhatToShow = 'TRADES' | 'MIDPOINT' | 'BID' | 'ASK';
