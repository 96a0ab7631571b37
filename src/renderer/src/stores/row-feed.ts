/** One grid transaction: rows to add, rows to update in place, rows to remove (matched by row id). */
export interface RowTransaction<Row> {
  add: Row[];
  update: Row[];
  remove: Row[];
  /** The rows pinned below (a total), when this update carries them: applied with the rest, never apart. */
  pinnedBottom?: Row[];
  /** The feed had no rows before this update: these are the first a grid shows, not a tick to batch. */
  fillsEmpty: boolean;
}

/**
 * The rows of one grid, kept outside React: the grid reads them once when it mounts and then receives
 * only transactions, so a price tick never re-renders a component or rebuilds the row model.
 */
export class RowFeed<Row, Id = string> {
  private readonly rows = new Map<Id, Row>();
  private readonly listeners = new Set<(tx: RowTransaction<Row>) => void>();
  private pinned: Row[] = [];

  constructor(readonly idOf: (row: Row) => Id) {}

  all(): Row[] {
    return [...this.rows.values()];
  }

  get size(): number {
    return this.rows.size;
  }

  pinnedBottom(): Row[] {
    return this.pinned;
  }

  /**
   * Applies a server update (upserts by id and removals by id) and passes it on as a transaction, with
   * the pinned rows when given: a total computed from these rows must reach the grid with them.
   */
  apply(upsert: readonly Row[], removeIds: readonly Id[], pinnedBottom?: readonly Row[]): void {
    const tx: RowTransaction<Row> = { add: [], update: [], remove: [], fillsEmpty: this.rows.size === 0 };
    if (pinnedBottom) tx.pinnedBottom = this.pinned = [...pinnedBottom];
    for (const id of removeIds) {
      const row = this.rows.get(id);
      if (row === undefined) continue;
      this.rows.delete(id);
      tx.remove.push(row);
    }
    for (const row of upsert) {
      const id = this.idOf(row);
      (this.rows.has(id) ? tx.update : tx.add).push(row);
      this.rows.set(id, row);
    }
    this.emit(tx);
  }

  /** Replaces every row (a snapshot): rows not in it are removed. */
  replace(rows: readonly Row[], pinnedBottom?: readonly Row[]): void {
    const keep = new Set(rows.map(this.idOf));
    this.apply(
      rows,
      [...this.rows.keys()].filter((id) => !keep.has(id)),
      pinnedBottom,
    );
  }

  subscribe(listener: (tx: RowTransaction<Row>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(tx: RowTransaction<Row>): void {
    if (tx.add.length + tx.update.length + tx.remove.length === 0 && !tx.pinnedBottom) return;
    for (const listener of this.listeners) listener(tx);
  }
}
