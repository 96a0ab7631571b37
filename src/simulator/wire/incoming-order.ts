import type { FieldReader } from './field-reader';
import { isBag, readContractCore } from './incoming-contract';
import {
  orderTypeIs,
  readComboFields,
  readConditions,
  readPegBestPegMidFields,
  readTagValues,
} from './incoming-order-groups';
import type { ClientRequest, WireOrder } from './messages';

/**
 * PLACE_ORDER, the longest client message. Every field a conforming client sends at server versions 157..193
 * is read in order, because one skipped field shifts every later one. Most are read only to stay aligned: the
 * simulator keeps the fields of WireOrder. Server-version gates are IBKR's MIN_SERVER_VER_* values; fields
 * whose gate is below 157 are always present. Since ORDER_CONTAINER (145) the message has no version field.
 */

/** Server-version gates that fall inside the range the simulator speaks. */
const V = {
  DURATION: 158,
  POST_TO_ATS: 160,
  AUTO_CANCEL_PARENT: 162,
  ADVANCED_ORDER_REJECT: 166,
  MANUAL_ORDER_TIME: 169,
  PEGBEST_PEGMID_OFFSETS: 170,
  FA_PROFILE_DESUPPORT: 177,
  CUSTOMER_ACCOUNT: 183,
  PROFESSIONAL_CUSTOMER: 184,
  RFQ_FIELDS: 187,
  INCLUDE_OVERNIGHT: 189,
  UNDO_RFQ_FIELDS: 190,
  CME_TAGGING_FIELDS: 192,
} as const;

export function decodePlaceOrder(
  r: FieldReader,
  serverVersion: number,
): Extract<ClientRequest, { type: 'placeOrder' }> {
  const orderId = r.readRequestId('orderId');

  // Contract: the common twelve, then the security id (SEC_ID_TYPE, 45). No includeExpired in an order.
  const contract = readContractCore(r);
  contract.secIdType = r.readString('contract.secIdType');
  contract.secId = r.readString('contract.secId');
  const bag = isBag(contract);

  // Main order fields. Quantities are decimals since FRACTIONAL_POSITIONS (101); prices are unset-able since 61/62.
  const action = r.readString('action');
  const totalQuantity = r.readDecimal('totalQuantity') ?? 0;
  const orderType = r.readString('orderType');
  const lmtPrice = r.readDoubleOrUnset('lmtPrice');
  const auxPrice = r.readDoubleOrUnset('auxPrice');

  // Extended order fields (all from server versions < 40).
  const tif = r.readString('tif');
  const ocaGroup = r.readString('ocaGroup');
  const account = r.readString('account');
  const openClose = r.readString('openClose');
  const origin = r.readInt('origin');
  const orderRef = r.readString('orderRef');
  const transmit = r.readBool('transmit');
  const parentId = r.readInt('parentId');
  r.readBool('blockOrder');
  r.readBool('sweepToFill');
  r.readIntOrUnset('displaySize');
  r.readInt('triggerMethod');
  const outsideRth = r.readBool('outsideRth');
  r.readBool('hidden');

  // Combo (BAG) legs, leg prices and routing params: on the wire for a BAG only.
  const { comboLegs, orderComboLegPrices, smartComboRoutingParams } = readComboFields(r, bag);

  r.readString('sharesAllocation'); // deprecated, always sent empty
  r.readDouble('discretionaryAmt');
  r.readString('goodAfterTime');
  const goodTillDate = r.readString('goodTillDate');

  // Financial advisor fields; the faProfile placeholder went away with FA_PROFILE_DESUPPORT.
  r.readString('faGroup');
  r.readString('faMethod');
  r.readString('faPercentage');
  if (serverVersion < V.FA_PROFILE_DESUPPORT) r.readString('faProfile');
  r.readString('modelCode'); // MODELS_SUPPORT (103)

  // Institutional short sale (18, SSHORTX_OLD 51).
  r.readInt('shortSaleSlot');
  r.readString('designatedLocation');
  r.readInt('exemptCode');

  // OCA type, rule 80A, and the BOX/volatility-era fields (19).
  const ocaType = r.readInt('ocaType');
  r.readString('rule80A');
  r.readString('settlingFirm');
  r.readBool('allOrNone');
  r.readIntOrUnset('minQty');
  r.readDoubleOrUnset('percentOffset');
  r.readBool('eTradeOnly');
  r.readBool('firmQuoteOnly');
  r.readDoubleOrUnset('nbboPriceCap');
  r.readIntOrUnset('auctionStrategy');
  r.readDoubleOrUnset('startingPrice');
  r.readDoubleOrUnset('stockRefPrice');
  r.readDoubleOrUnset('delta');
  r.readDoubleOrUnset('stockRangeLower');
  r.readDoubleOrUnset('stockRangeUpper');
  r.readBool('overridePercentageConstraints');

  // Volatility orders (26, 28); the delta-neutral leg's details follow only when it has an order type
  // (DELTA_NEUTRAL_CONID 58, DELTA_NEUTRAL_OPEN_CLOSE 66).
  r.readDoubleOrUnset('volatility');
  r.readIntOrUnset('volatilityType');
  const deltaNeutralOrderType = r.readString('deltaNeutralOrderType');
  r.readDoubleOrUnset('deltaNeutralAuxPrice');
  if (deltaNeutralOrderType !== '') {
    r.readInt('deltaNeutralConId');
    r.readString('deltaNeutralSettlingFirm');
    r.readString('deltaNeutralClearingAccount');
    r.readString('deltaNeutralClearingIntent');
    r.readString('deltaNeutralOpenClose');
    r.readBool('deltaNeutralShortSale');
    r.readInt('deltaNeutralShortSaleSlot');
    r.readString('deltaNeutralDesignatedLocation');
  }
  r.readBool('continuousUpdate');
  r.readIntOrUnset('referencePriceType');

  // Trailing (30, TRAILING_PERCENT 62).
  const trailStopPrice = r.readDoubleOrUnset('trailStopPrice');
  const trailingPercent = r.readDoubleOrUnset('trailingPercent');

  // Scale orders (SCALE_ORDERS 35/40, SCALE_ORDERS3 60, SCALE_TABLE 69). The seven SCALE_ORDERS3 fields follow
  // only a set, positive price increment: that is IBKR's rule (Java/Python clients). @stoqey/ib sends them for
  // any defined value, so a client sending an increment of 0 or less would misalign here as it would at TWS.
  r.readIntOrUnset('scaleInitLevelSize');
  r.readIntOrUnset('scaleSubsLevelSize');
  const scalePriceIncrement = r.readDoubleOrUnset('scalePriceIncrement');
  if (scalePriceIncrement !== undefined && scalePriceIncrement > 0) {
    r.readDoubleOrUnset('scalePriceAdjustValue');
    r.readIntOrUnset('scalePriceAdjustInterval');
    r.readDoubleOrUnset('scaleProfitOffset');
    r.readBool('scaleAutoReset');
    r.readIntOrUnset('scaleInitPosition');
    r.readIntOrUnset('scaleInitFillQty');
    r.readBool('scaleRandomPercent');
  }
  r.readString('scaleTable');
  r.readString('activeStartTime');
  r.readString('activeStopTime');

  // Hedge orders (HEDGE_ORDERS 54): the parameter follows only a hedge type.
  if (r.readString('hedgeType') !== '') r.readString('hedgeParam');

  r.readBool('optOutSmartRouting'); // OPT_OUT_SMART_ROUTING (56)
  r.readString('clearingAccount'); // PTA_ORDERS (39)
  r.readString('clearingIntent');
  r.readBool('notHeld'); // NOT_HELD (44)

  // Delta-neutral underlying of the contract (DELTA_NEUTRAL 40).
  if (r.readBool('deltaNeutralContract.present')) {
    r.readInt('deltaNeutralContract.conId');
    r.readDouble('deltaNeutralContract.delta');
    r.readDouble('deltaNeutralContract.price');
  }

  // Algo orders (ALGO_ORDERS 41): the parameter list follows only a strategy; ALGO_ID (71).
  const algoStrategy = r.readString('algoStrategy');
  const algoParams = algoStrategy !== '' ? readTagValues(r, 'algoParams') : [];
  r.readString('algoId');

  const whatIf = r.readBool('whatIf'); // WHAT_IF_ORDERS (36)
  r.readString('orderMiscOptions'); // LINKING (70): one 'tag=value;' string, not a list
  r.readBool('solicited'); // ORDER_SOLICITED (73)
  r.readBool('randomizeSize'); // RANDOMIZE_SIZE_AND_PRICE (76)
  r.readBool('randomizePrice');

  // Pegged-to-benchmark fields, conditions and adjusted-order fields (PEGGED_TO_BENCHMARK 102).
  if (orderTypeIs(orderType, 'PEGBENCH')) {
    r.readInt('referenceContractId');
    r.readBool('isPeggedChangeAmountDecrease');
    r.readDouble('peggedChangeAmount');
    r.readDouble('referenceChangeAmount');
    r.readString('referenceExchangeId');
  }
  readConditions(r);
  r.readString('adjustedOrderType');
  r.readDoubleOrUnset('triggerPrice');
  const lmtPriceOffset = r.readDoubleOrUnset('lmtPriceOffset');
  r.readDoubleOrUnset('adjustedStopPrice');
  r.readDoubleOrUnset('adjustedStopLimitPrice');
  r.readDoubleOrUnset('adjustedTrailingAmount');
  r.readInt('adjustableTrailingUnit');

  r.readString('extOperator'); // EXT_OPERATOR (105)
  r.readString('softDollarTier.name'); // SOFT_DOLLAR_TIER (106)
  r.readString('softDollarTier.value');
  const cashQty = r.readDoubleOrUnset('cashQty'); // CASH_QTY (111)
  r.readString('mifid2DecisionMaker'); // DECISION_MAKER (138)
  r.readString('mifid2DecisionAlgo');
  r.readString('mifid2ExecutionTrader'); // MIFID_EXECUTION (139)
  r.readString('mifid2ExecutionAlgo');
  r.readBool('dontUseAutoPriceForHedge'); // AUTO_PRICE_FOR_HEDGE (141)
  r.readBool('isOmsContainer'); // ORDER_CONTAINER (145)
  r.readBool('discretionaryUpToLimitPrice'); // D_PEG_ORDERS (148)
  r.readBool('usePriceMgmtAlgo'); // PRICE_MGMT_ALGO (151); '' means "default", read as false

  // Gates inside 157..193 from here on.
  if (serverVersion >= V.DURATION) r.readIntOrUnset('duration');
  if (serverVersion >= V.POST_TO_ATS) r.readIntOrUnset('postToAts');
  if (serverVersion >= V.AUTO_CANCEL_PARENT) r.readBool('autoCancelParent');
  if (serverVersion >= V.ADVANCED_ORDER_REJECT) r.readString('advancedErrorOverride');
  if (serverVersion >= V.MANUAL_ORDER_TIME) r.readString('manualOrderTime');
  if (serverVersion >= V.PEGBEST_PEGMID_OFFSETS) readPegBestPegMidFields(r, contract.exchange, orderType);
  if (serverVersion >= V.CUSTOMER_ACCOUNT) r.readString('customerAccount');
  if (serverVersion >= V.PROFESSIONAL_CUSTOMER) r.readBool('professionalCustomer');
  if (serverVersion >= V.RFQ_FIELDS && serverVersion < V.UNDO_RFQ_FIELDS) {
    // Placeholders clients send blank during the short-lived RFQ_FIELDS window.
    r.readString('externalUserId');
    r.readIntOrUnset('manualOrderIndicator');
  }
  if (serverVersion >= V.INCLUDE_OVERNIGHT) r.readBool('includeOvernight');
  if (serverVersion >= V.CME_TAGGING_FIELDS) r.readIntOrUnset('manualOrderIndicator');

  const order: WireOrder = {
    orderId,
    // Not on the wire: the server fills in the connection's client id and assigns the permId.
    clientId: 0,
    permId: 0,
    action,
    totalQuantity,
    orderType,
    lmtPrice,
    auxPrice,
    tif,
    ocaGroup,
    account,
    openClose,
    origin,
    orderRef,
    transmit,
    parentId,
    outsideRth,
    whatIf,
    ocaType,
    trailStopPrice,
    trailingPercent,
    lmtPriceOffset,
    algoStrategy,
    algoParams,
    cashQty,
    goodTillDate,
    comboLegs,
    orderComboLegPrices,
    smartComboRoutingParams,
  };
  return { type: 'placeOrder', orderId, contract, order };
}
