import type { WireContract } from './messages';

/**
 * The order desk's wire vocabulary: placing, cancelling and listing orders, and reporting their executions
 * (joined into ClientRequest and ServerMessage in messages.ts).
 */

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

/** Order requests: place, cancel, list open and completed orders, executions. */
export type OrderRequest =
  | { type: 'placeOrder'; orderId: number; contract: WireContract; order: WireOrder }
  | { type: 'cancelOrder'; orderId: number; manualOrderCancelTime: string }
  | { type: 'reqGlobalCancel' }
  | { type: 'reqOpenOrders' }
  | { type: 'reqAllOpenOrders' }
  | { type: 'reqAutoOpenOrders'; autoBind: boolean }
  | { type: 'reqCompletedOrders'; apiOnly: boolean }
  | { type: 'reqExecutions'; reqId: number; filter: WireExecutionFilter };

/** Order messages: open and completed orders, their status, executions and commissions. */
export type OrderMessage =
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
    };
