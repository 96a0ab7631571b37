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

/** `npm run bench -- --quick`: each row bounded to a few seconds, for CI-like runs; figures are rougher. */
export interface BenchOptions {
  quick: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}

/** The p-th percentile (nearest rank, 0–100) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The median of values in any order (the upper one of an even count). */
export const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
