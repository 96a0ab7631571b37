import { describe, expect, it } from 'vitest';
import { OrderCounter } from '../../../../src/core/orders/order-counter';

const NOW = Date.parse('2026-12-04T09:00:00Z');

describe('OrderCounter', () => {
  it('counts a taken order at once, and uncounts it once if it is not sent after all', () => {
    const counter = new OrderCounter();
    counter.record(NOW - 120_000);
    const first = counter.take(NOW);
    counter.take(NOW);
    expect(counter.counts(NOW)).toEqual({ today: 3, lastMinute: 2 });
    first();
    first();
    expect(counter.counts(NOW)).toEqual({ today: 2, lastMinute: 1 });
  });
});
