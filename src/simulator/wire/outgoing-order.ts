import type { WireContract, WireField, WireOrder, WireOrderState } from './messages';
import { contractFields, Gate, maxDouble, OutMsgId, UNSET_DOUBLE } from './outgoing-common';

/**
 * OPEN_ORDER and COMPLETED_ORDER: the longest walks in the protocol. WireOrder carries only what ordinary clients
 * use; every other field is written as the gateway writes an order that never set it (empty string, 0, false,
 * unset double, unset int as '', empty lists as count 0), because a client reads every field regardless.
 * Both messages lost their version field at ORDER_CONTAINER (145), so the client's per-field "version" checks are
 * all satisfied and only server-version gates remain.
 */

/** Unset int fields (read with the client's "int-max" reader) are written empty, which every client reads as unset. */
const UNSET_INT = '';

function faParams(serverVersion: number): WireField[] {
  const fields: WireField[] = ['', '', '']; // faGroup, faMethod, faPercentage
  // The deprecated faProfile field is gone from FA_PROFILE_DESUPPORT.
  if (serverVersion < Gate.FA_PROFILE_DESUPPORT) fields.push('');
  return fields;
}

/** The volatility-order block; a blank deltaNeutralOrderType means none of the delta-neutral fields follow. */
function volatilityParams(): WireField[] {
  return [UNSET_DOUBLE, 0, '', UNSET_DOUBLE, 0, 0]; // volatility, volatilityType, dnOrderType, dnAuxPrice, continuousUpdate, referencePriceType
}

/**
 * Combo legs, smart-combo params, then the scale-order block. The description is IBKR's "conId|ratio" list with
 * sold legs negative, e.g. "9408|-1,43645865|1" (an openOrder recorded from TWS in the ib-ruby project's specs).
 */
function comboAndScaleParams(order: WireOrder): WireField[] {
  const description = order.comboLegs
    .map((leg) => `${leg.conId}|${leg.action === 'SELL' ? -leg.ratio : leg.ratio}`)
    .join(',');
  const legs = order.comboLegs.flatMap((leg): WireField[] => [
    leg.conId,
    leg.ratio,
    leg.action,
    leg.exchange,
    leg.openClose,
    leg.shortSaleSlot,
    leg.designatedLocation,
    leg.exemptCode,
  ]);
  const params = order.smartComboRoutingParams.flatMap(({ tag, value }) => [tag, value]);
  return [
    description,
    order.comboLegs.length,
    ...legs,
    order.orderComboLegPrices.length,
    ...order.orderComboLegPrices.map(maxDouble),
    order.smartComboRoutingParams.length,
    ...params,
    // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement (unset, so the scale extension is absent)
    UNSET_INT,
    UNSET_INT,
    UNSET_DOUBLE,
  ];
}

/** The algo strategy, and its parameters only when there is one (ALGO_ORDERS 41). */
function algoParams(order: WireOrder): WireField[] {
  if (!order.algoStrategy) return [''];
  return [order.algoStrategy, order.algoParams.length, ...order.algoParams.flatMap(({ tag, value }) => [tag, value])];
}

/** PEGGED_TO_BENCHMARK (102): only a pegged-to-benchmark order carries its reference block. */
function pegToBenchParams(order: WireOrder): WireField[] {
  if (order.orderType !== 'PEG BENCH' && order.orderType !== 'PEGBENCH') return [];
  return [0, false, 0, 0, '']; // referenceContractId, isPeggedChangeAmountDecrease, peggedChange, referenceChange, referenceExchangeId
}

function pegBestPegMidParams(serverVersion: number): WireField[] {
  if (serverVersion < Gate.PEGBEST_PEGMID_OFFSETS) return [];
  // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
  return [UNSET_INT, UNSET_INT, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE];
}

function customerParams(serverVersion: number): WireField[] {
  const fields: WireField[] = [];
  if (serverVersion >= Gate.CUSTOMER_ACCOUNT) fields.push(''); // customerAccount
  if (serverVersion >= Gate.PROFESSIONAL_CUSTOMER) fields.push(false); // professionalCustomer
  return fields;
}

export function encodeOpenOrder(
  serverVersion: number,
  contract: WireContract,
  order: WireOrder,
  state: WireOrderState,
): WireField[] {
  const f: WireField[] = [OutMsgId.OPEN_ORDER, order.orderId, ...contractFields(contract)];
  f.push(
    order.action,
    order.totalQuantity,
    order.orderType,
    maxDouble(order.lmtPrice),
    maxDouble(order.auxPrice),
    order.tif,
    order.ocaGroup,
    order.account,
    order.openClose,
    order.origin,
    order.orderRef,
    order.clientId,
    order.permId,
    order.outsideRth,
    false, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
    '', // deprecated sharesAllocation
  );
  f.push(...faParams(serverVersion));
  f.push(
    '', // modelCode (MODELS_SUPPORT 103)
    order.goodTillDate,
    '', // rule80A
    UNSET_DOUBLE, // percentOffset
    '', // settlingFirm
    0, // shortSaleSlot
    '', // designatedLocation
    -1, // exemptCode
    0, // auctionStrategy
    UNSET_DOUBLE, // startingPrice
    UNSET_DOUBLE, // stockRefPrice
    UNSET_DOUBLE, // delta
    UNSET_DOUBLE, // stockRangeLower
    UNSET_DOUBLE, // stockRangeUpper
    UNSET_INT, // displaySize
    false, // blockOrder
    false, // sweepToFill
    false, // allOrNone
    UNSET_INT, // minQty
    order.ocaType,
    false, // eTradeOnly
    false, // firmQuoteOnly
    UNSET_DOUBLE, // nbboPriceCap
    order.parentId,
    0, // triggerMethod
  );
  f.push(...volatilityParams());
  f.push(maxDouble(order.trailStopPrice), maxDouble(order.trailingPercent));
  f.push(UNSET_DOUBLE, UNSET_INT); // basisPoints, basisPointsType
  f.push(...comboAndScaleParams(order));
  f.push(
    '', // hedgeType (blank: no hedgeParam follows)
    false, // optOutSmartRouting
    '', // clearingAccount
    '', // clearingIntent
    false, // notHeld
    false, // deltaNeutralContract present
  );
  f.push(...algoParams(order));
  f.push(false); // solicited
  // What-if block; the six "before/change" margins are there since WHAT_IF_EXT_FIELDS (142).
  f.push(
    order.whatIf,
    state.status,
    state.initMarginBefore,
    state.maintMarginBefore,
    state.equityWithLoanBefore,
    state.initMarginChange,
    state.maintMarginChange,
    state.equityWithLoanChange,
    state.initMarginAfter,
    state.maintMarginAfter,
    state.equityWithLoanAfter,
    maxDouble(state.commission),
    maxDouble(state.minCommission),
    maxDouble(state.maxCommission),
    state.commissionCurrency,
    state.warningText,
  );
  f.push(false, false); // randomizeSize, randomizePrice
  f.push(...pegToBenchParams(order));
  f.push(0); // conditions count (PEGGED_TO_BENCHMARK 102); none, so no conditionsIgnoreRth/CancelOrder
  f.push(
    '', // adjustedOrderType
    UNSET_DOUBLE, // triggerPrice
    maxDouble(order.trailStopPrice),
    maxDouble(order.lmtPriceOffset),
    UNSET_DOUBLE, // adjustedStopPrice
    UNSET_DOUBLE, // adjustedStopLimitPrice
    UNSET_DOUBLE, // adjustedTrailingAmount
    0, // adjustableTrailingUnit
  );
  f.push('', '', ''); // softDollarTier name, value, displayName (SOFT_DOLLAR_TIER 106)
  f.push(maxDouble(order.cashQty)); // CASH_QTY 111
  f.push(false); // dontUseAutoPriceForHedge (AUTO_PRICE_FOR_HEDGE 141)
  f.push(false); // isOmsContainer (ORDER_CONTAINER 145)
  f.push(false); // discretionaryUpToLimitPrice (D_PEG_ORDERS 148)
  f.push(false); // usePriceMgmtAlgo (PRICE_MGMT_ALGO 151)
  if (serverVersion >= Gate.DURATION) f.push(UNSET_INT);
  if (serverVersion >= Gate.POST_TO_ATS) f.push(UNSET_INT);
  if (serverVersion >= Gate.AUTO_CANCEL_PARENT) f.push(false);
  f.push(...pegBestPegMidParams(serverVersion));
  f.push(...customerParams(serverVersion));
  if (serverVersion >= Gate.BOND_ACCRUED_INTEREST) f.push(''); // bondAccruedInterest
  if (serverVersion >= Gate.INCLUDE_OVERNIGHT) f.push(false); // includeOvernight
  if (serverVersion >= Gate.CME_TAGGING_FIELDS_IN_OPEN_ORDER) f.push('', UNSET_INT); // extOperator, manualOrderIndicator
  return f;
}

/**
 * COMPLETED_ORDER: the open-order walk minus the order id, client id, parent id and what-if figures, plus the
 * completion fields. `filledQuantity` defaults to the whole order for a filled one and 0 otherwise.
 */
export function encodeCompletedOrder(
  serverVersion: number,
  contract: WireContract,
  order: WireOrder,
  state: WireOrderState,
  filledQuantity: number | undefined,
): WireField[] {
  const f: WireField[] = [OutMsgId.COMPLETED_ORDER, ...contractFields(contract)];
  f.push(
    order.action,
    order.totalQuantity,
    order.orderType,
    maxDouble(order.lmtPrice),
    maxDouble(order.auxPrice),
    order.tif,
    order.ocaGroup,
    order.account,
    order.openClose,
    order.origin,
    order.orderRef,
    order.permId,
    order.outsideRth,
    false, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
  );
  // Official clients gate faProfile on the server version here too; @stoqey/ib (version = MAX) never reads it.
  f.push(...faParams(serverVersion));
  f.push(
    '', // modelCode
    order.goodTillDate,
    '', // rule80A
    UNSET_DOUBLE, // percentOffset
    '', // settlingFirm
    0, // shortSaleSlot
    '', // designatedLocation
    -1, // exemptCode
    UNSET_DOUBLE, // startingPrice
    UNSET_DOUBLE, // stockRefPrice
    UNSET_DOUBLE, // delta
    UNSET_DOUBLE, // stockRangeLower
    UNSET_DOUBLE, // stockRangeUpper
    UNSET_INT, // displaySize
    false, // sweepToFill
    false, // allOrNone
    UNSET_INT, // minQty
    order.ocaType,
    0, // triggerMethod
  );
  f.push(...volatilityParams());
  f.push(maxDouble(order.trailStopPrice), maxDouble(order.trailingPercent));
  f.push(...comboAndScaleParams(order));
  f.push(
    '', // hedgeType
    '', // clearingAccount
    '', // clearingIntent
    false, // notHeld
    false, // deltaNeutralContract present
  );
  f.push(...algoParams(order));
  f.push(
    false, // solicited
    state.status,
    false, // randomizeSize
    false, // randomizePrice
  );
  f.push(...pegToBenchParams(order));
  f.push(0); // conditions count
  f.push(maxDouble(order.trailStopPrice), maxDouble(order.lmtPriceOffset));
  f.push(maxDouble(order.cashQty));
  f.push(false, false); // dontUseAutoPriceForHedge, isOmsContainer
  f.push(
    '', // autoCancelDate
    filledQuantity ?? (state.status === 'Filled' ? order.totalQuantity : 0),
    0, // refFuturesConId
    false, // autoCancelParent (unconditional in this message)
    '', // shareholder
    false, // imbalanceOnly
    false, // routeMarketableToBbo
    0, // parentPermId
    state.completedTime,
    state.completedStatus,
  );
  f.push(...pegBestPegMidParams(serverVersion));
  f.push(...customerParams(serverVersion));
  return f;
}
