import { describe, expect, it } from 'vitest';
import { FrameBatches, type FrameBatch } from '../../../src/renderer/src/stores/frame-batches';
import type { Quote } from '../../../src/shared/market';

const quote = (conId: number, last: number) => ({ conId, last }) as unknown as Quote;

/** A page whose frames the test paints by hand. */
function page() {
  const frames: (() => void)[] = [];
  const applied: FrameBatch[] = [];
  const batches = new FrameBatches(
    (callback) => frames.push(callback),
    (frame) => applied.push(frame),
  );
  const paint = () => {
    for (const callback of frames.splice(0)) callback();
  };
  return { batches, applied, frames, paint };
}

describe('FrameBatches', () => {
  it('applies the batches of one frame once, the latest quote of each instrument winning', () => {
    const { batches, applied, frames, paint } = page();
    batches.add({ seq: 1, quotes: [quote(1, 10), quote(2, 20)] });
    batches.add({ seq: 2, quotes: [quote(1, 11), quote(3, 30)] });
    expect(applied).toEqual([]);
    expect(frames).toHaveLength(1);
    paint();
    expect(applied).toEqual([{ quotes: [quote(2, 20), quote(1, 11), quote(3, 30)], seqs: [1, 2] }]);
  });

  it('loses nothing that arrives after a frame: it goes into the next', () => {
    const { batches, applied, paint } = page();
    batches.add({ seq: 1, quotes: [quote(1, 10)] });
    paint();
    batches.add({ seq: 2, quotes: [quote(2, 20)] });
    batches.add({ seq: 3, quotes: [] });
    paint();
    paint();
    expect(applied).toEqual([
      { quotes: [quote(1, 10)], seqs: [1] },
      { quotes: [quote(2, 20)], seqs: [2, 3] },
    ]);
  });

  it('applies what it holds at once when asked (a hidden page paints no frame), and nothing twice', () => {
    const { batches, applied, paint } = page();
    batches.add({ seq: 1, quotes: [quote(1, 10)] });
    batches.flush();
    paint();
    expect(applied).toEqual([{ quotes: [quote(1, 10)], seqs: [1] }]);
  });
});
