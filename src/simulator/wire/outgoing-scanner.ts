import { type WireField } from './messages';
import { type ScannerMessage } from './messages-scanner';
import { contractFields } from './outgoing-common';

/**
 * SCANNER_PARAMETERS (19, version 1) and SCANNER_DATA (20, version 3: conId per row (3) and the legs string
 * (2)). A result set is one message: its row count, then the rows; clients report scannerDataEnd after the
 * last row, so no end marker travels on the wire.
 */

const SCANNER_PARAMETERS = 19;
const SCANNER_DATA = 20;
const SCANNER_DATA_VERSION = 3;

export function encodeScannerMessage(message: ScannerMessage): WireField[] {
  if (message.type === 'scannerParameters') return [SCANNER_PARAMETERS, 1, message.xml];
  const fields: WireField[] = [SCANNER_DATA, SCANNER_DATA_VERSION, message.reqId, message.rows.length];
  for (const row of message.rows) {
    // The common contract block without its multiplier, and the market name before the trading class.
    const [conId, symbol, secType, lastTrade, strike, right, , exchange, currency, localSymbol, tradingClass] =
      contractFields(row.contract);
    fields.push(row.rank, conId, symbol, secType, lastTrade, strike, right, exchange, currency, localSymbol);
    fields.push(row.marketName, tradingClass, row.distance, row.benchmark, row.projection, row.legs);
  }
  return fields;
}
