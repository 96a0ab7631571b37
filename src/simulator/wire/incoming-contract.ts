import type { FieldReader } from './field-reader';
import { emptyContract, type WireContract } from './messages';

/**
 * Contract pieces shared by the request decoders. At every server version the simulator speaks (157+),
 * reqMktData, reqHistoricalData, reqContractDetails and placeOrder all start their contract with the same
 * twelve fields; they differ only in what follows. exerciseOptions sends the same fields but the primary
 * exchange.
 */
export function readContractCore(r: FieldReader, withPrimaryExchange = true): WireContract {
  const contract = emptyContract();
  contract.conId = r.readInt('contract.conId');
  contract.symbol = r.readString('contract.symbol');
  contract.secType = r.readString('contract.secType');
  contract.lastTradeDateOrContractMonth = r.readString('contract.lastTradeDateOrContractMonth');
  contract.strike = r.readDoubleOrUnset('contract.strike') ?? 0;
  contract.right = r.readString('contract.right');
  contract.multiplier = r.readString('contract.multiplier');
  contract.exchange = r.readString('contract.exchange');
  if (withPrimaryExchange) contract.primaryExchange = r.readString('contract.primaryExch');
  contract.currency = r.readString('contract.currency');
  contract.localSymbol = r.readString('contract.localSymbol');
  contract.tradingClass = r.readString('contract.tradingClass');
  return contract;
}

/** Clients compare the security type case-insensitively when deciding to send combo fields, so must we. */
export function isBag(contract: WireContract): boolean {
  return contract.secType.toUpperCase() === 'BAG';
}

/** A list length: a negative or absurd count is a corrupt message, not an empty list. */
export function readCount(r: FieldReader, name: string): number {
  const count = r.readInt(name);
  if (count < 0) r.fail(`Field "${name}" should be a count but was ${count}`);
  return count;
}

/** The short combo-leg form of market-data requests: conId, ratio, action, exchange per leg. */
export function skipDataComboLegs(r: FieldReader): number {
  const count = readCount(r, 'comboLegs.count');
  for (let i = 0; i < count; i++) {
    r.readInt(`comboLegs[${i}].conId`);
    r.readInt(`comboLegs[${i}].ratio`);
    r.readString(`comboLegs[${i}].action`);
    r.readString(`comboLegs[${i}].exchange`);
  }
  return count;
}

/** A presence flag, then conId, delta and price when present. */
export function skipDeltaNeutralContract(r: FieldReader): void {
  if (!r.readBool('deltaNeutralContract.present')) return;
  r.readInt('deltaNeutralContract.conId');
  r.readDouble('deltaNeutralContract.delta');
  r.readDouble('deltaNeutralContract.price');
}
