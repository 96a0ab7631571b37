import type { WireContract, WireField } from './messages';

/**
 * Shared pieces of the server→client encoder: message ids, the server-version gates that change a
 * message's fields inside the range the simulator speaks, and IBKR's spellings of "unset".
 */

/** The ids of the messages the simulator sends (the TWS API's incoming message ids, from the client's side). */
export const OutMsgId = {
  TICK_PRICE: 1,
  TICK_SIZE: 2,
  ORDER_STATUS: 3,
  ERR_MSG: 4,
  OPEN_ORDER: 5,
  ACCT_VALUE: 6,
  PORTFOLIO_VALUE: 7,
  ACCT_UPDATE_TIME: 8,
  NEXT_VALID_ID: 9,
  CONTRACT_DATA: 10,
  EXECUTION_DATA: 11,
  MANAGED_ACCTS: 15,
  HISTORICAL_DATA: 17,
  TICK_GENERIC: 45,
  TICK_STRING: 46,
  CURRENT_TIME: 49,
  CONTRACT_DATA_END: 52,
  OPEN_ORDER_END: 53,
  ACCT_DOWNLOAD_END: 54,
  EXECUTION_DATA_END: 55,
  TICK_SNAPSHOT_END: 57,
  MARKET_DATA_TYPE: 58,
  COMMISSION_REPORT: 59,
  POSITION: 61,
  POSITION_END: 62,
  ACCOUNT_SUMMARY: 63,
  ACCOUNT_SUMMARY_END: 64,
  POSITION_MULTI: 71,
  POSITION_MULTI_END: 72,
  SYMBOL_SAMPLES: 79,
  TICK_REQ_PARAMS: 81,
  HISTORICAL_DATA_UPDATE: 90,
  PNL: 94,
  PNL_SINGLE: 95,
  COMPLETED_ORDER: 101,
  COMPLETED_ORDERS_END: 102,
} as const;

/**
 * MIN_SERVER_VER_* values that add or drop fields between MIN_SERVER_VERSION (157) and MAX_SERVER_VERSION (193).
 * Gates at or below 157 are always open in that range, so the encoders write those fields unconditionally and
 * name the gate in a comment instead.
 */
export const Gate = {
  DURATION: 158,
  POST_TO_ATS: 160,
  AUTO_CANCEL_PARENT: 162,
  FRACTIONAL_SIZE_SUPPORT: 163,
  SIZE_RULES: 164,
  ADVANCED_ORDER_REJECT: 166,
  PEGBEST_PEGMID_OFFSETS: 170,
  BOND_ISSUERID: 176,
  FA_PROFILE_DESUPPORT: 177,
  PENDING_PRICE_REVISION: 178,
  FUND_DATA_FIELDS: 179,
  LAST_TRADE_DATE: 182,
  CUSTOMER_ACCOUNT: 183,
  PROFESSIONAL_CUSTOMER: 184,
  BOND_ACCRUED_INTEREST: 185,
  INELIGIBILITY_REASONS: 186,
  INCLUDE_OVERNIGHT: 189,
  CME_TAGGING_FIELDS_IN_OPEN_ORDER: 193,
} as const;

/**
 * Java's Double.toString(Double.MAX_VALUE), which is how the gateway writes an unset double. Every client reads
 * it as unset whether the field is read as "double" (where '' would mean 0) or "double-max" (where '' also works).
 */
/** The version field of messages whose only version has ever been 1. */
export const V1 = 1;

export const UNSET_DOUBLE = '1.7976931348623157E308';

/** An optional double: the value, or the gateway's unset marker. */
export function maxDouble(value: number | undefined): WireField {
  return value === undefined ? UNSET_DOUBLE : value;
}

/**
 * The gateway writes non-ASCII characters of free text as \uXXXX escapes (MIN_SERVER_VER_ENCODE_MSG_ASCII7 = 153,
 * below our range), and clients unescape exactly the fields that may carry them: error text, the advanced reject
 * JSON and a contract's long name.
 */
export function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The contract block most messages share: conId … currency, localSymbol, tradingClass. `multiplier` is a string
 * field on the wire ('' for none).
 */
export function contractFields(contract: WireContract): WireField[] {
  return [
    contract.conId,
    contract.symbol,
    contract.secType,
    contract.lastTradeDateOrContractMonth,
    contract.strike,
    contract.right,
    contract.multiplier,
    contract.exchange,
    contract.currency,
    contract.localSymbol,
    contract.tradingClass,
  ];
}
