import { describe, expect, it } from 'vitest';
import { chainPrefill } from '../../../src/renderer/src/components/options/chain-prefill';
import { chainGridRows, optionsInView, rowsByOption } from '../../../src/renderer/src/components/options/chain-rows';
import type { Quote } from '../../../src/shared/market';
import type { ChainRows, OptionContract } from '../../../src/shared/options';

const option = (conId: number, strike: number, right: 'C' | 'P'): OptionContract => ({
  conId,
  symbol: 'AAPL',
  right,
  strike,
  expiry: '20261218',
  multiplier: 100,
  localSymbol: `AAPL  261218${right}00${strike}000`,
  currency: 'USD',
  exchange: 'SMART',
});

const rows: ChainRows = {
  underlyingConId: 265598,
  expiry: '20261218',
  atTheMoney: 230,
  underlyingPrice: 228.4,
  rows: [
    { strike: 225, call: option(1, 225, 'C'), put: option(2, 225, 'P') },
    { strike: 230, call: option(3, 230, 'C'), put: option(4, 230, 'P') },
    { strike: 235, call: option(5, 235, 'C'), put: null },
  ],
};

const quote = { conId: 3, bid: 4.1, ask: 4.2, last: 4.15, volume: 12 } as Partial<Quote>;

describe('chainGridRows', () => {
  it('marks the at-the-money strike and puts each option’s quote on its side', () => {
    const grid = chainGridRows(rows, (conId) =>
      conId === 3
        ? ({
            ...quote,
            option: {
              iv: 0.27,
              delta: 0.48,
              gamma: 0.02,
              vega: 0.3,
              theta: -0.18,
              underlyingPrice: 228.4,
              openInterest: 900,
              optionVolume: null,
            },
          } as Quote)
        : undefined,
    );
    expect(grid.map((row) => row.atTheMoney)).toEqual([false, true, false]);
    expect(grid[1]?.c).toEqual({
      bid: 4.1,
      ask: 4.2,
      last: 4.15,
      iv: 0.27,
      delta: 0.48,
      theta: -0.18,
      openInterest: 900,
      volume: 12,
    });
    expect(grid[1]?.p.delta).toBeNull();
  });
});

describe('rowsByOption and optionsInView', () => {
  it('finds each option’s row and side', () => {
    expect(rowsByOption(rows).get(4)).toEqual({ strike: 230, side: 'p' });
  });
  it('names the options of the rows on screen only', () => {
    const grid = chainGridRows(rows, () => undefined);
    expect(optionsInView(grid, 1, 2)).toEqual([3, 4, 5]);
    expect(optionsInView(grid, -1, 0)).toEqual([1, 2]);
  });
});

describe('chainPrefill', () => {
  it('sells at the bid and buys at the ask, one contract, limit', () => {
    const call = option(3, 230, 'C');
    expect(chainPrefill(call, 'bid', 4.1)).toEqual({
      contract: {
        symbol: 'AAPL',
        secType: 'OPT',
        currency: 'USD',
        exchange: 'SMART',
        lastTradeDate: '20261218',
        strike: 230,
        right: 'C',
        multiplier: 100,
      },
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 4.1,
    });
    expect(chainPrefill(call, 'ask', 4.2)).toMatchObject({ action: 'BUY', limitPrice: 4.2 });
  });
  it('leaves the limit for the person when the side has no price', () => {
    expect(chainPrefill(option(3, 230, 'C'), 'bid', null)).not.toHaveProperty('limitPrice');
  });
});
