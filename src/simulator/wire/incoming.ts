import { FieldReader } from './field-reader';
import { isBag, readContractCore, skipDataComboLegs, skipDeltaNeutralContract } from './incoming-contract';
import { ClientMsgId, clientMsgName, type ClientMsgName, unservedReqIdField } from './incoming-ids';
import { decodePlaceOrder } from './incoming-order';
import { startupDecoders } from './incoming-startup';
import { optionDecoders } from './incoming-options';
import { depthDecoders } from './incoming-depth';
import { realtimeDecoders } from './incoming-realtime';
import { scannerDecoders } from './incoming-scanner';
import { type ClientRequest, WireError } from './messages';

/**
 * Client → server request decoding. Each decoder reads exactly the fields a conforming client sends at the
 * negotiated server version (157..193); decodeRequest then insists nothing is left over, because a leftover
 * field means the walk and the client disagreed somewhere and every value read may be shifted.
 *
 * Many older messages still carry a per-message "version" field after the id; it is read and ignored, since
 * the server version alone decides the layout.
 */

type Decoder = (r: FieldReader, serverVersion: number) => ClientRequest;

/** Server-version gates inside 157..193 that change a request other than placeOrder. */
const V = {
  MANUAL_ORDER_TIME: 169,
  BOND_ISSUERID: 176,
  RFQ_FIELDS: 187,
  UNDO_RFQ_FIELDS: 190,
  CME_TAGGING_FIELDS: 192,
} as const;

const version = (r: FieldReader): void => void r.readInt('version');

const DECODERS: Partial<Record<ClientMsgName, Decoder>> = {
  ...optionDecoders,
  START_API: (r) => {
    version(r);
    return {
      type: 'startApi',
      clientId: r.readInt('clientId'),
      optionalCapabilities: r.readString('optionalCapabilities'), // OPTIONAL_CAPABILITIES (72)
    };
  },
  REQ_IDS: (r) => {
    version(r);
    return { type: 'reqIds', numIds: r.readInt('numIds') };
  },
  REQ_CURRENT_TIME: (r) => {
    version(r);
    return { type: 'reqCurrentTime' };
  },
  REQ_MANAGED_ACCTS: (r) => {
    version(r);
    return { type: 'reqManagedAccts' };
  },

  REQ_ACCOUNT_SUMMARY: (r) => {
    version(r);
    return {
      type: 'reqAccountSummary',
      reqId: r.readRequestId(),
      group: r.readString('group'),
      tags: r.readString('tags'),
    };
  },
  CANCEL_ACCOUNT_SUMMARY: (r) => {
    version(r);
    return { type: 'cancelAccountSummary', reqId: r.readRequestId() };
  },
  REQ_POSITIONS: (r) => {
    version(r);
    return { type: 'reqPositions' };
  },
  CANCEL_POSITIONS: (r) => {
    version(r);
    return { type: 'cancelPositions' };
  },
  REQ_POSITIONS_MULTI: (r) => {
    version(r);
    return {
      type: 'reqPositionsMulti',
      reqId: r.readRequestId(),
      account: r.readString('account'),
      modelCode: r.readString('modelCode'),
    };
  },
  CANCEL_POSITIONS_MULTI: (r) => {
    version(r);
    return { type: 'cancelPositionsMulti', reqId: r.readRequestId() };
  },
  REQ_ACCOUNT_DATA: (r) => {
    version(r);
    return { type: 'reqAccountUpdates', subscribe: r.readBool('subscribe'), account: r.readString('acctCode') };
  },
  // The PnL messages never had a version field.
  REQ_PNL: (r) => ({
    type: 'reqPnL',
    reqId: r.readRequestId(),
    account: r.readString('account'),
    modelCode: r.readString('modelCode'),
  }),
  CANCEL_PNL: (r) => ({ type: 'cancelPnL', reqId: r.readRequestId() }),
  REQ_PNL_SINGLE: (r) => ({
    type: 'reqPnLSingle',
    reqId: r.readRequestId(),
    account: r.readString('account'),
    modelCode: r.readString('modelCode'),
    conId: r.readInt('conId'),
  }),
  CANCEL_PNL_SINGLE: (r) => ({ type: 'cancelPnLSingle', reqId: r.readRequestId() }),

  REQ_MARKET_DATA_TYPE: (r) => {
    version(r);
    return { type: 'reqMarketDataType', marketDataType: r.readInt('marketDataType') };
  },
  REQ_MKT_DATA: (r) => {
    version(r);
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    if (isBag(contract)) skipDataComboLegs(r);
    skipDeltaNeutralContract(r);
    const genericTickList = r.readString('genericTickList');
    const snapshot = r.readBool('snapshot');
    const regulatorySnapshot = r.readBool('regulatorySnapshot'); // REQ_SMART_COMPONENTS (114)
    r.readString('mktDataOptions'); // LINKING (70): reserved, one 'tag=value;' string
    return { type: 'reqMktData', reqId, contract, genericTickList, snapshot, regulatorySnapshot };
  },
  CANCEL_MKT_DATA: (r) => {
    version(r);
    return { type: 'cancelMktData', reqId: r.readRequestId() };
  },
  // No version field since SYNT_REALTIME_BARS (124).
  REQ_HISTORICAL_DATA: (r) => {
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    contract.includeExpired = r.readBool('contract.includeExpired');
    const endDateTime = r.readString('endDateTime');
    const barSizeSetting = r.readString('barSizeSetting');
    const durationStr = r.readString('durationStr');
    const useRTH = r.readBool('useRTH');
    const whatToShow = r.readString('whatToShow');
    const formatDate = r.readInt('formatDate');
    if (isBag(contract)) skipDataComboLegs(r);
    const keepUpToDate = r.readBool('keepUpToDate');
    r.readString('chartOptions'); // one 'tag=value;' string, not a list
    return {
      type: 'reqHistoricalData',
      reqId,
      contract,
      endDateTime,
      barSizeSetting,
      durationStr,
      useRTH,
      whatToShow,
      formatDate,
      keepUpToDate,
    };
  },
  CANCEL_HISTORICAL_DATA: (r) => {
    version(r);
    return { type: 'cancelHistoricalData', reqId: r.readRequestId() };
  },
  REQ_CONTRACT_DATA: (r, serverVersion) => {
    version(r);
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    contract.includeExpired = r.readBool('contract.includeExpired');
    contract.secIdType = r.readString('contract.secIdType');
    contract.secId = r.readString('contract.secId');
    if (serverVersion >= V.BOND_ISSUERID) contract.issuerId = r.readString('contract.issuerId');
    return { type: 'reqContractDetails', reqId, contract };
  },
  REQ_MATCHING_SYMBOLS: (r) => ({
    type: 'reqMatchingSymbols',
    reqId: r.readRequestId(),
    pattern: r.readString('pattern'),
  }),

  PLACE_ORDER: decodePlaceOrder,
  CANCEL_ORDER: (r, serverVersion) => {
    // The version field was dropped at CME_TAGGING_FIELDS (192), when the trailing tagging fields arrived.
    if (serverVersion < V.CME_TAGGING_FIELDS) version(r);
    const orderId = r.readRequestId('orderId');
    const manualOrderCancelTime = serverVersion >= V.MANUAL_ORDER_TIME ? r.readString('manualOrderCancelTime') : '';
    if (serverVersion >= V.RFQ_FIELDS && serverVersion < V.UNDO_RFQ_FIELDS) {
      // Blank placeholders clients send during the RFQ_FIELDS window.
      r.readString('extOperator');
      r.readString('externalUserId');
      r.readIntOrUnset('manualOrderIndicator');
    }
    if (serverVersion >= V.CME_TAGGING_FIELDS) {
      r.readString('extOperator');
      r.readIntOrUnset('manualOrderIndicator');
    }
    return { type: 'cancelOrder', orderId, manualOrderCancelTime };
  },
  REQ_GLOBAL_CANCEL: (r, serverVersion) => {
    if (serverVersion < V.CME_TAGGING_FIELDS) {
      version(r);
    } else {
      r.readString('extOperator');
      r.readIntOrUnset('manualOrderIndicator');
    }
    return { type: 'reqGlobalCancel' };
  },
  REQ_OPEN_ORDERS: (r) => {
    version(r);
    return { type: 'reqOpenOrders' };
  },
  REQ_ALL_OPEN_ORDERS: (r) => {
    version(r);
    return { type: 'reqAllOpenOrders' };
  },
  REQ_AUTO_OPEN_ORDERS: (r) => {
    version(r);
    return { type: 'reqAutoOpenOrders', autoBind: r.readBool('autoBind') };
  },
  // Introduced after per-message versions were abandoned: no version field.
  REQ_COMPLETED_ORDERS: (r) => ({ type: 'reqCompletedOrders', apiOnly: r.readBool('apiOnly') }),
  REQ_EXECUTIONS: (r) => {
    version(r);
    const reqId = r.readRequestId();
    return {
      type: 'reqExecutions',
      reqId,
      filter: {
        clientId: r.readInt('filter.clientId'),
        acctCode: r.readString('filter.acctCode'),
        time: r.readString('filter.time'),
        symbol: r.readString('filter.symbol'),
        secType: r.readString('filter.secType'),
        exchange: r.readString('filter.exchange'),
        side: r.readString('filter.side'),
      },
    };
  },
  ...startupDecoders,
  ...realtimeDecoders,
  ...depthDecoders,
  ...scannerDecoders,
};

/**
 * Decodes one request's fields (fields[0] is the message id). A known request the simulator does not serve
 * decodes to `unsupported`; anything malformed — unknown id, a missing or non-numeric field, fields left over —
 * throws WireError with the message id and, once read, the request id.
 */
export function decodeRequest(serverVersion: number, fields: readonly string[]): ClientRequest {
  const idText = fields[0];
  if (idText === undefined) throw new WireError('The message is empty: it has no message id');
  if (!/^\d+$/.test(idText)) throw new WireError(`The message id "${idText}" is not a number`);
  const msgId = Number(idText);
  const name = clientMsgName(msgId);
  if (name === undefined) throw new WireError(`Message id ${msgId} is not a TWS API request`, msgId);

  const decode = DECODERS[name];
  if (decode === undefined) return { type: 'unsupported', msgId, reqId: unservedReqId(name, fields) };

  const reader = new FieldReader(fields, 1, { msgId });
  let request: ClientRequest;
  try {
    request = decode(reader, serverVersion);
  } catch (error) {
    if (error instanceof WireError)
      throw new WireError(`${name} (server version ${serverVersion}): ${error.message}`, msgId, reader.reqId);
    throw error;
  }
  if (reader.remaining > 0) {
    const extra = fields.slice(reader.position);
    const shown = extra
      .slice(0, 5)
      .map((field) => JSON.stringify(field))
      .join(', ');
    throw new WireError(
      `${name} (server version ${serverVersion}) has ${extra.length} field(s) after its last one: ${shown}` +
        (extra.length > 5 ? ', …' : ''),
      msgId,
      reader.reqId,
    );
  }
  return request;
}

/** The request id of an unserved message, so the error that answers it reaches the right request; -1 if none. */
function unservedReqId(name: ClientMsgName, fields: readonly string[]): number {
  const index = unservedReqIdField(name);
  const text = index === undefined ? undefined : fields[index];
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : -1;
}

export { ClientMsgId };
