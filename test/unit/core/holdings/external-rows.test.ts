import { describe, expect, it } from 'vitest';
import { externalRow, standInConId } from '../../../../src/core/holdings/external-rows';
import { externalAccountId } from '../../../../src/shared/holdings-words';
import type { ExternalHolding } from '../../../../src/shared/holdings';
import type { Listing, Quote } from '../../../../src/shared/market';

const holding = (over: Partial<ExternalHolding> = {}): ExternalHolding => ({
  line: 2,
  symbol: 'AAPL',
  description: 'APPLE INC',
  quantity: 10,
  costBasis: 1500,
  kind: 'security',
  ...over,
});
const listing: Listing = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  exchange: 'SMART',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  description: 'APPLE INC',
};
const quote = (over: Partial<Quote>): Quote =>
  ({ conId: 265598, symbol: 'AAPL', bid: null, ask: null, last: null, close: null, ...over }) as Quote;

describe('externalRow', () => {
  it('values a resolved holding at the last price, with unrealized and daily P&L from cost and close', () => {
    const row = externalRow('EXT-X', holding(), { listing, quote: quote({ last: 200, close: 190 }) });
    expect(row).toMatchObject({
      account: 'EXT-X',
      conId: 265598,
      external: true,
      avgCost: 150,
      marketPrice: 200,
      marketValue: 2000,
      unrealizedPnl: 500,
      dailyPnl: 100,
    });
    expect(row.priceNote).toBeUndefined();
  });

  it('falls back to the midpoint without a last trade', () => {
    expect(externalRow('EXT-X', holding(), { listing, quote: quote({ bid: 99, ask: 101 }) }).marketPrice).toBe(100);
  });

  it('says "no IBKR price" for a symbol IBKR does not resolve, and nothing while it is still asking', () => {
    expect(externalRow('EXT-X', holding({ symbol: 'ZZZQX' }), { listing: null, quote: undefined })).toMatchObject({
      conId: standInConId('ZZZQX'),
      marketPrice: null,
      marketValue: null,
      priceNote: 'no IBKR price',
    });
    expect(externalRow('EXT-X', holding(), undefined).priceNote).toBeUndefined();
  });

  it('says why a resolved symbol has no price when every market data line is in use', () => {
    const row = externalRow('EXT-X', holding(), { listing, quote: undefined, noLine: 'all 100 lines are in use' });
    expect(row).toMatchObject({
      conId: 265598,
      marketPrice: null,
      priceNote: 'no IBKR price: all 100 lines are in use',
    });
  });

  it('keeps cash at its amount', () => {
    expect(externalRow('EXT-X', holding({ symbol: 'CASH', kind: 'cash', quantity: 250 }), undefined)).toMatchObject({
      marketPrice: 1,
      marketValue: 250,
      secType: 'CASH',
    });
  });
});

describe('ids', () => {
  it('gives stand-in contract ids that are negative and the same for a symbol everywhere', () => {
    expect(standInConId('ZZZQX')).toBeLessThan(0);
    expect(standInConId('ZZZQX')).toBe(standInConId('ZZZQX'));
    expect(standInConId('ZZZQX')).not.toBe(standInConId('ZZZQY'));
  });

  it('names an external account from the person’s name, so a re-import under it replaces', () => {
    expect(externalAccountId('Fidelity 401k')).toBe('EXT-FIDELITY-401K');
    expect(externalAccountId('  schwab / joint ')).toBe('EXT-SCHWAB-JOINT');
    expect(externalAccountId('***')).toBe('EXT-ACCOUNT');
  });
});
