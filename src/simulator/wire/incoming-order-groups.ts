import type { FieldReader } from './field-reader';
import { readCount } from './incoming-contract';
import type { WireComboLeg, WireOrder, WireTagValue } from './messages';

/**
 * The field groups of PLACE_ORDER whose length or presence depends on what came before them: combo legs, tag
 * lists, order conditions and the PEG BEST / PEG MID offsets. incoming-order.ts walks the message and calls
 * these where each group sits.
 */

/** IBKR's OrderConditionType ids. */
const CONDITION = { PRICE: 1, TIME: 3, MARGIN: 4, EXECUTION: 5, VOLUME: 6, PERCENT_CHANGE: 7 } as const;

/** Order types are matched the way clients match them: 'PEG BENCH' and 'PEGBENCH' are the same type. */
export function orderTypeIs(orderType: string, compact: string): boolean {
  return orderType.replace(/ /g, '').toUpperCase() === compact;
}

type ComboFields = Pick<WireOrder, 'comboLegs' | 'orderComboLegPrices' | 'smartComboRoutingParams'>;

/**
 * Combo (BAG) only: full legs (with SSHORT_COMBO_LEGS 35 and SSHORTX_OLD 51 fields), per-leg prices
 * (ORDER_COMBO_LEGS_PRICE 61) and smart combo routing params (SMART_COMBO_ROUTING_PARAMS 57). Any other
 * order has none of them on the wire: empty lists.
 */
export function readComboFields(r: FieldReader, bag: boolean): ComboFields {
  const comboLegs: WireComboLeg[] = [];
  if (!bag) return { comboLegs, orderComboLegPrices: [], smartComboRoutingParams: [] };
  const comboLegCount = readCount(r, 'comboLegs.count');
  for (let i = 0; i < comboLegCount; i++) {
    comboLegs.push({
      conId: r.readInt(`comboLegs[${i}].conId`),
      ratio: r.readInt(`comboLegs[${i}].ratio`),
      action: r.readString(`comboLegs[${i}].action`),
      exchange: r.readString(`comboLegs[${i}].exchange`),
      openClose: r.readInt(`comboLegs[${i}].openClose`),
      shortSaleSlot: r.readInt(`comboLegs[${i}].shortSaleSlot`),
      designatedLocation: r.readString(`comboLegs[${i}].designatedLocation`),
      exemptCode: r.readInt(`comboLegs[${i}].exemptCode`),
    });
  }
  const orderComboLegPrices: (number | undefined)[] = [];
  const orderComboLegCount = readCount(r, 'orderComboLegs.count');
  for (let i = 0; i < orderComboLegCount; i++) {
    orderComboLegPrices.push(r.readDoubleOrUnset(`orderComboLegs[${i}].price`));
  }
  const smartComboRoutingParams = readTagValues(r, 'smartComboRoutingParams');
  return { comboLegs, orderComboLegPrices, smartComboRoutingParams };
}

/** A count, then tag and value per entry. */
export function readTagValues(r: FieldReader, name: string): WireTagValue[] {
  const count = readCount(r, `${name}.count`);
  const list: WireTagValue[] = [];
  for (let i = 0; i < count; i++) {
    list.push({ tag: r.readString(`${name}[${i}].tag`), value: r.readString(`${name}[${i}].value`) });
  }
  return list;
}

/**
 * Each condition is its type and conjunction ('a'/'o'), then fields that depend on the type; an unknown type
 * cannot be skipped because its length is unknown. The two flags follow only a non-empty list.
 */
export function readConditions(r: FieldReader): void {
  const count = readCount(r, 'conditions.count');
  for (let i = 0; i < count; i++) {
    const at = `conditions[${i}]`;
    const type = r.readInt(`${at}.type`);
    r.readString(`${at}.conjunction`);
    if (type === CONDITION.EXECUTION) {
      r.readString(`${at}.secType`);
      r.readString(`${at}.exchange`);
      r.readString(`${at}.symbol`);
      continue;
    }
    const known: number[] = Object.values(CONDITION);
    if (!known.includes(type)) r.fail(`Field "${at}.type" is not a known order condition type: ${type}`);
    // Every other condition is an operator condition: isMore and the value as text.
    r.readBool(`${at}.isMore`);
    r.readString(`${at}.value`);
    if (type === CONDITION.TIME || type === CONDITION.MARGIN) continue;
    // Price, volume and percent-change conditions watch a contract.
    r.readInt(`${at}.conId`);
    r.readString(`${at}.exchange`);
    if (type === CONDITION.PRICE) r.readInt(`${at}.triggerMethod`);
  }
  if (count > 0) {
    r.readBool('conditionsIgnoreRth');
    r.readBool('conditionsCancelOrder');
  }
}

/**
 * PEGBEST_PEGMID_OFFSETS (170): minTradeQty only for orders routed to IBKRATS; PEG BEST sends its compete
 * fields and, when competing "up to mid" (an offset of Infinity), the mid offsets; PEG MID sends the mid offsets.
 */
export function readPegBestPegMidFields(r: FieldReader, exchange: string, orderType: string): void {
  if (exchange === 'IBKRATS') r.readIntOrUnset('minTradeQty');
  let midOffsets = false;
  if (orderTypeIs(orderType, 'PEGBEST')) {
    r.readIntOrUnset('minCompeteSize');
    const offset = r.readString('competeAgainstBestOffset');
    midOffsets = offset === 'Infinity';
  } else if (orderTypeIs(orderType, 'PEGMID')) {
    midOffsets = true;
  }
  if (midOffsets) {
    r.readDoubleOrUnset('midOffsetAtWhole');
    r.readDoubleOrUnset('midOffsetAtHalf');
  }
}
