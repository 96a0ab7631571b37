import { describe, expect, it } from 'vitest';
import { RowUpdates } from '../../../src/renderer/src/components/market/row-updates';

interface Row {
  conId: number;
  bid: number | null;
  ask: number | null;
}

function grid() {
  const applied: Row[][] = [];
  const updates = new RowUpdates<Row>(
    (rows) => applied.push(rows),
    (row) => String(row.conId),
  );
  return { applied, updates };
}

const a: Row = { conId: 1, bid: 10, ask: 10.02 };
const b: Row = { conId: 2, bid: 20, ask: 20.05 };

describe('RowUpdates', () => {
  it('applies the rows whose shown values changed, in one update, and skips the rest', () => {
    const { applied, updates } = grid();
    updates.offer([
      { shown: a, next: { ...a, bid: 10.01 } },
      { shown: b, next: { ...b } },
    ]);
    expect(applied).toEqual([[{ ...a, bid: 10.01 }]]);
  });

  it('applies nothing when no shown value changed', () => {
    const { applied, updates } = grid();
    updates.offer([{ shown: a, next: { ...a } }]);
    expect(applied).toEqual([]);
  });

  it('holds rows while the grid cannot be seen and applies the latest of each once it can', () => {
    const { applied, updates } = grid();
    updates.setVisible(false);
    updates.offer([{ shown: a, next: { ...a, bid: 10.01 } }]);
    updates.offer([
      { shown: a, next: { ...a, bid: 10.03 } },
      { shown: b, next: { ...b, ask: 20.06 } },
    ]);
    expect(applied).toEqual([]);
    updates.setVisible(true);
    expect(applied).toEqual([
      [
        { ...a, bid: 10.03 },
        { ...b, ask: 20.06 },
      ],
    ]);
    updates.setVisible(true);
    expect(applied).toHaveLength(1);
  });

  it('a value changed and changed back while hidden still reaches the grid', () => {
    const { applied, updates } = grid();
    updates.setVisible(false);
    updates.offer([{ shown: a, next: { ...a, bid: 10.01 } }]);
    // The grid still shows `a`: the quote went back to it, and the held 10.01 must not be what is applied.
    updates.offer([{ shown: a, next: { ...a } }]);
    updates.setVisible(true);
    expect(applied).toEqual([[a]]);
  });
});
