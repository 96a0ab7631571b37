import { describe, expect, it, vi } from 'vitest';
import { PreviewStore } from '../../../../src/core/orders/preview-store';
import type { OrderPreview, SubmitResult } from '../../../../src/shared/orders';

const body = { words: 'Buy 1 AAPL' } as unknown as Omit<OrderPreview, 'previewId' | 'createdAt' | 'expiresAt'>;
const sent = (orderId: number): SubmitResult => ({
  outcome: 'sent',
  order: { orderId } as never,
  repeated: false,
  checks: [],
});
const facts = { details: 'AAPL on NASDAQ' };
const refused: SubmitResult = { outcome: 'refused', reason: 'warning not acknowledged', checks: [] };

function store() {
  let now = 1_000;
  let n = 0;
  const s = new PreviewStore<{ details: string }>(
    () => now,
    60_000,
    3,
    () => `p${++n}`,
  );
  return { s, advance: (ms: number) => (now += ms) };
}

describe('PreviewStore', () => {
  it('gives each preview an id and a lifetime, and forgets it once expired', () => {
    const { s, advance } = store();
    const p = s.add(body, facts);
    expect(p).toMatchObject({ previewId: 'p1', createdAt: 1_000, expiresAt: 61_000 });
    expect(s.get('p1')).toMatchObject({ found: true });
    advance(60_001);
    expect(s.get('p1')).toMatchObject({ found: false, reason: expect.stringContaining('expired') });
    expect(s.get('nope')).toMatchObject({ found: false, reason: expect.stringContaining('unknown') });
  });

  it('runs the submit once per preview id, even when called concurrently', async () => {
    const { s } = store();
    s.add(body, facts);
    const submit = vi.fn(async () => sent(7));
    const results = await Promise.all([s.once('p1', submit), s.once('p1', submit), s.once('p1', submit)]);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.outcome === 'sent' && r.repeated)).toEqual([false, true, true]);
  });

  it('lets a refused submit be tried again, and then sends once', async () => {
    const { s } = store();
    s.add(body, facts);
    const submit = vi.fn<() => Promise<SubmitResult>>().mockResolvedValueOnce(refused).mockResolvedValue(sent(8));
    expect((await s.once('p1', submit)).outcome).toBe('refused');
    expect(await s.once('p1', submit)).toMatchObject({ outcome: 'sent', repeated: false });
    expect(await s.once('p1', submit)).toMatchObject({ outcome: 'sent', repeated: true });
    expect(submit).toHaveBeenCalledTimes(2);
  });

  it('a submit that threw may be retried', async () => {
    const { s } = store();
    s.add(body, facts);
    await expect(s.once('p1', () => Promise.reject(new Error('socket closed')))).rejects.toThrow('socket closed');
    expect(await s.once('p1', async () => sent(9))).toMatchObject({ outcome: 'sent', repeated: false });
  });

  it('hands the submit the preview and its facts, and refuses an unknown or expired one without calling it', async () => {
    const { s, advance } = store();
    const p = s.add(body, facts);
    const submit = vi.fn(async () => refused);
    await s.once('p1', submit);
    expect(submit).toHaveBeenCalledWith(p, facts);
    expect(await s.once('nope', submit)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('unknown'),
    });
    advance(60_001);
    expect(await s.once('p1', submit)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('expired'),
    });
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('keeps only the result of a sent preview, past its lifetime and past the size bound: never sent twice', async () => {
    const { s, advance } = store();
    s.add(body, facts);
    const first = await s.once('p1', async () => ({ ...sent(10), checks: [{ id: 'x' } as never] }));
    expect(first).toMatchObject({ outcome: 'sent', repeated: false, checks: [{ id: 'x' }] });
    // The preview and its facts are gone at once (a day of orders must not keep every preview)…
    expect(s.get('p1')).toMatchObject({ found: false });
    advance(120_000);
    for (let i = 0; i < 5; i++) s.add(body, facts);
    // …and the order is still answered for, with the order alone.
    expect(await s.once('p1', async () => sent(11))).toEqual({ ...sent(10), repeated: true, checks: [] });
  });
});
