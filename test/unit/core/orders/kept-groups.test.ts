import { describe, expect, it } from 'vitest';
import type { OrderPreview } from '../../../../src/shared/orders';
import { acknowledgedText, KeptGroups, previewEveryLeg } from '../../../../src/core/orders/kept-groups';

type Result = { outcome: 'sent' | 'refused'; send: number };

function groups() {
  let sends = 0;
  const kept = new KeptGroups<string, Result>('bracket', (r) => r.outcome === 'sent');
  const send = (outcome: Result['outcome']) => async () => ({ outcome, send: ++sends });
  return { kept, send, sends: () => sends };
}

describe('KeptGroups', () => {
  it('refuses a group it does not hold, naming what it is', async () => {
    const { kept, send } = groups();
    await expect(kept.submit('nope', send('sent'))).rejects.toThrow(
      'This bracket is unknown or too old; preview it again.',
    );
  });

  it('sends a group once: a repeat, and a submit while one is under way, get the same result', async () => {
    const { kept, send, sends } = groups();
    kept.keep('g', 'legs');
    const [first, racing] = await Promise.all([kept.submit('g', send('sent')), kept.submit('g', send('sent'))]);
    const repeat = await kept.submit('g', send('sent'));
    expect(sends()).toBe(1);
    expect(racing).toBe(first);
    expect(repeat).toBe(first);
  });

  it('lets a refused group be submitted again', async () => {
    const { kept, send, sends } = groups();
    kept.keep('g', 'legs');
    await kept.submit('g', send('refused'));
    const again = await kept.submit('g', send('sent'));
    expect(again).toEqual({ outcome: 'sent', send: 2 });
    expect(sends()).toBe(2);
  });

  it('keeps the newest hundred groups', async () => {
    const { kept, send } = groups();
    for (let i = 0; i <= 100; i += 1) kept.keep(`g${i}`, 'legs');
    await expect(kept.submit('g0', send('sent'))).rejects.toThrow('unknown or too old');
    await expect(kept.submit('g1', send('sent'))).resolves.toMatchObject({ outcome: 'sent' });
  });
});

describe('previewEveryLeg', () => {
  const preview = (previewId: string) => ({ previewId }) as OrderPreview;

  it('gives back the legs previewed when another fails, and throws its error', async () => {
    const discarded: string[] = [];
    await expect(
      previewEveryLeg(
        [Promise.resolve(preview('a')), Promise.reject(new Error('no quote')), Promise.resolve(preview('c'))],
        (id) => discarded.push(id),
      ),
    ).rejects.toThrow('no quote');
    expect(discarded).toEqual(['a', 'c']);
  });

  it('returns every preview in the order asked', async () => {
    const legs = await previewEveryLeg([Promise.resolve(preview('a')), Promise.resolve(preview('b'))], () => {
      throw new Error('nothing to discard');
    });
    expect(legs.map((l) => l.previewId)).toEqual(['a', 'b']);
  });
});

it('acknowledgedText ends the audit sentence with the acknowledgements, or nothing', () => {
  expect(acknowledgedText([])).toBe('');
  expect(acknowledgedText(['margin', 'pdt'])).toBe(' Acknowledged: margin, pdt.');
});
