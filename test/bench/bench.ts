/** One measured figure with the goal it is held to (DESIGN.md §7). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 2000 ms" or "≥ 50 % of raw". */
  goal: string;
  /** null when the figure has no pass/fail goal (a baseline). */
  pass: boolean | null;
  detail?: string;
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}
