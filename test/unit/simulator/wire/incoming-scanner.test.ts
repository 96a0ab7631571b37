import { Instrument, LocationCode, ScanCode } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { roundTrip } from './client-encoder';

describe.each([157, 176, 193])('scanner requests at server version %i', (v) => {
  it('reads reqScannerParameters', () => {
    expect(roundTrip(v, 'reqScannerParameters', (e) => e.reqScannerParameters())).toEqual({
      type: 'reqScannerParameters',
    });
  });

  it('reads reqScannerSubscription with its scan, rows and price and volume filters', () => {
    const request = roundTrip(v, 'reqScannerSubscription', (e) =>
      e.reqScannerSubscription(
        61,
        {
          instrument: Instrument.STK,
          locationCode: LocationCode.STK_US_MAJOR,
          scanCode: ScanCode.MOST_ACTIVE,
          numberOfRows: 10,
          abovePrice: 5,
          aboveVolume: 1000,
        },
        [{ tag: 'a', value: 'b' }],
        [{ tag: 'priceAbove', value: '5' }],
      ),
    );
    expect(request).toEqual({
      type: 'reqScannerSubscription',
      reqId: 61,
      numberOfRows: 10,
      instrument: 'STK',
      locationCode: 'STK.US.MAJOR',
      scanCode: 'MOST_ACTIVE',
      abovePrice: 5,
      belowPrice: undefined,
      aboveVolume: 1000,
    });
  });

  it('reads an unset row count as unset, and cancelScannerSubscription', () => {
    const request = roundTrip(v, 'reqScannerSubscription', (e) =>
      e.reqScannerSubscription(62, { scanCode: ScanCode.TOP_PERC_GAIN }, []),
    );
    expect(request.numberOfRows).toBeUndefined();
    expect(roundTrip(v, 'cancelScannerSubscription', (e) => e.cancelScannerSubscription(62))).toEqual({
      type: 'cancelScannerSubscription',
      reqId: 62,
    });
  });
});
