import { describe, expect, it } from 'vitest';
import { RowFeed, type RowTransaction } from '../../../src/renderer/src/stores/row-feed';

interface Row {
  id: string;
  qty: number;
}

function feedWithLog() {
  const feed = new RowFeed<Row>((row) => row.id);
  const log: RowTransaction<Row>[] = [];
  feed.subscribe((tx) => log.push(tx));
  return { feed, log };
}

describe('RowFeed', () => {
  it('passes a snapshot on as adds, then changes as updates and removals by id', () => {
    const { feed, log } = feedWithLog();
    feed.replace([
      { id: 'a', qty: 1 },
      { id: 'b', qty: 2 },
    ]);
    feed.replace([
      { id: 'b', qty: 3 },
      { id: 'c', qty: 4 },
    ]);
    expect(log[0]).toMatchObject({ add: [{ id: 'a' }, { id: 'b' }], update: [], remove: [] });
    expect(log[1]).toMatchObject({ add: [{ id: 'c', qty: 4 }], update: [{ id: 'b', qty: 3 }], remove: [{ id: 'a' }] });
    expect(feed.all()).toEqual([
      { id: 'b', qty: 3 },
      { id: 'c', qty: 4 },
    ]);
  });

  it('marks the update that brings the first rows, so a grid shows them without batching', () => {
    const { feed, log } = feedWithLog();
    feed.replace([{ id: 'a', qty: 1 }]);
    feed.apply([{ id: 'a', qty: 2 }], []);
    feed.apply([], ['a']);
    feed.apply([{ id: 'b', qty: 1 }], []);
    expect(log.map((tx) => tx.fillsEmpty)).toEqual([true, false, false, true]);
  });

  it('carries the pinned total with the rows it adds up, and stays quiet when nothing changed', () => {
    const { feed, log } = feedWithLog();
    feed.replace([{ id: 'a', qty: 1 }], [{ id: 'total', qty: 1 }]);
    feed.apply([], ['missing']);
    expect(log).toHaveLength(1);
    expect(log[0]?.pinnedBottom).toEqual([{ id: 'total', qty: 1 }]);
    expect(feed.pinnedBottom()).toEqual([{ id: 'total', qty: 1 }]);
  });
});
