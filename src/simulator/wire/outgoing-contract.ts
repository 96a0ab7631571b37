import type { WireContract, WireContractDetails, WireField } from './messages';
import { escapeNonAscii, Gate, OutMsgId } from './outgoing-common';

/** CONTRACT_DATA's version field, sent until SIZE_RULES (164) dropped it; clients then assume 8. */
const CONTRACT_DATA_VERSION = 8;

/**
 * The gateway appends the last trade time (and the exchange's time zone) to the expiry, space-separated, as in
 * '20240119 16:00:00 US/Eastern'; clients split it back into lastTradeDateOrContractMonth and lastTradeTime.
 */
function expiryField(details: WireContractDetails): string {
  const { contract, lastTradeTime, timeZoneId } = details;
  if (!contract.lastTradeDateOrContractMonth || !lastTradeTime) return contract.lastTradeDateOrContractMonth;
  return [contract.lastTradeDateOrContractMonth, lastTradeTime, timeZoneId].filter(Boolean).join(' ');
}

/** LAST_TRADE_DATE (182): the last trading day on its own; only a full YYYYMMDD expiry names one. */
function lastTradeDate(contract: WireContract): string {
  return /^\d{8}$/.test(contract.lastTradeDateOrContractMonth) ? contract.lastTradeDateOrContractMonth : '';
}

export function encodeContractData(serverVersion: number, reqId: number, details: WireContractDetails): WireField[] {
  const { contract } = details;
  const f: WireField[] = [OutMsgId.CONTRACT_DATA];
  if (serverVersion < Gate.SIZE_RULES) f.push(CONTRACT_DATA_VERSION);
  f.push(reqId, contract.symbol, contract.secType, expiryField(details));
  if (serverVersion >= Gate.LAST_TRADE_DATE) f.push(lastTradeDate(contract));
  f.push(
    contract.strike,
    contract.right,
    contract.exchange,
    contract.currency,
    contract.localSymbol,
    details.marketName,
    contract.tradingClass,
    contract.conId,
    details.minTick,
  );
  // mdSizeMultiplier: MD_SIZE_MULTIPLIER (110) until SIZE_RULES (164) retired it.
  if (serverVersion < Gate.SIZE_RULES) f.push(1);
  f.push(
    contract.multiplier,
    details.orderTypes,
    details.validExchanges,
    details.priceMagnifier,
    details.underConId,
    escapeNonAscii(details.longName),
    contract.primaryExchange,
    details.contractMonth,
    details.industry,
    details.category,
    details.subcategory,
    details.timeZoneId,
    details.tradingHours,
    details.liquidHours,
    '', // evRule
    0, // evMultiplier
  );
  // secIdList: the contract's one security id (e.g. its ISIN), when it has one.
  if (contract.secIdType && contract.secId) f.push(1, contract.secIdType, contract.secId);
  else f.push(0);
  f.push(0); // aggGroup (AGG_GROUP 121)
  f.push(details.underSymbol, details.underSecType); // UNDERLYING_INFO 122
  f.push(details.marketRuleIds); // MARKET_RULES 126
  f.push(details.realExpirationDate); // REAL_EXPIRATION_DATE 134
  f.push(details.stockType); // STOCK_TYPE 152
  // sizeMinTick between FRACTIONAL_SIZE_SUPPORT (163) and SIZE_RULES (164), then the three size rules.
  if (serverVersion >= Gate.FRACTIONAL_SIZE_SUPPORT && serverVersion < Gate.SIZE_RULES) f.push(details.sizeIncrement);
  if (serverVersion >= Gate.SIZE_RULES) f.push(details.minSize, details.sizeIncrement, details.suggestedSizeIncrement);
  if (serverVersion >= Gate.FUND_DATA_FIELDS && contract.secType === 'FUND') {
    // Mutual-fund block: name … managementFee, three closed flags, notify amount … territories, policy, asset type.
    f.push('', '', '', '', '', '', '', false, false, false, '', '', '', '', '', '', '');
  }
  if (serverVersion >= Gate.INELIGIBILITY_REASONS) f.push(0); // ineligibility reasons count
  return f;
}

export function encodeSymbolSamples(
  serverVersion: number,
  reqId: number,
  samples: readonly { contract: WireContract; derivativeSecTypes: readonly string[] }[],
): WireField[] {
  const f: WireField[] = [OutMsgId.SYMBOL_SAMPLES, reqId, samples.length];
  for (const { contract, derivativeSecTypes } of samples) {
    f.push(contract.conId, contract.symbol, contract.secType, contract.primaryExchange, contract.currency);
    f.push(derivativeSecTypes.length, ...derivativeSecTypes);
    if (serverVersion >= Gate.BOND_ISSUERID) f.push(contract.description, contract.issuerId);
  }
  return f;
}
