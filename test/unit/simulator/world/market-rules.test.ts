import { describe, expect, it } from 'vitest';
import { firstBarTime, marketRule, marketRuleIdOf, MarketRuleId } from '../../../../src/simulator/world';
import { AAPL, aaplOption, conIdOf, ES, makeWorld } from './fixtures';

describe('market rules', () => {
  it('spell out the US stock, US option, futures and FX increments', () => {
    expect(marketRule(MarketRuleId.US_STOCK)).toEqual([
      { lowEdge: 0, increment: 0.0001 },
      { lowEdge: 1, increment: 0.01 },
    ]);
    expect(marketRule(MarketRuleId.US_OPTION)).toEqual([
      { lowEdge: 0, increment: 0.01 },
      { lowEdge: 3, increment: 0.05 },
    ]);
    expect(marketRule(MarketRuleId.CME_ES)).toEqual([{ lowEdge: 0, increment: 0.25 }]);
    expect(marketRule(MarketRuleId.IDEALPRO_FX)).toEqual([{ lowEdge: 0, increment: 0.00005 }]);
    expect(marketRule(4242)).toBeUndefined();
  });

  it('give every instrument a rule whose increments include its minTick, lowest band from 0', () => {
    const world = makeWorld();
    for (const instrument of world.instruments()) {
      const bands = marketRule(marketRuleIdOf(instrument));
      expect(bands, instrument.localSymbol).toBeDefined();
      expect(bands?.[0]?.lowEdge).toBe(0);
      expect(bands?.map((band) => band.increment)).toContain(instrument.minTick);
    }
  });
});

describe('the first bar', () => {
  const world = makeWorld();
  const aapl = conIdOf(world, AAPL);

  it('is where historical bars stop, whatever the duration asked', () => {
    const first = firstBarTime(world.instrument(aapl) ?? { secType: 'STK', lastTradeDate: '' });
    const daily = 86_400;
    const bars = world.historicalBars(aapl, {
      endTime: first + 10 * daily,
      durationSeconds: 30 * daily,
      barSizeSeconds: daily,
      whatToShow: 'TRADES',
    });
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.length).toBeLessThanOrEqual(10);
    expect(Math.min(...bars.map((bar) => bar.time))).toBeGreaterThanOrEqual(first);
  });

  it('of a derivative is a year before it expires; of a stock, a fixed first session', () => {
    const option = world.instrument(conIdOf(world, aaplOption('C', 230)));
    const future = world.instrument(conIdOf(world, ES));
    for (const derivative of [option, future]) {
      const expiry = Date.parse(
        `${derivative?.lastTradeDate.slice(0, 4)}-${derivative?.lastTradeDate.slice(4, 6)}-${derivative?.lastTradeDate.slice(6, 8)}T00:00:00Z`,
      );
      const first = firstBarTime(derivative ?? { secType: 'FUT', lastTradeDate: '' }) * 1000;
      expect(expiry - first).toBeGreaterThan(364 * 86_400_000);
      expect(expiry - first).toBeLessThan(366 * 86_400_000);
    }
    expect(new Date(firstBarTime({ secType: 'STK', lastTradeDate: '' }) * 1000).toISOString()).toBe(
      '1980-12-12T14:30:00.000Z',
    );
  });
});
