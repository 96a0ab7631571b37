import { describe, expect, it, vi } from 'vitest';
import {
  HistoryPacer,
  HistoryPacingError,
  type HistoryRequestKey,
  type PacingWait,
} from '../../../../src/core/market/history-pacer';
import type { Bar } from '../../../../src/shared/market';
import { FakeScheduler } from './fake-scheduler';

const BARS: Bar[] = [{ time: 1_700_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 100 }];

const key = (overrides: Partial<HistoryRequestKey> = {}): HistoryRequestKey => ({
  conId: 265598,
  exchange: 'SMART',
  whatToShow: 'TRADES',
  durationStr: '1 D',
  barSize: '1 min',
  endDateTime: '',
  ...overrides,
});

function setup(options: { maxWaitMs?: number; cacheSize?: number } = {}) {
  const scheduler = new FakeScheduler();
  const pacer = new HistoryPacer({ scheduler, ...options });
  const fetch = vi.fn(async () => BARS);
  return { scheduler, pacer, fetch };
}

/** The outcome of a promise without awaiting it, so a test can look while it is still pending. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('HistoryPacer', () => {
  describe('identical requests', () => {
    it('are served from the cache within 15 s, and fetched again after', async () => {
      const { scheduler, pacer, fetch } = setup();
      await expect(pacer.request(key(), fetch)).resolves.toEqual(BARS);
      await scheduler.advance(14_999);
      await expect(pacer.request(key(), fetch)).resolves.toEqual(BARS);
      expect(fetch).toHaveBeenCalledTimes(1);

      await scheduler.advance(1_001);
      await expect(pacer.request(key(), fetch)).resolves.toEqual(BARS);
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it('share one fetch while the first is still on its way', async () => {
      const { scheduler, pacer } = setup();
      let answer: (bars: Bar[]) => void = () => {};
      const slow = vi.fn(() => new Promise<Bar[]>((resolve) => (answer = resolve)));
      const first = pacer.request(key(), slow);
      const second = pacer.request(key(), slow);
      await scheduler.advance(0);
      answer(BARS);
      await expect(Promise.all([first, second])).resolves.toEqual([BARS, BARS]);
      expect(slow).toHaveBeenCalledTimes(1);
    });

    it('differ in any part of the key', async () => {
      const { pacer, fetch } = setup();
      const variants: Partial<HistoryRequestKey>[] = [
        {},
        { conId: 1 },
        { exchange: 'ARCA' },
        { whatToShow: 'MIDPOINT' },
        { durationStr: '5 D' },
        { barSize: '5 mins' },
        { endDateTime: '20250101 16:00:00 US/Eastern' },
        { useRth: true },
      ];
      for (const variant of variants) await pacer.request(key(variant), fetch);
      expect(fetch).toHaveBeenCalledTimes(variants.length);
    });

    it('a failed request is not cached, and its identical retry waits out the 15 s IBKR counts from the send', async () => {
      const { scheduler, pacer } = setup({ maxWaitMs: 20_000 });
      const failing = vi.fn(async (): Promise<Bar[]> => {
        throw new Error('socket closed');
      });
      await expect(pacer.request(key(), failing)).rejects.toThrow('socket closed');

      await scheduler.advance(5_000);
      const waits: PacingWait[] = [];
      const fetch = vi.fn(async () => BARS);
      const retry = track(pacer.request(key(), fetch, { onWait: (wait) => waits.push(wait) }));
      expect(waits[0]?.message).toMatch(/identical historical data request within 15 seconds.*Waiting 10 s/);
      await scheduler.advance(9_999);
      expect(fetch).not.toHaveBeenCalled();
      await scheduler.advance(1);
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(retry.value).toEqual(BARS);
    });

    it('the cache is bounded: an evicted request is asked again, within the identical-request rule', async () => {
      const { scheduler, pacer, fetch } = setup({ cacheSize: 1, maxWaitMs: 20_000 });
      await pacer.request(key({ conId: 1 }), fetch);
      await pacer.request(key({ conId: 2 }), fetch);
      await scheduler.advance(1_000);
      const again = track(pacer.request(key({ conId: 1 }), fetch));
      await scheduler.advance(14_000);
      expect(again.value).toEqual(BARS);
      expect(fetch).toHaveBeenCalledTimes(3);
      await pacer.request(key({ conId: 2 }), fetch);
      expect(fetch).toHaveBeenCalledTimes(4);
    });
  });

  describe('at most 5 requests for the same contract, exchange and data in 2 s', () => {
    const sixth = key({ durationStr: '6 D' });
    const firstFive = [1, 2, 3, 4, 5].map((n) => key({ durationStr: `${n} D` }));

    it('makes the 6th wait until the 1st is 2 s old, saying why', async () => {
      const { scheduler, pacer, fetch } = setup();
      for (const k of firstFive) {
        await pacer.request(k, fetch);
        await scheduler.advance(100);
      }
      const waits: PacingWait[] = [];
      const start = scheduler.now();
      const result = track(pacer.request(sixth, fetch, { onWait: (wait) => waits.push(wait) }));
      expect(waits).toEqual([
        {
          startsAt: start + 1_500,
          message:
            'IBKR allows at most 5 historical data requests for the same instrument and data in 2 seconds. Waiting 2 s to ask.',
        },
      ]);
      await scheduler.advance(1_499);
      expect(fetch).toHaveBeenCalledTimes(5);
      expect(result.settled).toBe(false);
      await scheduler.advance(1);
      expect(fetch).toHaveBeenCalledTimes(6);
      expect(result.value).toEqual(BARS);
    });

    it('counts per exchange and data type: other data for the same instrument does not wait', async () => {
      const { pacer, fetch } = setup();
      for (const k of firstFive) await pacer.request(k, fetch);
      const waits: PacingWait[] = [];
      const onWait = (wait: PacingWait) => waits.push(wait);
      await pacer.request({ ...sixth, whatToShow: 'MIDPOINT' }, fetch, { onWait });
      await pacer.request({ ...sixth, exchange: 'ARCA' }, fetch, { onWait });
      await pacer.request({ ...sixth, conId: 1 }, fetch, { onWait });
      expect(waits).toEqual([]);
      expect(fetch).toHaveBeenCalledTimes(8);
    });

    it('a request held back by its own contract does not hold up another contract behind it', async () => {
      const { scheduler, pacer, fetch } = setup();
      for (const k of firstFive) await pacer.request(k, fetch);
      const held = track(pacer.request(sixth, fetch));
      const other = track(pacer.request(key({ conId: 1 }), fetch));
      await scheduler.advance(0);
      expect(other.value).toEqual(BARS);
      expect(held.settled).toBe(false);
    });
  });

  describe('at most 60 requests in 10 minutes', () => {
    async function sendSixty(pacer: HistoryPacer, scheduler: FakeScheduler, fetch: () => Promise<Bar[]>) {
      for (let conId = 1; conId <= 60; conId++) {
        await pacer.request(key({ conId }), fetch);
        await scheduler.advance(1_000);
      }
    }

    it('refuses the 61st when the wait is longer than Gatehouse waits, saying when to try again', async () => {
      const { scheduler, pacer, fetch } = setup();
      const firstSentAt = scheduler.now();
      await sendSixty(pacer, scheduler, fetch);
      const onWait = vi.fn();
      const error = await pacer.request(key({ conId: 61 }), fetch, { onWait }).catch((e: unknown) => e);
      expect(onWait).not.toHaveBeenCalled();
      expect(error).toBeInstanceOf(HistoryPacingError);
      expect(error).toMatchObject({ code: 'paced', retryAt: firstSentAt + 600_000 });
      expect((error as Error).message).toBe(
        'IBKR allows at most 60 historical data requests in 10 minutes. Gatehouse waits at most 10 s for a chart, so it did not ask; try again in 9 min.',
      );
      await scheduler.advance(30_500);
      await expect(pacer.request(key({ conId: 61 }), fetch)).rejects.toThrow(/try again in 8 min 30 s\.$/);
      expect(fetch).toHaveBeenCalledTimes(60);
    });

    it('lets the 61st wait when the oldest request is about to leave the window', async () => {
      const { scheduler, pacer, fetch } = setup();
      const firstSentAt = scheduler.now();
      await sendSixty(pacer, scheduler, fetch);
      await scheduler.advance(600_000 - 60_000 - 5_000);
      const waits: PacingWait[] = [];
      const result = track(pacer.request(key({ conId: 61 }), fetch, { onWait: (w) => waits.push(w) }));
      expect(waits[0]).toEqual({
        startsAt: firstSentAt + 600_000,
        message: 'IBKR allows at most 60 historical data requests in 10 minutes. Waiting 5 s to ask.',
      });
      await scheduler.advance(4_999);
      expect(fetch).toHaveBeenCalledTimes(60);
      await scheduler.advance(1);
      expect(fetch).toHaveBeenCalledTimes(61);
      expect(result.value).toEqual(BARS);
    });

    it('a refused request does not use up a slot', async () => {
      const { scheduler, pacer, fetch } = setup();
      await sendSixty(pacer, scheduler, fetch);
      for (let i = 0; i < 5; i++) await expect(pacer.request(key({ conId: 100 + i }), fetch)).rejects.toThrow();
      await scheduler.advance(600_000 - 60_000);
      await expect(pacer.request(key({ conId: 200 }), fetch)).resolves.toEqual(BARS);
    });

    it('refuses a waiting request when others take the last slots before its turn', async () => {
      const { scheduler, pacer, fetch } = setup();
      const sameContract = [1, 2, 3, 4, 5].map((n) => key({ durationStr: `${n} D` }));
      for (const k of sameContract) await pacer.request(k, fetch);
      for (let conId = 1; conId <= 54; conId++) await pacer.request(key({ conId }), fetch);
      const held = track(pacer.request(key({ durationStr: '6 D' }), fetch));
      await pacer.request(key({ conId: 55 }), fetch);
      await scheduler.advance(2_000);
      expect(held.error).toBeInstanceOf(HistoryPacingError);
      expect(held.error).toMatchObject({ code: 'paced' });
      expect((held.error as Error).message).toContain('60 historical data requests in 10 minutes');
      expect(fetch).toHaveBeenCalledTimes(60);
    });
  });

  describe('errors from the gateway', () => {
    it('surfaces a pacing violation (162) as pacing-violation with IB’s text, and does not cache it', async () => {
      const { scheduler, pacer } = setup();
      const ibError = Object.assign(
        new Error('Historical Market Data Service error message:Historical data request pacing violation'),
        { code: 162, reqId: 7 },
      );
      const error = await pacer.request(key(), () => Promise.reject(ibError)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HistoryPacingError);
      expect(error).toMatchObject({ code: 'pacing-violation', retryAt: null });
      expect((error as Error).message).toContain('Historical data request pacing violation');
      await scheduler.advance(15_000);
      const fetch = vi.fn(async () => BARS);
      await pacer.request(key(), fetch);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('passes other 162 errors (no data, no permissions) and other failures through untouched', async () => {
      const { pacer } = setup();
      const noData = Object.assign(
        new Error('Historical Market Data Service error message:HMDS query returned no data'),
        { code: 162 },
      );
      await expect(pacer.request(key(), () => Promise.reject(noData))).rejects.toBe(noData);
      const other = Object.assign(new Error('No security definition has been found for the request'), { code: 200 });
      await expect(pacer.request(key({ conId: 2 }), () => Promise.reject(other))).rejects.toBe(other);
      await expect(pacer.request(key({ conId: 3 }), () => Promise.reject('bare string'))).rejects.toBe('bare string');
    });

    it('turns a fetch that throws synchronously into a rejection', async () => {
      const { pacer } = setup();
      const boom = new Error('not connected');
      await expect(
        pacer.request(key(), () => {
          throw boom;
        }),
      ).rejects.toBe(boom);
    });
  });

  it('dispose() refuses what is still waiting and stops its timer', async () => {
    const { scheduler, pacer, fetch } = setup();
    for (const n of [1, 2, 3, 4, 5]) await pacer.request(key({ durationStr: `${n} D` }), fetch);
    const held = track(pacer.request(key({ durationStr: '6 D' }), fetch));
    expect(scheduler.pendingTimers).toBe(1);
    pacer.dispose();
    await scheduler.advance(5_000);
    expect(scheduler.pendingTimers).toBe(0);
    expect(held.error).toMatchObject({ code: 'cancelled' });
    expect(fetch).toHaveBeenCalledTimes(5);
  });
});
