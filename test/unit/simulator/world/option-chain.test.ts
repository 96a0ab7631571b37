import { describe, expect, it } from 'vitest';
import { optionChainExpiries, yyyymmdd } from '../../../../src/simulator/world/expiries';
import { chainStrikes, strikeIncrement } from '../../../../src/simulator/world/option-chain';
import {
  blackScholes,
  greeks,
  impliedVolatility,
  RISK_FREE_RATE,
  smileVolatility,
  type OptionInputs,
} from '../../../../src/simulator/world/option-pricing';
import { makeWorld, NOW } from './fixtures';

const AT_THE_MONEY: OptionInputs = { right: 'C', spot: 230, strike: 230, years: 0.25, vol: 0.27 };
const CASES: OptionInputs[] = [
  AT_THE_MONEY,
  { right: 'P', spot: 230, strike: 230, years: 0.25, vol: 0.27 },
  { right: 'C', spot: 230, strike: 260, years: 0.1, vol: 0.35 },
  { right: 'P', spot: 650, strike: 600, years: 0.6, vol: 0.16 },
  { right: 'C', spot: 24, strike: 20, years: 0.03, vol: 0.5 },
];
const label = (c: OptionInputs) => `${c.right} ${c.strike} on ${c.spot}, ${c.years} y at ${c.vol}`;

describe('Black–Scholes greeks', () => {
  it.each(CASES.map((c) => [label(c), c] as const))('match finite differences of the price (%s)', (_, inputs) => {
    const price = (change: Partial<OptionInputs>) => blackScholes({ ...inputs, ...change });
    const h = inputs.spot * 1e-4;
    const { delta, gamma, vega, theta } = greeks(inputs);
    expect(delta).toBeCloseTo((price({ spot: inputs.spot + h }) - price({ spot: inputs.spot - h })) / (2 * h), 6);
    const second = (price({ spot: inputs.spot + h }) - 2 * price({}) + price({ spot: inputs.spot - h })) / (h * h);
    expect(gamma).toBeCloseTo(second, 4);
    // Vega per volatility point, theta per calendar day (time running out is years going down).
    expect(vega).toBeCloseTo((price({ vol: inputs.vol + 1e-5 }) - price({ vol: inputs.vol - 1e-5 })) / 2e-3, 6);
    const day = 1 / 365;
    expect(theta).toBeCloseTo((price({ years: inputs.years - day / 100 }) - price({})) * 100, 4);
  });

  it('keep put-call parity: C − P = S − K·e^(−rT)', () => {
    for (const { spot, strike, years, vol } of CASES) {
      const call = blackScholes({ right: 'C', spot, strike, years, vol });
      const put = blackScholes({ right: 'P', spot, strike, years, vol });
      expect(call - put).toBeCloseTo(spot - strike * Math.exp(-RISK_FREE_RATE * years), 9);
    }
  });

  it('give a call delta in (0, 1), a put delta in (−1, 0), and decay both', () => {
    const call = greeks(AT_THE_MONEY);
    const put = greeks({ ...AT_THE_MONEY, right: 'P' });
    expect(call.delta - put.delta).toBeCloseTo(1, 12);
    expect(call.gamma).toBeCloseTo(put.gamma, 12);
    expect(call.theta).toBeLessThan(0);
    expect(put.theta).toBeLessThan(0);
  });

  it('invert the price: the implied volatility of a model price is the volatility it was priced at', () => {
    for (const inputs of CASES) {
      const { vol, ...rest } = inputs;
      expect(impliedVolatility(blackScholes(inputs), rest)).toBeCloseTo(vol, 7);
    }
    const { vol: _, ...atm } = AT_THE_MONEY;
    expect(impliedVolatility(0.5, { ...atm, strike: 100 })).toBeUndefined(); // under intrinsic value
  });

  it('smile: dearer away from the money, puts below it most', () => {
    const atm = smileVolatility(0.27, 230, 230);
    expect(atm).toBeCloseTo(0.27, 12);
    expect(smileVolatility(0.27, 230, 190)).toBeGreaterThan(smileVolatility(0.27, 230, 270));
    expect(smileVolatility(0.27, 230, 270)).toBeGreaterThan(atm - 0.02);
  });
});

describe('the option chains', () => {
  const world = makeWorld();

  it('expire on the next three monthlies and the next four Fridays', () => {
    // NOW is Tuesday 10 June 2025; 20 June is both a weekly and the June monthly.
    expect(optionChainExpiries(NOW).map(yyyymmdd)).toEqual([
      '20250613',
      '20250620',
      '20250627',
      '20250704',
      '20250718',
      '20250815',
    ]);
  });

  it('space strikes by price, fifteen each side of the money', () => {
    expect(strikeIncrement(230)).toBe(5);
    expect(strikeIncrement(80)).toBe(2.5);
    expect(chainStrikes(230)).toHaveLength(31);
    expect(chainStrikes(230)[15]).toBe(230);
    expect(chainStrikes(231.9).slice(14, 17)).toEqual([225, 230, 235]);
  });

  it('lists AAPL, SPY, QQQ and TSLA with stable conIds and complete contract fields', () => {
    for (const symbol of ['AAPL', 'SPY', 'QQQ', 'TSLA']) {
      const options = world.findInstruments({ symbol, secType: 'OPT' });
      expect(options, symbol).toHaveLength(6 * 31 * 2);
      const [underlying] = world.findInstruments({ symbol, secType: 'STK' });
      for (const option of options)
        expect(option).toMatchObject({
          exchange: 'SMART',
          multiplier: 100,
          tradingClass: symbol,
          minTick: 0.01,
          underConId: underlying?.conId,
        });
    }
    expect(makeWorld(99).instruments()).toEqual(world.instruments());
    const conIds = world.instruments().map((i) => i.conId);
    expect(new Set(conIds).size).toBe(conIds.length);
  });
});
