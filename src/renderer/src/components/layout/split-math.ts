/**
 * The arithmetic of a split: panes share their container by weight (CSS flex-grow over a zero basis, so the
 * browser does the sharing and honours each pane's minimum), and moving a separator re-weights only the two
 * panes beside it. Pure, so the clamping is tested without a browser.
 */

/** Pane id → weight, as kept in the person's storage. */
export type Weights = Record<string, number>;

/** Weights for the panes shown: the saved one where it is a usable number, else the pane's default. */
export function weightsFor(panes: readonly { id: string; weight: number }[], saved: unknown): number[] {
  const stored = saved !== null && typeof saved === 'object' ? (saved as Record<string, unknown>) : {};
  return panes.map(({ id, weight }) => {
    const value = stored[id];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : weight;
  });
}

/** One pane beside a separator: its size on screen (px), its weight and the least it may shrink to (px). */
export interface PaneSide {
  size: number;
  weight: number;
  min: number;
}

/**
 * Moves the separator between `before` and `after` by `delta` px (positive: `before` grows), clamped so that
 * neither goes below its minimum; answers their new weights. The pair keeps its total weight, so every other
 * pane keeps its size. A pair already below its minimums (a window too small for them) is left as it is.
 */
export function movedWeights(before: PaneSide, after: PaneSide, delta: number): [number, number] {
  const total = before.size + after.size;
  const weight = before.weight + after.weight;
  if (total <= 0 || before.min + after.min > total || !Number.isFinite(delta)) return [before.weight, after.weight];
  const size = clamp(before.size + delta, before.min, total - after.min);
  const share = size / total;
  return [weight * share, weight * (1 - share)];
}

/**
 * The least height (px) of a pane that must show `rows` data rows under its fixed part (title, toolbar, grid
 * header: `chrome`): a minimum that means rows in view, not one that fits only the header. Sized for the
 * comfortable density, so compact rows show more.
 */
export function rowsInView(rows: number, rowHeight: number, chrome: number): number {
  return chrome + rows * rowHeight;
}

/** The separator's position as ARIA's aria-valuenow: percent of the container before it, 0–100. */
export function separatorPercent(weights: readonly number[], index: number): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return 0;
  const before = weights.slice(0, index + 1).reduce((sum, w) => sum + w, 0);
  return Math.round((before / total) * 100);
}

/** How far one arrow key moves a separator (px); with Shift, a larger step. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 80;

/** The px a key moves the separator by: arrows a step, Home / End as far as the minimums allow; else null. */
export function keyDelta(key: string, shift: boolean, before: PaneSide, after: PaneSide): number | null {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return -step;
    case 'ArrowRight':
    case 'ArrowDown':
      return step;
    case 'Home':
      return before.min - before.size;
    case 'End':
      return after.size - after.min;
    default:
      return null;
  }
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
