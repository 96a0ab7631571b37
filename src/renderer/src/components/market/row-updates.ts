/**
 * Quote updates on their way into a grid's rows, so that what cannot be seen costs nothing:
 * - a row whose shown values did not change is not updated (a quote can change in fields no column shows);
 * - while the grid cannot be seen (its pane scrolled away or hidden, the window minimized) nothing is
 *   applied: the latest row of each instrument is held, and the held rows go in as one update once it can.
 */
export class RowUpdates<Row extends object> {
  private readonly held = new Map<string, Row>();
  private visible = true;

  constructor(
    private readonly apply: (rows: Row[]) => void,
    private readonly idOf: (row: Row) => string,
  ) {}

  /** Each `next` row replaces `shown`, the row as the grid has it now. */
  offer(updates: readonly { shown: Row; next: Row }[]): void {
    for (const { shown, next } of updates) {
      const id = this.idOf(next);
      // Against what the grid will show once the held rows are in: a value changed and changed back is news.
      if (!sameValues(this.held.get(id) ?? shown, next)) this.held.set(id, next);
    }
    if (this.visible) this.flush();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.flush();
  }

  private flush(): void {
    if (this.held.size === 0) return;
    const rows = [...this.held.values()];
    this.held.clear();
    this.apply(rows);
  }
}

function sameValues<Row extends object>(a: Row, b: Row): boolean {
  const keys = Object.keys(b) as (keyof Row)[];
  return keys.length === Object.keys(a).length && keys.every((key) => Object.is(a[key], b[key]));
}
