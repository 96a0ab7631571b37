import {
  marketRuleIdOf,
  type Execution,
  type Instrument,
  type SimOrder,
  type SimOrderRequest,
  type WhatIfResult,
} from '../world';
import {
  emptyContract,
  type WireContract,
  type WireContractDetails,
  type WireExecution,
  type WireOrder,
  type WireOrderState,
} from '../wire/messages';
import { OPTION_EXCHANGES } from '../world/option-chain';
import { type AccountIds } from './account-ids';
import { requestedLegs, wireComboFields } from './combo-wire';

/** Translations between the world's domain types and the wire's, in one place so every handler agrees. */

export function wireContract(instrument: Instrument): WireContract {
  return {
    ...emptyContract(),
    conId: instrument.conId,
    symbol: instrument.symbol,
    secType: instrument.secType,
    lastTradeDateOrContractMonth: instrument.lastTradeDate,
    strike: instrument.strike,
    right: instrument.right,
    multiplier: instrument.secType === 'OPT' || instrument.secType === 'FUT' ? String(instrument.multiplier) : '',
    exchange: instrument.exchange,
    primaryExchange: instrument.primaryExchange,
    currency: instrument.currency,
    localSymbol: instrument.localSymbol,
    tradingClass: instrument.tradingClass,
  };
}

const ORDER_TYPES_BY_SEC_TYPE: Record<Instrument['secType'], string> = {
  STK: 'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,DEACTDIS,GTC,GTD,GTT,HID,IOC,LIT,LMT,MIT,MKT,MOC,MTL,NONALGO,OCA,OPG,OPGREROUT,POSTATS,RELSTK,SCALE,SNAPMID,STP,STPLMT,TRAIL,TRAILLMT,WHATIF',
  OPT: 'ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GTC,GTD,GTT,IOC,LIT,LMT,MIT,MKT,OCA,STP,STPLMT,TRAIL,WHATIF',
  FUT: 'ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GTC,GTD,GTT,IOC,LIT,LMT,MIT,MKT,OCA,STP,STPLMT,TRAIL,WHATIF',
  CASH: 'ACTIVETIM,AD,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GTC,GTD,GTT,IOC,LMT,MKT,OCA,STP,STPLMT,TRAIL,WHATIF',
};

/** Where a contract may be routed: SMART and its listing venue; an option, every venue of its chain. */
function validExchanges(instrument: Instrument): string {
  if (instrument.secType === 'OPT') return OPTION_EXCHANGES.join(',');
  return instrument.exchange === 'SMART' ? `SMART,${instrument.primaryExchange}` : instrument.exchange;
}

const TIME_ZONES: Record<string, string> = { USD: 'US/Eastern', EUR: 'MET' };

export function wireContractDetails(instrument: Instrument, under: Instrument | undefined): WireContractDetails {
  const derivative = instrument.secType === 'OPT' || instrument.secType === 'FUT';
  const exchanges = validExchanges(instrument);
  return {
    contract: wireContract(instrument),
    marketName: instrument.tradingClass,
    minTick: instrument.minTick,
    orderTypes: ORDER_TYPES_BY_SEC_TYPE[instrument.secType],
    validExchanges: exchanges,
    priceMagnifier: 1,
    underConId: instrument.underConId,
    longName: instrument.longName,
    contractMonth: derivative ? instrument.lastTradeDate.slice(0, 6) : '',
    industry: instrument.industry,
    category: instrument.category,
    subcategory: '',
    timeZoneId: TIME_ZONES[instrument.currency] ?? 'US/Eastern',
    tradingHours: '',
    liquidHours: '',
    stockType: instrument.stockType,
    minSize: 1,
    sizeIncrement: 1,
    suggestedSizeIncrement: instrument.secType === 'STK' ? 100 : 1,
    realExpirationDate: derivative ? instrument.lastTradeDate : '',
    lastTradeTime: derivative ? '16:00:00' : '',
    underSymbol: under?.symbol ?? '',
    underSecType: under?.secType ?? '',
    // One rule per valid exchange, in the same order, as IBKR lists them.
    marketRuleIds: exchanges
      .split(',')
      .map(() => marketRuleIdOf(instrument))
      .join(','),
  };
}

/** What a client sent, as the world's order request. Validation of values the world cannot express happens before. */
export function simOrderRequest(
  orderId: number,
  clientId: number,
  account: string,
  contract: WireContract,
  order: WireOrder,
): SimOrderRequest {
  return {
    orderId,
    clientId,
    account,
    contract: contractQuery(contract),
    action: order.action as SimOrderRequest['action'],
    totalQuantity: order.totalQuantity,
    orderType: order.orderType as SimOrderRequest['orderType'],
    lmtPrice: order.lmtPrice,
    auxPrice: order.auxPrice,
    tif: order.tif as SimOrderRequest['tif'],
    outsideRth: order.outsideRth,
    whatIf: order.whatIf,
    orderRef: order.orderRef,
    transmit: order.transmit,
    parentId: order.parentId,
    ocaGroup: order.ocaGroup,
    ocaType: order.ocaType,
    trailStopPrice: order.trailStopPrice,
    trailingPercent: order.trailingPercent,
    lmtPriceOffset: order.lmtPriceOffset,
    algoStrategy: order.algoStrategy,
    algoParams: order.algoParams,
    comboLegs: requestedLegs(contract, order),
    orderComboLegPrices: order.orderComboLegPrices,
    smartComboRoutingParams: order.smartComboRoutingParams,
  };
}

/** A wire contract as a lookup: empty strings and zeros are wildcards, as the gateway treats them. */
export function contractQuery(contract: WireContract): SimOrderRequest['contract'] {
  const query: SimOrderRequest['contract'] = {};
  if (contract.conId) query.conId = contract.conId;
  if (contract.symbol) query.symbol = contract.symbol.toUpperCase();
  if (contract.secType) query.secType = contract.secType.toUpperCase();
  if (contract.exchange && contract.exchange !== 'SMART') query.exchange = contract.exchange.toUpperCase();
  if (contract.currency) query.currency = contract.currency.toUpperCase();
  if (contract.lastTradeDateOrContractMonth) query.lastTradeDate = contract.lastTradeDateOrContractMonth;
  if (contract.strike) query.strike = contract.strike;
  if (contract.right) query.right = normalizeRight(contract.right);
  if (contract.localSymbol) query.localSymbol = contract.localSymbol;
  return query;
}

function normalizeRight(right: string): string {
  const upper = right.toUpperCase();
  if (upper === 'CALL') return 'C';
  if (upper === 'PUT') return 'P';
  return upper;
}

export function wireOrder(order: SimOrder, ids: AccountIds): WireOrder {
  const { request } = order;
  return {
    orderId: request.orderId,
    clientId: request.clientId,
    permId: order.permId,
    action: request.action,
    totalQuantity: request.totalQuantity,
    orderType: request.orderType,
    lmtPrice: request.lmtPrice,
    auxPrice: request.auxPrice,
    tif: request.tif,
    ocaGroup: request.ocaGroup ?? '',
    account: ids.toWire(request.account),
    openClose: '',
    origin: 0,
    orderRef: request.orderRef ?? '',
    transmit: request.transmit,
    parentId: request.parentId ?? 0,
    outsideRth: request.outsideRth,
    whatIf: request.whatIf,
    ocaType: request.ocaType ?? 0,
    // A trailing order's stop as it stands now: IBKR's openOrder reports the moved stop, not the initial one.
    trailStopPrice: order.trailStopPrice,
    trailingPercent: request.trailingPercent,
    lmtPriceOffset: request.lmtPriceOffset,
    algoStrategy: request.algoStrategy ?? '',
    algoParams: request.algoParams?.map((param) => ({ ...param })) ?? [],
    cashQty: undefined,
    goodTillDate: '',
    ...wireComboFields(request),
  };
}

const BLANK_STATE: WireOrderState = {
  status: '',
  initMarginBefore: '',
  maintMarginBefore: '',
  equityWithLoanBefore: '',
  initMarginChange: '',
  maintMarginChange: '',
  equityWithLoanChange: '',
  initMarginAfter: '',
  maintMarginAfter: '',
  equityWithLoanAfter: '',
  commission: undefined,
  minCommission: undefined,
  maxCommission: undefined,
  commissionCurrency: '',
  warningText: '',
  completedTime: '',
  completedStatus: '',
};

export function wireOrderState(order: SimOrder, completedTime = ''): WireOrderState {
  return {
    ...BLANK_STATE,
    status: order.status,
    completedTime,
    completedStatus: completedTime ? order.status : '',
  };
}

/** The what-if answer rides in an openOrder's state: IBKR sends the margin figures as decimal strings. */
export function whatIfOrderState(result: WhatIfResult): WireOrderState {
  const figure = (value: number) => value.toFixed(2);
  return {
    ...BLANK_STATE,
    status: 'PreSubmitted',
    initMarginBefore: figure(result.initMarginBefore),
    maintMarginBefore: figure(result.maintMarginBefore),
    equityWithLoanBefore: figure(result.equityWithLoanBefore),
    initMarginChange: figure(result.initMarginChange),
    maintMarginChange: figure(result.maintMarginChange),
    equityWithLoanChange: figure(result.equityWithLoanChange),
    initMarginAfter: figure(result.initMarginAfter),
    maintMarginAfter: figure(result.maintMarginAfter),
    equityWithLoanAfter: figure(result.equityWithLoanAfter),
    commission: result.commission,
    minCommission: result.minCommission,
    maxCommission: result.maxCommission,
    commissionCurrency: result.commissionCurrency,
    warningText: result.warningText,
  };
}

export function wireExecution(execution: Execution, ids: AccountIds, timeZone: string): WireExecution {
  return {
    orderId: execution.orderId,
    execId: execution.execId,
    time: `${gatewayTime(execution.time)} ${timeZone}`,
    acctNumber: ids.toWire(execution.account),
    exchange: execution.exchange,
    side: execution.side,
    shares: execution.shares,
    price: execution.price,
    permId: execution.permId,
    clientId: execution.clientId,
    liquidation: 0,
    cumQty: execution.cumQty,
    avgPrice: execution.avgPrice,
    orderRef: execution.orderRef,
    evRule: '',
    evMultiplier: undefined,
    modelCode: '',
    lastLiquidity: 2,
    pendingPriceRevision: false,
  };
}

/** 'YYYYMMDD HH:MM:SS' in UTC: the simulator's gateway runs on UTC, and says so in the zone it appends. */
export function gatewayTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
}
