import { describe, expect, it } from 'vitest';
import { addListing, MAX_WATCHLIST, moveListing, removeListing, seedPlan } from '../../../../src/core/market/watchlist';
import type { Listing } from '../../../../src/shared/market';
import { AppError } from '../../../../src/shared/result';

const listing = (conId: number, symbol: string): Listing => ({
  conId,
  symbol,
  secType: 'STK',
  exchange: 'SMART',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  description: symbol,
});
const A = listing(1, 'A');
const B = listing(2, 'B');
const C = listing(3, 'C');
const symbols = (list: Listing[]) => list.map((entry) => entry.symbol).join('');

describe('watchlist edits', () => {
  it('adds at the end and refuses a listing already there', () => {
    expect(symbols(addListing([A, B], C))).toBe('ABC');
    expect(() => addListing([A, B], { ...B, description: 'again' })).toThrow(/B \(STK, NASDAQ, USD\) is already/);
  });

  it('removes by conId and refuses one that is not there', () => {
    expect(symbols(removeListing([A, B, C], 2))).toBe('AC');
    expect(() => removeListing([A], 9)).toThrow(AppError);
  });

  it('moves to an index of the resulting list, clamped to its ends', () => {
    expect(symbols(moveListing([A, B, C], 3, 0))).toBe('CAB');
    expect(symbols(moveListing([A, B, C], 1, 1))).toBe('BAC');
    expect(symbols(moveListing([A, B, C], 1, 2))).toBe('BCA');
    expect(symbols(moveListing([A, B, C], 1, 99))).toBe('BCA');
    expect(symbols(moveListing([A, B, C], 2, 1))).toBe('ABC');
    expect(() => moveListing([A, B], 7, 0)).toThrow(/not on the watchlist/);
  });

  it('never edits the list it was given', () => {
    const list = [A, B, C];
    moveListing(list, 3, 0);
    removeListing(list, 1);
    addListing(list, listing(4, 'D'));
    expect(symbols(list)).toBe('ABC');
  });
});

describe('seeding the watchlist from the instruments held', () => {
  it('seeds an empty, never-seeded watchlist with each held contract once, in order', () => {
    expect(seedPlan([], false, [265598, 8894, 265598, 756733])).toEqual({
      kind: 'seed',
      conIds: [265598, 8894, 756733],
    });
  });

  it('never seeds twice: a list the person emptied stays empty', () => {
    expect(seedPlan([], true, [265598])).toEqual({ kind: 'done' });
    expect(seedPlan([A], true, [265598])).toEqual({ kind: 'done' });
  });

  it('leaves a list the person already keeps as it is, and remembers that it is settled', () => {
    expect(seedPlan([A, B], false, [265598])).toEqual({ kind: 'mark' });
  });

  it('waits while nothing is held', () => {
    expect(seedPlan([], false, [])).toEqual({ kind: 'done' });
  });

  it('takes no more than the watchlist holds', () => {
    const held = Array.from({ length: MAX_WATCHLIST + 20 }, (_, i) => i + 1);
    const plan = seedPlan([], false, held);
    expect(plan.kind === 'seed' && plan.conIds.length).toBe(MAX_WATCHLIST);
  });
});
