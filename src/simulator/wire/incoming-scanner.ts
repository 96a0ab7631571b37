import { type FieldReader } from './field-reader';
import { type ClientMsgName } from './incoming-ids';
import { type ScannerRequest } from './messages-scanner';

/**
 * Decoders of the scanner requests. From SCANNER_GENERIC_OPTS (143) reqScannerSubscription has no version
 * field and ends with the filter options, then the subscription options (LINKING, 70): fixed across 157..193.
 */

type ScannerDecoder = (r: FieldReader) => ScannerRequest;

export const scannerDecoders: Partial<Record<ClientMsgName, ScannerDecoder>> = {
  REQ_SCANNER_PARAMETERS: (r) => {
    r.readInt('version');
    return { type: 'reqScannerParameters' };
  },
  REQ_SCANNER_SUBSCRIPTION: (r) => {
    const reqId = r.readRequestId();
    const request: ScannerRequest = {
      type: 'reqScannerSubscription',
      reqId,
      numberOfRows: r.readIntOrUnset('numberOfRows'),
      instrument: r.readString('instrument'),
      locationCode: r.readString('locationCode'),
      scanCode: r.readString('scanCode'),
      abovePrice: r.readDoubleOrUnset('abovePrice'),
      belowPrice: r.readDoubleOrUnset('belowPrice'),
      aboveVolume: r.readIntOrUnset('aboveVolume'),
    };
    // Filters the simulated scans do not apply: read so that every field is accounted for.
    for (const name of ['marketCapAbove', 'marketCapBelow']) r.readDoubleOrUnset(name);
    for (const name of ['moodyRatingAbove', 'moodyRatingBelow', 'spRatingAbove', 'spRatingBelow']) r.readString(name);
    for (const name of ['maturityDateAbove', 'maturityDateBelow']) r.readString(name);
    for (const name of ['couponRateAbove', 'couponRateBelow']) r.readDoubleOrUnset(name);
    r.readBool('excludeConvertible');
    r.readIntOrUnset('averageOptionVolumeAbove');
    r.readString('scannerSettingPairs');
    r.readString('stockTypeFilter');
    r.readString('scannerSubscriptionFilterOptions');
    r.readString('scannerSubscriptionOptions');
    return request;
  },
  CANCEL_SCANNER_SUBSCRIPTION: (r) => {
    r.readInt('version');
    return { type: 'cancelScannerSubscription', reqId: r.readRequestId() };
  },
};
