import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/simulator/world';

describe('synthetic stocks for load tests', () => {
  it('are absent by default', () => {
    const world = new World({ seed: 1 });
    expect(world.findInstruments({ symbol: 'SYN001' })).toEqual([]);
  });

  it('add that many distinct, quotable NYSE stocks after the catalog', () => {
    const plain = new World({ seed: 1 }).instruments();
    const world = new World({ seed: 1, syntheticStocks: 200 });
    const synthetic = world.instruments().slice(plain.length);
    expect(synthetic).toHaveLength(200);
    expect(synthetic[0]?.symbol).toBe('SYN001');
    expect(synthetic.at(-1)?.symbol).toBe('SYN200');
    expect(new Set(world.instruments().map((i) => i.conId)).size).toBe(plain.length + 200);
    for (const instrument of synthetic) {
      expect(instrument).toMatchObject({ secType: 'STK', exchange: 'SMART', primaryExchange: 'NYSE', currency: 'USD' });
      const quote = world.quote(instrument.conId);
      expect(quote.bid).toBeGreaterThan(0);
      expect(quote.ask).toBeGreaterThan(quote.bid);
    }
    // The real catalog comes first, unchanged.
    expect(world.instruments().slice(0, plain.length)).toEqual(plain);
  });

  it('refuses a count it cannot honour', () => {
    expect(() => new World({ seed: 1, syntheticStocks: -1 })).toThrow(/syntheticStocks/);
    expect(() => new World({ seed: 1, syntheticStocks: 2.5 })).toThrow(/syntheticStocks/);
  });
});
