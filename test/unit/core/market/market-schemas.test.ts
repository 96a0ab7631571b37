import { describe, expect, it } from 'vitest';
import {
  BarSchema,
  CHART_RANGES,
  ChartRangeSchema,
  IB_MARKET_DATA_TYPE,
  marketDataTypeFromIb,
  QuoteBatchSchema,
  QuoteSchema,
} from '../../../../src/shared/market';
import { initialQuote } from '../../../../src/core/market/quote-state';

describe('market data type', () => {
  it('maps IB’s 1–4 both ways', () => {
    expect([1, 2, 3, 4].map(marketDataTypeFromIb)).toEqual(['live', 'frozen', 'delayed', 'delayed-frozen']);
    expect(IB_MARKET_DATA_TYPE.delayed).toBe(3);
  });

  it('does not guess for numbers IB does not define', () => {
    for (const code of [0, 5, -1, 1.5]) expect(marketDataTypeFromIb(code)).toBeNull();
  });
});

describe('chart ranges', () => {
  it('ask IB for the duration and bar size of each range, and know the bar length in seconds', () => {
    expect(CHART_RANGES).toEqual({
      '1D': { durationStr: '1 D', barSizeSetting: '1 min', barSeconds: 60 },
      '5D': { durationStr: '5 D', barSizeSetting: '5 mins', barSeconds: 300 },
      '1M': { durationStr: '1 M', barSizeSetting: '1 hour', barSeconds: 3600 },
      '6M': { durationStr: '6 M', barSizeSetting: '1 day', barSeconds: 86_400 },
      '1Y': { durationStr: '1 Y', barSizeSetting: '1 day', barSeconds: 86_400 },
    });
    expect(Object.keys(CHART_RANGES)).toEqual(ChartRangeSchema.options);
  });
});

describe('schemas', () => {
  const quote = (conId: number) => initialQuote(conId, 'X', 'live', 1);

  it('a batch holds at most one quote per instrument', () => {
    expect(QuoteBatchSchema.safeParse({ quotes: [quote(1), quote(2)], seq: 1 }).success).toBe(true);
    expect(QuoteBatchSchema.safeParse({ quotes: [quote(1), quote(1)], seq: 1 }).success).toBe(false);
  });

  it('dropped, when present, is a positive count', () => {
    expect(QuoteBatchSchema.safeParse({ quotes: [], seq: 3, dropped: 2 }).success).toBe(true);
    expect(QuoteBatchSchema.safeParse({ quotes: [], seq: 3, dropped: 0 }).success).toBe(false);
  });

  it('a quote’s prices may be null (not received yet) but not missing or text', () => {
    expect(QuoteSchema.safeParse(quote(1)).success).toBe(true);
    const { bid: _bid, ...missing } = quote(1);
    expect(QuoteSchema.safeParse(missing).success).toBe(false);
    expect(QuoteSchema.safeParse({ ...quote(1), bid: '10' }).success).toBe(false);
    expect(QuoteSchema.safeParse({ ...quote(1), marketDataType: 'realtime' }).success).toBe(false);
  });

  it('a bar needs every value', () => {
    expect(BarSchema.safeParse({ time: 1, open: 1, high: 1, low: 1, close: 1, volume: 0 }).success).toBe(true);
    expect(BarSchema.safeParse({ time: 1, open: 1, high: 1, low: 1, close: 1 }).success).toBe(false);
  });
});
