import { describe, expect, it } from 'vitest';
import { AAPL, roundTrip } from './client-encoder';

describe.each([157, 176, 193])('market depth requests at server version %i', (v) => {
  it('reads reqMktDepth with its rows and SMART flag', () => {
    const request = roundTrip(v, 'reqMktDepth', (e) => e.reqMktDepth(51, AAPL, 5, true, []));
    expect(request).toMatchObject({ reqId: 51, numRows: 5, isSmartDepth: true });
    expect(request.contract).toMatchObject({ conId: 265598, symbol: 'AAPL', primaryExchange: 'NASDAQ' });
  });

  it('reads cancelMktDepth with its SMART flag', () => {
    expect(roundTrip(v, 'cancelMktDepth', (e) => e.cancelMktDepth(51, true))).toEqual({
      type: 'cancelMktDepth',
      reqId: 51,
      isSmartDepth: true,
    });
  });
});
