import { describe, expect, it } from 'vitest';
import {
  KEY_STEP,
  keyDelta,
  movedWeights,
  rowsInView,
  separatorPercent,
  weightsFor,
} from '../../../src/renderer/src/components/layout/split-math';

const panes = [
  { id: 'market', weight: 5 },
  { id: 'activity', weight: 3 },
];

describe('weightsFor', () => {
  it('takes the saved weight of each pane shown and the default of a pane never resized', () => {
    expect(weightsFor([...panes, { id: 'chain', weight: 2 }], { market: 1.5, activity: 0.5 })).toEqual([1.5, 0.5, 2]);
  });

  it('ignores saved values that are not usable weights, and saved panes no longer shown', () => {
    expect(weightsFor(panes, { market: -1, activity: 'wide', gone: 4 })).toEqual([5, 3]);
    expect(weightsFor(panes, { market: Number.NaN, activity: 0 })).toEqual([5, 3]);
    expect(weightsFor(panes, null)).toEqual([5, 3]);
    expect(weightsFor(panes, 'garbage')).toEqual([5, 3]);
  });
});

describe('movedWeights', () => {
  const before = { size: 300, weight: 3, min: 100 };
  const after = { size: 300, weight: 3, min: 120 };

  it('moves the separator by the pixels dragged, keeping the pair’s total weight', () => {
    const [a, b] = movedWeights(before, after, 60);
    expect(a + b).toBeCloseTo(6);
    expect(a / (a + b)).toBeCloseTo(360 / 600);
  });

  it('stops at the minimum of the pane that shrinks, on either side', () => {
    const [grown, shrunk] = movedWeights(before, after, 1000);
    expect((shrunk / (grown + shrunk)) * 600).toBeCloseTo(120);
    const [small, large] = movedWeights(before, after, -1000);
    expect((small / (small + large)) * 600).toBeCloseTo(100);
  });

  it('leaves a pair already smaller than its minimums, and a non-number move, as they are', () => {
    expect(movedWeights({ size: 80, weight: 1, min: 100 }, { size: 80, weight: 2, min: 100 }, 10)).toEqual([1, 2]);
    expect(movedWeights(before, after, Number.NaN)).toEqual([3, 3]);
  });
});

describe('rowsInView', () => {
  it('is the pane’s fixed part and that many rows, so a minimum holds rows and not only a header', () => {
    expect(rowsInView(3, 42, 157)).toBe(283);
    expect(rowsInView(0, 28, 157)).toBe(157);
  });
});

describe('separatorPercent', () => {
  it('is the share of the container before the separator', () => {
    expect(separatorPercent([1, 1, 2], 0)).toBe(25);
    expect(separatorPercent([1, 1, 2], 1)).toBe(50);
    expect(separatorPercent([0, 0], 0)).toBe(0);
  });
});

describe('keyDelta', () => {
  const before = { size: 300, weight: 1, min: 100 };
  const after = { size: 200, weight: 1, min: 150 };

  it('moves a step per arrow, a larger one with Shift, in the direction of the arrow', () => {
    expect(keyDelta('ArrowDown', false, before, after)).toBe(KEY_STEP);
    expect(keyDelta('ArrowLeft', false, before, after)).toBe(-KEY_STEP);
    expect(keyDelta('ArrowRight', true, before, after)).toBeGreaterThan(KEY_STEP);
  });

  it('goes as far as the minimums allow with Home and End, and ignores other keys', () => {
    expect(keyDelta('Home', false, before, after)).toBe(-200);
    expect(keyDelta('End', false, before, after)).toBe(50);
    expect(keyDelta('a', false, before, after)).toBeNull();
  });
});
