import {
  MAX_SERVER_VERSION,
  MIN_SERVER_VERSION,
  type ServerMessage,
  type WireBar,
  type WireContract,
  type WireExecution,
  type WireField,
} from './messages';
import { encodeAccountMessage } from './outgoing-account';
import { contractFields, escapeNonAscii, Gate, maxDouble, OutMsgId, UNSET_DOUBLE, V1 } from './outgoing-common';
import { encodeContractData, encodeSymbolSamples } from './outgoing-contract';
import { encodeOptionMessage } from './outgoing-options';
import { encodeCompletedOrder, encodeOpenOrder } from './outgoing-order';
import { encodeStartupMessage } from './outgoing-startup';
import { isStartupMessage } from './messages-startup';
import { encodeDepthMessage } from './outgoing-depth';
import { encodeRealtimeMessage } from './outgoing-realtime';
import { encodeScannerMessage } from './outgoing-scanner';

/**
 * Server → client: a ServerMessage becomes the fields IB Gateway sends for it at the negotiated server version,
 * message id first, ready for encodeFrame. The field order and gates follow the official client's decoder,
 * because a single missing or extra field shifts every field after it.
 *
 * Many older messages still carry a message "version" field that clients read and mostly ignore; the values
 * below are the ones that make the client read every field the gateway writes today.
 */

/**
 * Clients read TICK_PRICE's size from version 2 and its attribute bitmask from 3, and read-and-ignore the other tick
 * messages' versions, so any value from 3 reads the same; 6 is used for the whole family.
 */
const TICK_VERSION = 6;
/** ERR_MSG ≥ 2 carries the request id and the code (the field is dropped at ERROR_TIME 194, above our range). */
const ERR_MSG_VERSION = 2;

export function encodeMessage(serverVersion: number, message: ServerMessage): WireField[] {
  if (!Number.isInteger(serverVersion) || serverVersion < MIN_SERVER_VERSION || serverVersion > MAX_SERVER_VERSION)
    throw new RangeError(`Server version ${serverVersion} is outside ${MIN_SERVER_VERSION}..${MAX_SERVER_VERSION}`);
  const sv = serverVersion;
  if (isStartupMessage(message)) return encodeStartupMessage(message);
  switch (message.type) {
    case 'nextValidId':
      return [OutMsgId.NEXT_VALID_ID, V1, message.orderId];
    case 'managedAccounts':
      return [OutMsgId.MANAGED_ACCTS, V1, message.accounts.join(',')];
    case 'currentTime':
      return [OutMsgId.CURRENT_TIME, V1, message.time];
    case 'error':
      return encodeError(sv, message);
    case 'accountSummary':
    case 'accountSummaryEnd':
    case 'position':
    case 'positionEnd':
    case 'positionMulti':
    case 'positionMultiEnd':
    case 'accountValue':
    case 'portfolioValue':
    case 'accountUpdateTime':
    case 'accountDownloadEnd':
    case 'pnl':
    case 'pnlSingle':
      return encodeAccountMessage(message);
    case 'marketDataType':
      return [OutMsgId.MARKET_DATA_TYPE, V1, message.reqId, message.marketDataType];
    case 'tickReqParams':
      return [
        OutMsgId.TICK_REQ_PARAMS,
        message.reqId,
        message.minTick,
        message.bboExchange,
        message.snapshotPermissions,
      ];
    case 'tickPrice': {
      // Bit 0 canAutoExecute, bit 1 pastLimit (PAST_LIMIT 109), bit 2 preOpen (PRE_OPEN_BID_ASK 132).
      const { canAutoExecute, pastLimit, preOpen } = message.attribs;
      const mask = (canAutoExecute ? 1 : 0) | (pastLimit ? 2 : 0) | (preOpen ? 4 : 0);
      return [OutMsgId.TICK_PRICE, TICK_VERSION, message.reqId, message.tickType, message.price, message.size, mask];
    }
    case 'tickSize':
      return [OutMsgId.TICK_SIZE, TICK_VERSION, message.reqId, message.tickType, message.size];
    case 'tickGeneric':
      return [OutMsgId.TICK_GENERIC, TICK_VERSION, message.reqId, message.tickType, message.value];
    case 'tickString':
      return [OutMsgId.TICK_STRING, TICK_VERSION, message.reqId, message.tickType, message.value];
    case 'tickSnapshotEnd':
      return [OutMsgId.TICK_SNAPSHOT_END, V1, message.reqId];
    case 'historicalData':
      return encodeHistoricalData(message.reqId, message.startDate, message.endDate, message.bars);
    case 'historicalDataUpdate': {
      // Note the order: open, close, high, low, then WAP before volume.
      const { bar } = message;
      return [
        OutMsgId.HISTORICAL_DATA_UPDATE,
        message.reqId,
        bar.count,
        bar.date,
        bar.open,
        bar.close,
        bar.high,
        bar.low,
        bar.wap,
        bar.volume,
      ];
    }
    case 'contractData':
      return encodeContractData(sv, message.reqId, message.details);
    case 'contractDataEnd':
      return [OutMsgId.CONTRACT_DATA_END, V1, message.reqId];
    case 'symbolSamples':
      return encodeSymbolSamples(sv, message.reqId, message.samples);
    case 'openOrder':
      return encodeOpenOrder(sv, message.contract, message.order, message.orderState);
    case 'openOrderEnd':
      return [OutMsgId.OPEN_ORDER_END, V1];
    case 'orderStatus':
      // No version field since MARKET_CAP_PRICE (131), which also appended mktCapPrice.
      return [
        OutMsgId.ORDER_STATUS,
        message.orderId,
        message.status,
        message.filled,
        message.remaining,
        message.avgFillPrice,
        message.permId,
        message.parentId,
        message.lastFillPrice,
        message.clientId,
        message.whyHeld,
        message.mktCapPrice,
      ];
    case 'completedOrder':
      return encodeCompletedOrder(sv, message.contract, message.order, message.orderState, message.filledQuantity);
    case 'completedOrdersEnd':
      return [OutMsgId.COMPLETED_ORDERS_END];
    case 'execDetails':
      return encodeExecution(sv, message.reqId, message.contract, message.execution);
    case 'execDetailsEnd':
      return [OutMsgId.EXECUTION_DATA_END, V1, message.reqId];
    case 'commissionReport':
      // realizedPNL is read as a plain double, so unset must be the MAX_VALUE text ('' would read as 0).
      // yield unset and yieldRedemptionDate 0 as the gateway sends them for stocks.
      return [
        OutMsgId.COMMISSION_REPORT,
        V1,
        message.execId,
        message.commission,
        message.currency,
        maxDouble(message.realizedPnl),
        UNSET_DOUBLE,
        0,
      ];
    case 'tickOptionComputation':
    case 'securityDefinitionOptionParameter':
    case 'securityDefinitionOptionParameterEnd':
      return encodeOptionMessage(message);
    case 'tickByTickLast':
    case 'tickByTickBidAsk':
    case 'tickByTickMidPoint':
    case 'realtimeBar':
    case 'historicalTicks':
      return encodeRealtimeMessage(message);
    case 'updateMktDepth':
    case 'updateMktDepthL2':
      return encodeDepthMessage(message);
    case 'scannerParameters':
    case 'scannerData':
      return encodeScannerMessage(message);
    default:
      return assertNever(message);
  }
}

function assertNever(message: never): never {
  throw new Error(`No encoder for ${JSON.stringify(message)}`);
}

function encodeError(serverVersion: number, message: Extract<ServerMessage, { type: 'error' }>): WireField[] {
  const fields: WireField[] = [
    OutMsgId.ERR_MSG,
    ERR_MSG_VERSION,
    message.reqId,
    message.code,
    escapeNonAscii(message.message),
  ];
  if (serverVersion >= Gate.ADVANCED_ORDER_REJECT) fields.push(escapeNonAscii(message.advancedOrderRejectJson));
  // errorTime only arrives with ERROR_TIME (194), above MAX_SERVER_VERSION, so it is never written here.
  return fields;
}

/**
 * HISTORICAL_DATA lost its version field at SYNT_REALTIME_BARS (124), which also dropped each bar's hasGaps flag;
 * the client then reads the start/end dates and each bar's count as if version were unbounded. The dates move to
 * a separate HISTORICAL_DATA_END at 196, above our range, so the shape is fixed across 157..193.
 */
function encodeHistoricalData(
  reqId: number,
  startDate: string,
  endDate: string,
  bars: readonly WireBar[],
): WireField[] {
  const fields: WireField[] = [OutMsgId.HISTORICAL_DATA, reqId, startDate, endDate, bars.length];
  for (const bar of bars) fields.push(bar.date, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.wap, bar.count);
  return fields;
}

/**
 * EXECUTION_DATA lost its version field at LAST_LIQUIDITY (136); the client then treats the server version as the
 * message version, so every versioned field (reqId 7, conId 5, multiplier 9, tradingClass 10, …) is present.
 */
function encodeExecution(
  serverVersion: number,
  reqId: number,
  contract: WireContract,
  execution: WireExecution,
): WireField[] {
  const e = execution;
  const fields: WireField[] = [OutMsgId.EXECUTION_DATA, reqId, e.orderId, ...contractFields(contract)];
  fields.push(
    e.execId,
    e.time,
    e.acctNumber,
    e.exchange,
    e.side,
    e.shares,
    e.price,
    e.permId,
    e.clientId,
    e.liquidation,
    e.cumQty,
    e.avgPrice,
    e.orderRef,
    e.evRule,
    maxDouble(e.evMultiplier),
    e.modelCode, // MODELS_SUPPORT 103
    e.lastLiquidity, // LAST_LIQUIDITY 136
  );
  if (serverVersion >= Gate.PENDING_PRICE_REVISION) fields.push(e.pendingPriceRevision);
  return fields;
}
