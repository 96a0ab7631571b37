import { TickByTickDataType } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../../../src/simulator/wire/incoming';
import { AAPL, roundTrip, thrown, wire } from './client-encoder';

const VERSIONS = [157, 163, 176, 187, 193] as const;

describe.each(VERSIONS)('tick-by-tick and real-time bar requests at server version %i', (v) => {
  it('reads reqTickByTickData with its tick type, number of ticks and ignoreSize', () => {
    const request = roundTrip(v, 'reqTickByTickData', (e) =>
      e.reqTickByTickData(31, AAPL, TickByTickDataType.BidAsk, 10, true),
    );
    expect(request).toMatchObject({ reqId: 31, tickType: 'BidAsk', numberOfTicks: 10, ignoreSize: true });
    expect(request.contract).toMatchObject({ conId: 265598, symbol: 'AAPL', primaryExchange: 'NASDAQ' });
  });

  it('reads cancelTickByTickData', () => {
    expect(roundTrip(v, 'cancelTickByTickData', (e) => e.cancelTickByTickData(31))).toEqual({
      type: 'cancelTickByTickData',
      reqId: 31,
    });
  });

  it('reads reqRealTimeBars with its bar size, whatToShow and useRTH', () => {
    const request = roundTrip(v, 'reqRealTimeBars', (e) => e.reqRealTimeBars(32, AAPL, 5, 'MIDPOINT', true, []));
    expect(request).toMatchObject({ reqId: 32, barSize: 5, whatToShow: 'MIDPOINT', useRTH: true });
    expect(request.contract).toMatchObject({ conId: 265598, symbol: 'AAPL', currency: 'USD' });
  });

  it('reads cancelRealTimeBars', () => {
    expect(roundTrip(v, 'cancelRealTimeBars', (e) => e.cancelRealTimeBars(32))).toEqual({
      type: 'cancelRealTimeBars',
      reqId: 32,
    });
  });

  it('reads reqHistoricalTicks with its window, count, whatToShow and flags', () => {
    const request = roundTrip(v, 'reqHistoricalTicks', (e) =>
      e.reqHistoricalTicks(34, AAPL, '', '20250610 15:00:00 UTC', 100, 'BID_ASK', true, false, []),
    );
    expect(request).toMatchObject({
      reqId: 34,
      startDateTime: '',
      endDateTime: '20250610 15:00:00 UTC',
      numberOfTicks: 100,
      whatToShow: 'BID_ASK',
      useRth: true,
      ignoreSize: false,
    });
    expect(request.contract).toMatchObject({ conId: 265598, includeExpired: false });
  });

  it('refuses a reqTickByTickData cut short or with a field too many, naming the request', () => {
    const fields = wire(v, (e) => e.reqTickByTickData(33, AAPL, TickByTickDataType.Last, 0, false));
    for (const bad of [fields.slice(0, -1), [...fields, 'extra']]) {
      expect(thrown(() => decodeRequest(v, bad))).toMatchObject({ msgId: 97, reqId: 33 });
    }
  });
});
