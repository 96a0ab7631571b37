import { COMBO_CONID } from '../world/combo-desk';
import { type ComboLeg, type Instrument, type SimOrder, type SimOrderRequest } from '../world';
import { emptyContract, type WireComboLeg, type WireContract, type WireOrder } from '../wire/messages';

/** Translations of combo (BAG) orders between the wire and the world. */

/**
 * The BAG contract IBKR reports for a combo order: its own conId, the underlying's symbol and currency, right "?",
 * SMART, local symbol the conId and trading class "COMB" — as in an openOrder recorded from TWS (ib-ruby's specs).
 */
export function comboContract(underlying: Instrument): WireContract {
  return {
    ...emptyContract(),
    conId: COMBO_CONID,
    symbol: underlying.symbol,
    secType: 'BAG',
    right: '?',
    exchange: 'SMART',
    currency: underlying.currency,
    localSymbol: String(COMBO_CONID),
    tradingClass: 'COMB',
  };
}

/** The legs a client sent, for the world; undefined for an order that is not a combo. */
export function requestedLegs(contract: WireContract, order: WireOrder): ComboLeg[] | undefined {
  if (contract.secType.toUpperCase() !== 'BAG') return undefined;
  return order.comboLegs.map((leg) => ({
    conId: leg.conId,
    ratio: leg.ratio,
    action: leg.action.toUpperCase() as ComboLeg['action'],
    exchange: leg.exchange,
  }));
}

/** A leg action the gateway cannot read; undefined when every leg buys or sells. */
export function badLegAction(order: WireOrder): string | undefined {
  return order.comboLegs.map((leg) => leg.action).find((action) => !/^(BUY|SELL)$/i.test(action));
}

/** The combo fields of an openOrder, echoing the order as placed; IBKR's defaults for what the world does not keep. */
export function wireComboFields(
  request: SimOrderRequest,
): Pick<WireOrder, 'comboLegs' | 'orderComboLegPrices' | 'smartComboRoutingParams'> {
  const legs = (request.comboLegs ?? []).map((leg): WireComboLeg => ({
    conId: leg.conId,
    ratio: leg.ratio,
    action: leg.action,
    exchange: leg.exchange,
    openClose: 0,
    shortSaleSlot: 0,
    designatedLocation: '',
    exemptCode: -1,
  }));
  return {
    comboLegs: legs,
    orderComboLegPrices: [...(request.orderComboLegPrices ?? [])],
    smartComboRoutingParams: (request.smartComboRoutingParams ?? []).map((param) => ({ ...param })),
  };
}

/** The contract an order is reported with: its BAG for a combo, else its instrument. */
export function orderContract(order: SimOrder, single: (instrument: Instrument) => WireContract): WireContract {
  return order.request.comboLegs ? comboContract(order.instrument) : single(order.instrument);
}
