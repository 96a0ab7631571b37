/** Rows to add or replace, and ids of rows gone: the shape of a grid transaction. */
export interface RowDiff<Row, Id> {
  upsert: Row[];
  remove: Id[];
}

/**
 * What changed between two sets of rows. Rows are flat figures (and small arrays), so comparing their
 * JSON is exact and cheap at the sizes a portfolio has.
 */
export function diffRows<Row, Id>(
  previous: readonly Row[],
  next: readonly Row[],
  idOf: (row: Row) => Id,
): RowDiff<Row, Id> {
  const before = new Map<Id, string>(previous.map((row) => [idOf(row), JSON.stringify(row)]));
  const upsert: Row[] = [];
  const seen = new Set<Id>();
  for (const row of next) {
    const id = idOf(row);
    seen.add(id);
    if (before.get(id) !== JSON.stringify(row)) upsert.push(row);
  }
  const remove = [...before.keys()].filter((id) => !seen.has(id));
  return { upsert, remove };
}

export const isEmptyDiff = (diff: RowDiff<unknown, unknown>): boolean =>
  diff.upsert.length === 0 && diff.remove.length === 0;
