import { describe, expect, it } from 'vitest';
import { QUOTE } from './quote-fixture';
import {
  depthBook,
  depthChanges,
  MAX_DEPTH_ROWS,
  type DepthChange,
  type DepthRow,
} from '../../../../src/simulator/world/depth-book';
import { mulberry32 } from '../../../../src/simulator/world/random';

const SHAPE = { conId: 7, minTick: 0.01, lot: 100, rows: 5, smart: true };

function apply(rows: readonly DepthRow[], changes: readonly DepthChange[]): DepthRow[] {
  const result = [...rows];
  for (const { operation, position, row } of changes) {
    if (operation === 0) result.splice(position, 0, row);
    else if (operation === 1) result[position] = row;
    else result.splice(position, 1);
  }
  return result;
}

describe('the depth book', () => {
  it('has the touch at level 0 and deeper levels one tick apart, in lots, with a venue per SMART row', () => {
    const { bids, asks } = depthBook(SHAPE, QUOTE);
    expect(bids.map((row) => row.price)).toEqual([100, 99.99, 99.98, 99.97, 99.96]);
    expect(asks.map((row) => row.price)).toEqual([100.02, 100.03, 100.04, 100.05, 100.06]);
    expect([bids[0]?.size, asks[0]?.size]).toEqual([300, 400]);
    expect([...bids, ...asks].every((row) => row.size > 0 && row.size % 100 === 0 && row.marketMaker !== '')).toBe(
      true,
    );
    expect(depthBook({ ...SHAPE, smart: false }, QUOTE).bids.every((row) => row.marketMaker === '')).toBe(true);
    expect(depthBook({ ...SHAPE, rows: 50 }, QUOTE).bids).toHaveLength(MAX_DEPTH_ROWS);
  });

  it('stops the bid side above zero', () => {
    expect(depthBook(SHAPE, { ...QUOTE, bid: 0.02, ask: 0.03 }).bids.map((row) => row.price)).toEqual([0.02, 0.01]);
  });

  it('moves by inserts, updates and deletes that turn the old rows into the new ones', () => {
    const before = depthBook(SHAPE, QUOTE);
    // The bid ticks up two: two new rows on top, the two deepest fall off.
    const after = depthBook(SHAPE, { ...QUOTE, bid: 100.02, ask: 100.03, bidSize: 500 });
    const changes = depthChanges(before.bids, after.bids);
    expect(changes.filter((change) => change.operation === 2).map((change) => change.position)).toEqual([4, 3]);
    expect(changes.filter((change) => change.operation === 0).map((change) => change.position)).toEqual([0, 1]);
    expect(apply(before.bids, changes)).toEqual(after.bids);
    expect(depthChanges(after.bids, after.bids)).toEqual([]);
    expect(depthChanges([], after.asks).every((change) => change.operation === 0)).toBe(true);
  });

  it('replays to the new book over a long random walk', () => {
    const random = mulberry32(5);
    let quote = QUOTE;
    let book = depthBook(SHAPE, quote);
    for (let step = 0; step < 500; step += 1) {
      const bid = Math.max(0.01, Math.round((quote.bid + (random() - 0.5) * 0.1) * 100) / 100);
      quote = { ...quote, bid, ask: Math.round((bid + 0.01 + Math.floor(random() * 3) / 100) * 100) / 100 };
      quote = { ...quote, bidSize: 100 * (1 + Math.floor(random() * 9)) };
      const next = depthBook(SHAPE, quote);
      expect(apply(book.bids, depthChanges(book.bids, next.bids))).toEqual(next.bids);
      expect(apply(book.asks, depthChanges(book.asks, next.asks))).toEqual(next.asks);
      book = next;
    }
  });
});
