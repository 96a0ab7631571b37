import { describe, expect, it } from 'vitest';
import { TICK } from '../../../../src/core/market/quote-state';
import { TickCoalescer } from '../../../../src/core/market/tick-coalescer';
import { QuoteBatchSchema, type QuoteBatch } from '../../../../src/shared/market';
import { FakeScheduler } from './fake-scheduler';

const WINDOW = 20;

function setup(options: { ack?: 'auto' | 'manual'; instruments?: number } = {}) {
  const scheduler = new FakeScheduler();
  const batches: QuoteBatch[] = [];
  const coalescer: TickCoalescer = new TickCoalescer({
    scheduler,
    flushEveryMs: WINDOW,
    onBatch: (batch) => {
      batches.push(QuoteBatchSchema.parse(batch));
      if (options.ack === 'auto') coalescer.ready();
    },
  });
  for (let conId = 1; conId <= (options.instruments ?? 3); conId++) coalescer.track(conId, `SYM${conId}`);
  return { scheduler, batches, coalescer };
}

const byConId = (batch: QuoteBatch | undefined) => new Map(batch?.quotes.map((q) => [q.conId, q]));

describe('TickCoalescer', () => {
  it('delivers nothing synchronously, then the first batch at once after the current burst', async () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.push(1, TICK.BID, 10);
    coalescer.push(1, TICK.ASK, 10.02);
    expect(batches).toHaveLength(0);
    await scheduler.advance(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.quotes).toHaveLength(1);
    expect(batches[0]?.quotes[0]).toMatchObject({ conId: 1, symbol: 'SYM1', bid: 10, ask: 10.02 });
  });

  it('sends at most one batch per window', async () => {
    const { scheduler, batches, coalescer } = setup({ ack: 'auto' });
    coalescer.push(1, TICK.BID, 10);
    await scheduler.advance(0);
    expect(batches).toHaveLength(1);

    coalescer.push(1, TICK.BID, 11);
    await scheduler.advance(WINDOW - 1);
    expect(batches).toHaveLength(1);
    coalescer.push(2, TICK.BID, 20);
    await scheduler.advance(1);
    expect(batches).toHaveLength(2);
    expect([...byConId(batches[1]).keys()].sort()).toEqual([1, 2]);

    // A steady stream: one tick every millisecond for 200 ms is ten batches, not two hundred.
    for (let ms = 0; ms < 200; ms++) {
      coalescer.push(3, TICK.LAST, 100 + ms);
      await scheduler.advance(1);
    }
    expect(batches.length - 2).toBe(200 / WINDOW);
  });

  it('holds one entry per instrument, with the latest values of every field', async () => {
    const { scheduler, batches, coalescer } = setup();
    for (let i = 1; i <= 50; i++) {
      coalescer.push(1, TICK.BID, i);
      coalescer.push(2, TICK.LAST, 100 + i);
      coalescer.push(1, TICK.BID_SIZE, i * 100);
    }
    coalescer.push(2, TICK.CLOSE, 100);
    await scheduler.advance(0);
    const quotes = byConId(batches[0]);
    expect(batches[0]?.quotes).toHaveLength(2);
    expect(quotes.get(1)).toMatchObject({ bid: 50, bidSize: 5_000 });
    expect(quotes.get(2)).toMatchObject({ last: 150, close: 100, change: 50 });
  });

  it('sends the whole latest quote, not only the fields that changed', async () => {
    const { scheduler, batches, coalescer } = setup({ ack: 'auto' });
    coalescer.push(1, TICK.BID, 10);
    await scheduler.advance(WINDOW);
    coalescer.push(1, TICK.ASK, 10.5);
    await scheduler.advance(WINDOW);
    expect(batches[1]?.quotes[0]).toMatchObject({ bid: 10, ask: 10.5 });
  });

  it('sends nothing for ticks that change nothing', async () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.push(1, TICK.BID, Number.MAX_VALUE);
    coalescer.push(1, 48, 1);
    coalescer.push(99, TICK.BID, 10);
    await scheduler.advance(WINDOW * 3);
    expect(batches).toHaveLength(0);
    expect(scheduler.pendingTimers).toBe(0);
  });

  describe('backpressure (the consumer acknowledges with ready())', () => {
    it('sends no new batch until the previous one is acknowledged, then merges everything into one', async () => {
      const { scheduler, batches, coalescer } = setup();
      coalescer.push(1, TICK.BID, 10);
      await scheduler.advance(0);
      expect(batches).toHaveLength(1);

      for (let i = 0; i < 10; i++) {
        coalescer.push(1, TICK.BID, 11 + i);
        coalescer.push(2, TICK.ASK, 30 + i);
        await scheduler.advance(WINDOW);
      }
      expect(batches).toHaveLength(1);

      coalescer.ready();
      await scheduler.advance(0);
      expect(batches).toHaveLength(2);
      const merged = batches[1];
      expect(merged?.quotes).toHaveLength(2);
      expect(byConId(merged).get(1)?.bid).toBe(20);
      expect(byConId(merged).get(2)?.ask).toBe(39);
      expect(merged?.seq).toBe(2);
    });

    it('says how many windows the consumer missed, and nothing when it kept up', async () => {
      const { scheduler, batches, coalescer } = setup();
      coalescer.push(1, TICK.BID, 10);
      await scheduler.advance(0);
      coalescer.push(1, TICK.BID, 11);
      // Due at WINDOW, held until 5 * WINDOW + 5: the batches due at 2…5 × WINDOW never went out separately.
      await scheduler.advance(5 * WINDOW + 5);
      coalescer.ready();
      await scheduler.advance(0);
      expect(batches[1]?.dropped).toBe(4);

      coalescer.push(1, TICK.BID, 12);
      coalescer.ready();
      await scheduler.advance(WINDOW);
      expect(batches).toHaveLength(3);
      expect(batches[2]).not.toHaveProperty('dropped');
    });

    it('a late acknowledgement with nothing pending counts no missed windows', async () => {
      const { scheduler, batches, coalescer } = setup();
      coalescer.push(1, TICK.BID, 10);
      await scheduler.advance(0);
      await scheduler.advance(10 * WINDOW);
      coalescer.ready();
      coalescer.push(1, TICK.BID, 11);
      await scheduler.advance(0);
      expect(batches).toHaveLength(2);
      expect(batches[1]).not.toHaveProperty('dropped');
    });

    it('keeps memory bounded by the instruments when the consumer never acknowledges', async () => {
      const { scheduler, batches, coalescer } = setup({ instruments: 50 });
      for (let round = 0; round < 2_000; round++) {
        for (let conId = 1; conId <= 50; conId++) coalescer.push(conId, TICK.LAST, round);
        if (round % 100 === 0) await scheduler.advance(WINDOW);
      }
      await scheduler.advance(1_000);
      expect(batches).toHaveLength(1);
      expect(coalescer.stats().maxPending).toBe(50);
      expect(scheduler.pendingTimers).toBe(0);

      coalescer.ready();
      await scheduler.advance(0);
      expect(batches[1]?.quotes).toHaveLength(50);
      expect(batches[1]?.quotes.every((q) => q.last === 1_999)).toBe(true);
    });

    it('an extra ready() is harmless', async () => {
      const { scheduler, batches, coalescer } = setup();
      coalescer.ready();
      coalescer.push(1, TICK.BID, 1);
      await scheduler.advance(0);
      coalescer.ready();
      coalescer.ready();
      coalescer.push(1, TICK.BID, 2);
      await scheduler.advance(WINDOW);
      expect(batches.map((b) => b.quotes[0]?.bid)).toEqual([1, 2]);
    });
  });

  it('counts ticks received (tracked or not), batches sent and the largest pending set', async () => {
    const { scheduler, coalescer } = setup({ ack: 'auto' });
    coalescer.push(1, TICK.BID, 1);
    coalescer.push(2, TICK.BID, 1);
    coalescer.push(404, TICK.BID, 1);
    await scheduler.advance(WINDOW);
    coalescer.push(3, TICK.BID, 1);
    await scheduler.advance(WINDOW);
    expect(coalescer.stats()).toEqual({ ticksReceived: 4, batchesSent: 2, maxPending: 2 });
  });

  it('numbers batches 1, 2, 3…', async () => {
    const { scheduler, batches, coalescer } = setup({ ack: 'auto' });
    for (let i = 0; i < 3; i++) {
      coalescer.push(1, TICK.BID, i);
      await scheduler.advance(WINDOW);
    }
    expect(batches.map((b) => b.seq)).toEqual([1, 2, 3]);
  });

  it('drops an untracked instrument, pending update included, and ignores its late ticks', async () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.push(1, TICK.BID, 10);
    coalescer.push(2, TICK.BID, 20);
    coalescer.untrack(2);
    coalescer.push(2, TICK.BID, 21);
    await scheduler.advance(0);
    expect([...byConId(batches[0]).keys()]).toEqual([1]);
    expect(coalescer.latest(2)).toBeUndefined();
  });

  it('sends no empty batch when the only pending instrument was untracked', async () => {
    const { scheduler, batches, coalescer } = setup({ ack: 'auto' });
    coalescer.push(1, TICK.BID, 10);
    coalescer.untrack(1);
    await scheduler.advance(WINDOW);
    expect(batches).toHaveLength(0);
    coalescer.push(2, TICK.BID, 20);
    await scheduler.advance(0);
    expect(batches.map((b) => b.seq)).toEqual([1]);
  });

  it('tracking an instrument again keeps its state', () => {
    const { coalescer } = setup();
    coalescer.push(1, TICK.BID, 10);
    coalescer.track(1, 'SYM1');
    expect(coalescer.latest(1)?.bid).toBe(10);
  });

  it('relabels a quote from IB’s marketDataType message and sends it', async () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.setMarketDataType(1, 'live');
    await scheduler.advance(WINDOW);
    expect(batches).toHaveLength(0);
    coalescer.setMarketDataType(1, 'delayed');
    await scheduler.advance(0);
    expect(batches[0]?.quotes[0]).toMatchObject({ conId: 1, marketDataType: 'delayed' });
    expect(coalescer.latest(1)?.marketDataType).toBe('delayed');
  });

  it('stamps each quote with the time its latest tick arrived', async () => {
    const { scheduler, batches, coalescer } = setup();
    const start = scheduler.now();
    coalescer.push(1, TICK.BID, 10);
    await scheduler.advance(0);
    expect(batches[0]?.quotes[0]?.updatedAt).toBe(start);
  });

  it('dispose() clears its timer and sends nothing more', async () => {
    const { scheduler, batches, coalescer } = setup();
    coalescer.push(1, TICK.BID, 10);
    expect(scheduler.pendingTimers).toBe(1);
    coalescer.dispose();
    expect(scheduler.pendingTimers).toBe(0);
    coalescer.track(1, 'SYM1');
    coalescer.push(1, TICK.BID, 11);
    await scheduler.advance(WINDOW * 5);
    expect(batches).toHaveLength(0);
  });

  it('refuses a window that is not a positive number of milliseconds', () => {
    for (const flushEveryMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new TickCoalescer({ onBatch: () => {}, flushEveryMs })).toThrow(RangeError);
    }
  });

  it('sanity: a million ticks over 200 instruments fold into one batch of 200 latest quotes', async () => {
    const instruments = 200;
    const { scheduler, batches, coalescer } = setup({ instruments });
    const rounds = 5_000;
    const ticks = rounds * instruments;
    const fields = ['bid', 'ask', 'last', 'bidSize', 'volume'] as const;
    const types = [TICK.BID, TICK.ASK, TICK.LAST, TICK.BID_SIZE, TICK.VOLUME];
    const started = performance.now();
    for (let round = 0; round < rounds; round++) {
      const type = types[round % types.length] ?? TICK.BID;
      for (let conId = 1; conId <= instruments; conId++) coalescer.push(conId, type, round * 1_000 + conId);
    }
    const elapsedMs = performance.now() - started;
    await scheduler.advance(0);

    expect(batches).toHaveLength(1);
    const quotes = byConId(batches[0]);
    expect(quotes.size).toBe(instruments);
    // The last five rounds set each of the five fields once more: those values must be the ones sent.
    for (let conId = 1; conId <= instruments; conId++) {
      for (let round = rounds - types.length; round < rounds; round++) {
        const field = fields[round % fields.length] ?? 'bid';
        expect(quotes.get(conId)?.[field]).toBe(round * 1_000 + conId);
      }
    }
    expect(coalescer.stats()).toEqual({ ticksReceived: ticks, batchesSent: 1, maxPending: instruments });
    console.info(
      `push(): ${Math.round(ticks / (elapsedMs / 1000)).toLocaleString('en-US')} ticks/s (${elapsedMs.toFixed(0)} ms for ${ticks.toLocaleString('en-US')})`,
    );
  });

  it('never changes a quote it has handed out, in a batch or from latest(), though it folds ticks in place', async () => {
    const scheduler = new FakeScheduler();
    const sent: QuoteBatch[] = [];
    const coalescer = new TickCoalescer({ scheduler, flushEveryMs: WINDOW, onBatch: (batch) => sent.push(batch) });
    coalescer.track(1, 'SYM1');
    coalescer.push(1, TICK.BID, 10);
    coalescer.push(1, TICK.BID, 10.01);
    await scheduler.advance(0);
    const batched = sent[0]?.quotes[0];
    expect(batched).toMatchObject({ bid: 10.01 });
    coalescer.push(1, TICK.BID, 10.02);
    coalescer.push(1, TICK.BID, 10.03);
    const held = coalescer.latest(1);
    coalescer.push(1, TICK.BID, 10.04);
    expect(batched).toMatchObject({ bid: 10.01 });
    expect(held).toMatchObject({ bid: 10.03 });
    expect(coalescer.latest(1)).toMatchObject({ bid: 10.04 });
    coalescer.ready();
    await scheduler.advance(WINDOW);
    expect(sent[1]?.quotes[0]).toMatchObject({ bid: 10.04 });
  });
});
