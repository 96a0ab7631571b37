import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/simulator/world';
import { aaplOption, AAPL, conIdOf, makeWorld, NOW, onTick } from './fixtures';

describe('the seeded market', () => {
  it('is the same world for the same seed: instruments, quotes and every tick', () => {
    const a = makeWorld(42);
    const b = makeWorld(42);
    expect(b.instruments()).toEqual(a.instruments());
    expect(b.instruments().map((i) => b.quote(i.conId))).toEqual(a.instruments().map((i) => a.quote(i.conId)));
    expect(b.step(5_000)).toEqual(a.step(5_000));
    expect(b.quote(conIdOf(b, AAPL))).toEqual(a.quote(conIdOf(a, AAPL)));
  });

  it('walks differently for a different seed', () => {
    const a = makeWorld(1);
    const b = makeWorld(2);
    expect(b.quote(conIdOf(b, AAPL))).not.toEqual(a.quote(conIdOf(a, AAPL)));
    expect(b.step(1_000)).not.toEqual(a.step(1_000));
  });

  it('changes one instrument per tick, the one the tick names, and only the options priced off it', () => {
    const world = makeWorld();
    const instruments = world.instruments();
    for (let round = 0; round < 200; round += 1) {
      const before = new Map(instruments.map((i) => [i.conId, world.quote(i.conId)]));
      const [tick] = world.step(1);
      for (const { conId, underConId, secType } of instruments) {
        const pricedOffTick = secType === 'OPT' && underConId === tick?.conId;
        if (conId !== tick?.conId && !pricedOffTick) expect(world.quote(conId)).toEqual(before.get(conId));
      }
      expect(world.quote(tick?.conId ?? -1)).toMatchObject(tick?.fields ?? {});
    }
  });

  it('keeps bid < ask, every price on its minTick and sizes in lots, through many ticks', () => {
    const world = makeWorld(3);
    const instruments = new Map(world.instruments().map((i) => [i.conId, i]));
    for (const tick of world.step(20_000)) {
      const instrument = instruments.get(tick.conId);
      if (!instrument) throw new Error('tick for an unknown instrument');
      for (const field of ['bid', 'ask', 'last', 'high', 'low'] as const) {
        const price = tick.fields[field];
        if (price !== undefined)
          expect(onTick(price, instrument.minTick), `${instrument.symbol} ${field} ${price}`).toBe(true);
      }
      const quote = world.quote(tick.conId);
      expect(quote.bid).toBeLessThan(quote.ask);
      expect(quote.bid).toBeGreaterThan(0);
      if (instrument.secType === 'STK' && instrument.currency === 'USD') expect(quote.bidSize % 100).toBe(0);
    }
    for (const instrument of instruments.values()) {
      const quote = world.quote(instrument.conId);
      expect(quote.low).toBeLessThanOrEqual(quote.last);
      expect(quote.high).toBeGreaterThanOrEqual(quote.last);
    }
  });

  it('grows volume only on trades, by the trade size', () => {
    const world = makeWorld();
    for (const tick of world.step(5_000)) {
      if (tick.fields.volume === undefined) expect(tick.fields.lastSize).toBeUndefined();
      else expect(tick.fields.lastSize).toBeGreaterThan(0);
    }
  });

  it('prices AAPL options off AAPL: calls fall and puts rise with the strike', () => {
    const world = makeWorld();
    world.step(20_000);
    const mid = (id: number): number => (world.quote(id).bid + world.quote(id).ask) / 2;
    const calls = [220, 230, 240].map((strike) => mid(conIdOf(world, aaplOption('C', strike))));
    const puts = [220, 230, 240].map((strike) => mid(conIdOf(world, aaplOption('P', strike))));
    expect(calls[0]).toBeGreaterThan(calls[1] ?? Infinity);
    expect(calls[1]).toBeGreaterThan(calls[2] ?? Infinity);
    expect(puts[0]).toBeLessThan(puts[1] ?? -Infinity);
    expect(puts[1]).toBeLessThan(puts[2] ?? -Infinity);
    // Time value: an option is worth at least what exercising it would pay, less a spread.
    const spot = mid(conIdOf(world, AAPL));
    expect(calls[0]).toBeGreaterThan(spot - 220 - 0.1);
  });

  it('handles a million ticks in one call (the server batches ticks)', () => {
    const world = new World({ seed: 9, now: () => NOW });
    const ticks = world.step(1_000_000);
    expect(ticks).toHaveLength(1_000_000);
    const aapl = world.quote(conIdOf(world, AAPL));
    expect(aapl.bid).toBeLessThan(aapl.ask);
    // The walk stays a market: no collapse to the one-tick floor nor an explosion.
    expect(aapl.last).toBeGreaterThan(50);
    expect(aapl.last).toBeLessThan(1_000);
  });
});
