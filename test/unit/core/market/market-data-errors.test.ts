import { describe, expect, it } from 'vitest';
import { classifyMarketDataError } from '../../../../src/core/market/market-data-errors';

const live = { delayedRequested: false };
const delayed = { delayedRequested: true };

describe('classifyMarketDataError', () => {
  it.each([
    [354, 'Requested market data is not subscribed.'],
    [10089, 'Requested market data requires additional subscription for API. Delayed market data is available.'],
    [10168, 'Requested market data is not subscribed. Delayed market data is not enabled.'],
    [10186, 'Requested market data is not subscribed. Delayed market data is not enabled'],
  ])('%i on a live request → fall back to delayed data, said plainly', (code, text) => {
    const result = classifyMarketDataError(code, text, live);
    expect(result).toEqual({
      kind: 'delayed-fallback',
      code,
      ibText: text,
      message:
        'This login has no real-time market data subscription for this instrument, so Gatehouse shows delayed prices (usually 15 to 20 minutes old) instead.',
    });
  });

  it.each([10090, 10091])('%i (part of the data) also falls back, and says it is only part', (code) => {
    const result = classifyMarketDataError(code, 'Part of requested market data is not subscribed.', live);
    expect(result.kind).toBe('delayed-fallback');
    expect(result.message).toContain('for some of this instrument');
  });

  it.each([354, 10089, 10168, 10186])('%i after delayed was already asked for → stop falling back', (code) => {
    const result = classifyMarketDataError(code, 'x', delayed);
    expect(result.kind).toBe('not-subscribed');
    expect(result.message).toMatch(/no delayed data.*Client Portal/);
  });

  it('a partial refusal after delayed was asked for says some prices stay empty', () => {
    const result = classifyMarketDataError(10090, 'x', delayed);
    expect(result.kind).toBe('not-subscribed');
    expect(result.message).toContain('some prices stay empty');
  });

  it('10167: IB is already sending delayed data, whatever was asked', () => {
    for (const context of [live, delayed]) {
      const result = classifyMarketDataError(10167, 'Displaying delayed market data.', context);
      expect(result.kind).toBe('showing-delayed');
      expect(result.message).toContain('delayed prices (usually 15 to 20 minutes old)');
    }
  });

  it.each([
    [200, 'no-security', /does not know this instrument.*symbol, exchange and currency/],
    [101, 'line-limit', /no market data lines left.*Remove a symbol/],
    [10197, 'competing-session', /active elsewhere/],
  ] as const)('%i → %s', (code, kind, message) => {
    const result = classifyMarketDataError(code, 'IB text', live);
    expect(result.kind).toBe(kind);
    expect(result.message).toMatch(message);
    expect(result.ibText).toBe('IB text');
  });

  it('passes anything else through with IB’s own words', () => {
    expect(classifyMarketDataError(300, "Can't find EId with tickerId:7", live)).toEqual({
      kind: 'other',
      code: 300,
      ibText: "Can't find EId with tickerId:7",
      message: "IB Gateway error 300: Can't find EId with tickerId:7",
    });
  });
});
