import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINES, SubscriptionPool } from '../../../../src/core/market/subscription-pool';

describe('SubscriptionPool', () => {
  it('gives two consumers of one instrument one subscription, cancelled only when both have left', () => {
    const pool = new SubscriptionPool<number>();
    expect(pool.acquire(265598, 'watchlist')).toEqual({ ok: true, first: true });
    expect(pool.acquire(265598, 'ticket')).toEqual({ ok: true, first: false });
    expect(pool.size).toBe(1);
    expect(pool.consumers(265598).sort()).toEqual(['ticket', 'watchlist']);

    expect(pool.release(265598, 'watchlist')).toBe(false);
    expect(pool.keys()).toEqual([265598]);
    expect(pool.release(265598, 'ticket')).toBe(true);
    expect(pool.size).toBe(0);
    expect(pool.keys()).toEqual([]);
    expect(pool.consumers(265598)).toEqual([]);
  });

  it('release is idempotent per consumer: a second release never cancels for someone else', () => {
    const pool = new SubscriptionPool<number>();
    pool.acquire(1, 'a');
    pool.acquire(1, 'b');
    expect(pool.release(1, 'a')).toBe(false);
    expect(pool.release(1, 'a')).toBe(false);
    expect(pool.consumers(1)).toEqual(['b']);
    expect(pool.release(1, 'b')).toBe(true);
    expect(pool.release(1, 'b')).toBe(false);
    expect(pool.release(2, 'nobody')).toBe(false);
  });

  it('a consumer acquiring the same instrument twice holds it once', () => {
    const pool = new SubscriptionPool<number>();
    expect(pool.acquire(1, 'chart').ok).toBe(true);
    expect(pool.acquire(1, 'chart')).toEqual({ ok: true, first: false });
    expect(pool.release(1, 'chart')).toBe(true);
  });

  it('refuses a new instrument when every line is in use, with a message that says what to do', () => {
    const pool = new SubscriptionPool<number>();
    expect(pool.maxLines).toBe(DEFAULT_MAX_LINES);
    for (let conId = 1; conId <= 100; conId++) expect(pool.acquire(conId, 'watchlist').ok).toBe(true);
    expect(pool.acquire(101, 'watchlist')).toEqual({
      ok: false,
      reason:
        'Market data lines are full (100 of 100). Remove a symbol from the watchlist or close a chart to watch another.',
    });
    expect(pool.size).toBe(100);
    expect(pool.consumers(101)).toEqual([]);
  });

  it('still shares an instrument already watched when the lines are full', () => {
    const pool = new SubscriptionPool<number>({ maxLines: 2 });
    pool.acquire(1, 'watchlist');
    pool.acquire(2, 'watchlist');
    expect(pool.acquire(1, 'chart')).toEqual({ ok: true, first: false });
    expect(pool.acquire(3, 'chart').ok).toBe(false);
    pool.release(2, 'watchlist');
    expect(pool.acquire(3, 'chart')).toEqual({ ok: true, first: true });
  });

  it('takes its limit from settings, names it in the message, and keeps lines in use when it is lowered', () => {
    const pool = new SubscriptionPool<string>({ maxLines: 3 });
    for (const key of ['A', 'B', 'C']) pool.acquire(key, 'watchlist');
    const refused = pool.acquire('D', 'watchlist');
    expect(refused.ok === false && refused.reason).toContain('(3 of 3)');

    pool.maxLines = 2;
    expect(pool.keys()).toEqual(['A', 'B', 'C']);
    const stillRefused = pool.acquire('D', 'watchlist');
    expect(stillRefused.ok === false && stillRefused.reason).toContain('(3 of 2)');
    pool.maxLines = 5;
    expect(pool.acquire('D', 'watchlist').ok).toBe(true);
  });

  it('refuses a limit that is not a whole number of at least one', () => {
    for (const maxLines of [0, -1, 2.5, Number.NaN]) {
      expect(() => new SubscriptionPool({ maxLines })).toThrow(RangeError);
      expect(() => {
        new SubscriptionPool().maxLines = maxLines;
      }).toThrow(RangeError);
    }
  });

  it('releaseConsumer lets go of everything one consumer held and returns what is now unwatched', () => {
    const pool = new SubscriptionPool<number>();
    pool.acquire(1, 'chart-1');
    pool.acquire(2, 'chart-1');
    pool.acquire(3, 'chart-1');
    pool.acquire(2, 'watchlist');
    expect(pool.releaseConsumer('chart-1').sort()).toEqual([1, 3]);
    expect(pool.keys()).toEqual([2]);
    expect(pool.consumers(2)).toEqual(['watchlist']);
    expect(pool.releaseConsumer('chart-1')).toEqual([]);
    expect(pool.releaseConsumer('never-seen')).toEqual([]);
  });

  it('forgets a consumer entirely once it holds nothing, so releaseConsumer after single releases is empty', () => {
    const pool = new SubscriptionPool<number>();
    pool.acquire(1, 'ticket');
    pool.release(1, 'ticket');
    pool.acquire(1, 'watchlist');
    expect(pool.releaseConsumer('ticket')).toEqual([]);
    expect(pool.consumers(1)).toEqual(['watchlist']);
  });
});
