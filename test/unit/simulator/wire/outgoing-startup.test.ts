import { describe, expect, it } from 'vitest';
import type { StartupMessage } from '../../../../src/simulator/wire/messages-startup';
import { encodeMessage } from '../../../../src/simulator/wire/outgoing';
import { argsOf, decode, decodeFields, expectClean, VERSIONS } from './client-decoder';

/** The start-up answers, read back by @stoqey/ib's strict decoder at every server version the simulator speaks. */

interface Case {
  message: StartupMessage;
  event: string;
  args: unknown[];
}

const CASES: Record<StartupMessage['type'], Case[]> = {
  accountUpdateMulti: [
    {
      message: {
        type: 'accountUpdateMulti',
        reqId: 9,
        account: 'DU1000001',
        modelCode: '',
        key: 'NetLiquidation',
        value: '250000.00',
        currency: 'USD',
      },
      event: 'accountUpdateMulti',
      args: [9, 'DU1000001', '', 'NetLiquidation', '250000.00', 'USD'],
    },
  ],
  // @stoqey/ib reads this request id as text.
  accountUpdateMultiEnd: [
    { message: { type: 'accountUpdateMultiEnd', reqId: 9 }, event: 'accountUpdateMultiEnd', args: ['9'] },
  ],
  familyCodes: [
    {
      message: {
        type: 'familyCodes',
        codes: [
          { accountId: 'DU1000001', familyCode: '' },
          { accountId: 'DU1000002', familyCode: '' },
        ],
      },
      event: 'familyCodes',
      args: [
        [
          { accountID: 'DU1000001', familyCode: '' },
          { accountID: 'DU1000002', familyCode: '' },
        ],
      ],
    },
  ],
  userInfo: [{ message: { type: 'userInfo', reqId: 3, whiteBrandingId: '' }, event: 'userInfo', args: [3, ''] }],
  softDollarTiers: [
    { message: { type: 'softDollarTiers', reqId: 4, tiers: [] }, event: 'softDollarTiers', args: [4, []] },
    {
      message: { type: 'softDollarTiers', reqId: 5, tiers: [{ name: 'n', value: 'v', displayName: 'd' }] },
      event: 'softDollarTiers',
      args: [5, [{ name: 'n', value: 'v', displayName: 'd' }]],
    },
  ],
  newsProviders: [
    { message: { type: 'newsProviders', providers: [] }, event: 'newsProviders', args: [[]] },
    {
      message: { type: 'newsProviders', providers: [{ code: 'BRFG', name: 'Briefing.com' }] },
      event: 'newsProviders',
      args: [[{ providerCode: 'BRFG', providerName: 'Briefing.com' }]],
    },
  ],
  marketRule: [
    {
      message: {
        type: 'marketRule',
        marketRuleId: 26,
        increments: [
          { lowEdge: 0, increment: 0.0001 },
          { lowEdge: 1, increment: 0.01 },
        ],
      },
      event: 'marketRule',
      args: [
        26,
        [
          { lowEdge: 0, increment: 0.0001 },
          { lowEdge: 1, increment: 0.01 },
        ],
      ],
    },
  ],
  smartComponents: [
    {
      message: {
        type: 'smartComponents',
        reqId: 6,
        components: [{ bitNumber: 2, exchange: 'NASDAQ', exchangeLetter: 'Q' }],
      },
      event: 'smartComponents',
      args: [6, new Map([[2, ['NASDAQ', 'Q']]])],
    },
  ],
  mktDepthExchanges: [
    {
      message: {
        type: 'mktDepthExchanges',
        exchanges: [
          { exchange: 'ISLAND', secType: 'STK', listingExchange: 'NASDAQ', serviceDataType: 'Deep2', aggGroup: 1 },
          { exchange: 'CME', secType: 'FUT', listingExchange: '', serviceDataType: 'Deep', aggGroup: undefined },
        ],
      },
      event: 'mktDepthExchanges',
      args: [
        [
          { exchange: 'ISLAND', secType: 'STK', listingExch: 'NASDAQ', serviceDataType: 'Deep2', aggGroup: 1 },
          { exchange: 'CME', secType: 'FUT', listingExch: '', serviceDataType: 'Deep', aggGroup: undefined },
        ],
      ],
    },
  ],
  newsBulletin: [
    {
      message: { type: 'newsBulletin', msgId: 1, msgType: 1, message: 'Trading halted in XYZ', originExchange: 'NYSE' },
      event: 'updateNewsBulletin',
      args: [1, 1, 'Trading halted in XYZ', 'NYSE'],
    },
  ],
  headTimestamp: [
    {
      message: { type: 'headTimestamp', reqId: 7, timestamp: '19801212-14:30:00' },
      event: 'headTimestamp',
      args: [7, '19801212-14:30:00'],
    },
  ],
};

const ALL = Object.values(CASES).flat();

describe.each(VERSIONS)('start-up answers at server version %i', (serverVersion) => {
  it.each(ALL.map((c) => [c.message.type, c] as const))('%s', (_type, testCase) => {
    const decoded = decode(serverVersion, testCase.message);
    expectClean(decoded);
    expect(argsOf(decoded, testCase.event)).toEqual(testCase.args);
  });
});

describe('start-up answer layouts', () => {
  it('writes the fields IB Gateway writes', () => {
    expect(encodeMessage(178, { type: 'accountUpdateMultiEnd', reqId: 9 })).toEqual([74, 1, 9]);
    expect(encodeMessage(178, { type: 'userInfo', reqId: 3, whiteBrandingId: '' })).toEqual([107, 3, '']);
    expect(encodeMessage(178, { type: 'familyCodes', codes: [{ accountId: 'DU1', familyCode: '' }] })).toEqual([
      78,
      1,
      'DU1',
      '',
    ]);
  });

  it('a depth exchange without its aggGroup field is an underrun for the client', () => {
    const fields = encodeMessage(193, {
      type: 'mktDepthExchanges',
      exchanges: [{ exchange: 'CME', secType: 'FUT', listingExchange: '', serviceDataType: 'Deep', aggGroup: 1 }],
    });
    const decoded = decodeFields(193, fields.slice(0, -1));
    expect(decoded.errors.map((error) => error.message)).toEqual([expect.stringContaining('Underrun')]);
  });
});
