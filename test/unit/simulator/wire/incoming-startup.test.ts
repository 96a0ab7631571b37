import { type Contract, SecType, WhatToShow } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../../../src/simulator/wire/incoming';
import { WireError } from '../../../../src/simulator/wire/messages';
import { roundTrip, wire } from './client-encoder';

/** The start-up and reference requests as @stoqey/ib encodes them, decoded with nothing missing or left over. */

const VERSIONS = [157, 163, 167, 176, 183, 190, 193] as const;
/** MIN_SERVER_VER_USER_INFO: the client refuses to send reqUserInfo below it. */
const USER_INFO = 167;

const AAPL: Contract = {
  conId: 265598,
  symbol: 'AAPL',
  secType: SecType.STK,
  exchange: 'SMART',
  primaryExch: 'NASDAQ',
  currency: 'USD',
  localSymbol: 'AAPL',
};

describe.each(VERSIONS)('start-up requests at server version %i', (v) => {
  it('reqAccountUpdatesMulti and its cancel', () => {
    expect(roundTrip(v, 'reqAccountUpdatesMulti', (e) => e.reqAccountUpdatesMulti(40, 'DU1000002', '', true))).toEqual({
      type: 'reqAccountUpdatesMulti',
      reqId: 40,
      account: 'DU1000002',
      modelCode: '',
      ledgerAndNLV: true,
    });
    expect(roundTrip(v, 'cancelAccountUpdatesMulti', (e) => e.cancelAccountUpdatesMulti(40))).toEqual({
      type: 'cancelAccountUpdatesMulti',
      reqId: 40,
    });
  });

  it('the requests without arguments', () => {
    expect(roundTrip(v, 'reqFamilyCodes', (e) => e.reqFamilyCodes())).toEqual({ type: 'reqFamilyCodes' });
    expect(roundTrip(v, 'reqNewsProviders', (e) => e.reqNewsProviders())).toEqual({ type: 'reqNewsProviders' });
    expect(roundTrip(v, 'reqMktDepthExchanges', (e) => e.reqMktDepthExchanges())).toEqual({
      type: 'reqMktDepthExchanges',
    });
    expect(roundTrip(v, 'cancelNewsBulletins', (e) => e.cancelNewsBulletins())).toEqual({
      type: 'cancelNewsBulletins',
    });
  });

  it('the requests with a request id or a rule id', () => {
    if (v >= USER_INFO)
      expect(roundTrip(v, 'reqUserInfo', (e) => e.reqUserInfo(41))).toEqual({ type: 'reqUserInfo', reqId: 41 });
    expect(roundTrip(v, 'reqSoftDollarTiers', (e) => e.reqSoftDollarTiers(42))).toEqual({
      type: 'reqSoftDollarTiers',
      reqId: 42,
    });
    expect(roundTrip(v, 'reqMarketRule', (e) => e.reqMarketRule(26))).toEqual({
      type: 'reqMarketRule',
      marketRuleId: 26,
    });
    expect(roundTrip(v, 'reqSmartComponents', (e) => e.reqSmartComponents(43, '9c0001'))).toEqual({
      type: 'reqSmartComponents',
      reqId: 43,
      bboExchange: '9c0001',
    });
    expect(roundTrip(v, 'reqNewsBulletins', (e) => e.reqNewsBulletins(true))).toEqual({
      type: 'reqNewsBulletins',
      allMessages: true,
    });
  });

  it('reqHeadTimestamp and its cancel', () => {
    const request = roundTrip(v, 'reqHeadTimestamp', (e) => e.reqHeadTimestamp(44, AAPL, WhatToShow.TRADES, true, 2));
    expect(request).toMatchObject({ reqId: 44, useRTH: true, whatToShow: 'TRADES', formatDate: 2 });
    expect(request.contract).toMatchObject({ conId: 265598, symbol: 'AAPL', primaryExchange: 'NASDAQ' });
    expect(roundTrip(v, 'cancelHeadTimestamp', (e) => e.cancelHeadTimestamp(44))).toEqual({
      type: 'cancelHeadTimestamp',
      reqId: 44,
    });
  });

  it('reqFundamentalData, whose contract is the short form, and its cancel', () => {
    const request = roundTrip(v, 'reqFundamentalData', (e) => e.reqFundamentalData(45, AAPL, 'ReportSnapshot', []));
    expect(request).toMatchObject({ reqId: 45, reportType: 'ReportSnapshot' });
    expect(request.contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      primaryExchange: 'NASDAQ',
      currency: 'USD',
      localSymbol: 'AAPL',
    });
    expect(roundTrip(v, 'cancelFundamentalData', (e) => e.cancelFundamentalData(45))).toEqual({
      type: 'cancelFundamentalData',
      reqId: 45,
    });
  });

  it('a request cut short or with a field left over is a WireError naming the request', () => {
    const fields = wire(v, (e) => e.reqHeadTimestamp(46, AAPL, WhatToShow.TRADES, true, 1));
    expect(() => decodeRequest(v, fields.slice(0, -1))).toThrow(/REQ_HEAD_TIMESTAMP.*"formatDate"/);
    let error: unknown;
    try {
      decodeRequest(v, [...wire(v, (e) => e.reqAccountUpdatesMulti(47, 'All', '', false)), 'extra']);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(WireError);
    expect((error as WireError).reqId).toBe(47);
  });
});
