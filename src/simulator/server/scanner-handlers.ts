import {
  isScanCode,
  scan,
  scannerParametersXml,
  SCAN_INSTRUMENT,
  SCAN_LOCATION,
  type ScanCode,
  type ScanFilter,
} from '../world/scanner';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { wireContractDetails } from './wire-mapping';

/** reqScannerParameters and scanner subscriptions, re-sent as the gateway refreshes them. */

/** IBKR refreshes a scanner subscription about every 30 seconds. */
export const SCANNER_REFRESH_MS = 30_000;

export interface ScannerSubscription {
  reqId: number;
  code: ScanCode;
  filter: ScanFilter;
  sentAt: number;
}

function sendScan(context: GatewayContext, connection: ApiConnection, subscription: ScannerSubscription): void {
  const candidates = context.world
    .instruments()
    .map((instrument) => ({ instrument, quote: context.world.quote(instrument.conId) }));
  const rows = scan(subscription.code, candidates, subscription.filter).map((instrument, rank) => {
    const details = wireContractDetails(instrument, undefined);
    return {
      rank,
      contract: details.contract,
      marketName: details.marketName,
      distance: '',
      benchmark: '',
      projection: '',
      legs: '',
    };
  });
  subscription.sentAt = context.now();
  connection.send({ type: 'scannerData', reqId: subscription.reqId, rows });
}

export const scannerHandlers: HandlerTable = {
  reqScannerParameters(_context, connection) {
    connection.send({ type: 'scannerParameters', xml: scannerParametersXml() });
  },

  reqScannerSubscription(context, connection, request) {
    const { reqId, scanCode, instrument, locationCode } = request;
    if (!isScanCode(scanCode)) {
      validationError(connection, reqId, `Scanner: unknown scan code "${scanCode}" (see reqScannerParameters).`);
      return;
    }
    if (instrument !== SCAN_INSTRUMENT || locationCode !== SCAN_LOCATION) {
      validationError(connection, reqId, `Scanner: the simulator scans ${SCAN_INSTRUMENT} at ${SCAN_LOCATION} only.`);
      return;
    }
    const subscription: ScannerSubscription = {
      reqId,
      code: scanCode,
      filter: {
        rows: request.numberOfRows,
        abovePrice: request.abovePrice,
        belowPrice: request.belowPrice,
        aboveVolume: request.aboveVolume,
      },
      sentAt: context.now(),
    };
    connection.subs.scanners.set(reqId, subscription);
    sendScan(context, connection, subscription);
  },

  cancelScannerSubscription(_context, connection, { reqId }) {
    connection.subs.scanners.delete(reqId);
  },
};

/** Re-sends each scanner subscription whose refresh period is over. */
export function refreshScanners(context: GatewayContext, connection: ApiConnection): void {
  const now = context.now();
  for (const subscription of connection.subs.scanners.values())
    if (now - subscription.sentAt >= SCANNER_REFRESH_MS) sendScan(context, connection, subscription);
}
