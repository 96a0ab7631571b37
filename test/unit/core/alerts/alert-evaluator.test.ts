import { describe, expect, it } from 'vitest';
import { alertPrice, evaluateAlert } from '../../../../src/core/alerts/alert-evaluator';
import type { AlertCondition } from '../../../../src/shared/alerts';

const waiting = (condition: AlertCondition, basePrice: number | null = null) => ({
  condition,
  basePrice,
  firedAt: null,
});

describe('price alert evaluator', () => {
  it('fires an above alert at or over its price, not under it', () => {
    const alert = waiting({ kind: 'above', price: 190 });
    expect(evaluateAlert(alert, 189.99)).toEqual({ outcome: 'wait' });
    expect(evaluateAlert(alert, 190)).toEqual({ outcome: 'fire', price: 190 });
    expect(evaluateAlert(alert, 191.5)).toEqual({ outcome: 'fire', price: 191.5 });
  });

  it('fires a below alert at or under its price, not over it', () => {
    const alert = waiting({ kind: 'below', price: 180 });
    expect(evaluateAlert(alert, 180.01)).toEqual({ outcome: 'wait' });
    expect(evaluateAlert(alert, 179)).toEqual({ outcome: 'fire', price: 179 });
  });

  it('takes the first price as the base of a move, then fires on that many percent either way', () => {
    const alert = waiting({ kind: 'move', percent: 2 });
    expect(evaluateAlert(alert, 100)).toEqual({ outcome: 'base', price: 100 });
    const based = { ...alert, basePrice: 100 };
    expect(evaluateAlert(based, 101.9)).toEqual({ outcome: 'wait' });
    expect(evaluateAlert(based, 98.1)).toEqual({ outcome: 'wait' });
    expect(evaluateAlert(based, 102)).toEqual({ outcome: 'fire', price: 102 });
    expect(evaluateAlert(based, 97.5)).toEqual({ outcome: 'fire', price: 97.5 });
  });

  it('never fires twice', () => {
    const fired = { ...waiting({ kind: 'above', price: 190 }), firedAt: 1 };
    expect(evaluateAlert(fired, 200)).toEqual({ outcome: 'wait' });
  });

  it('watches the last trade, else the midpoint, else nothing', () => {
    expect(alertPrice({ last: 101, bid: 99, ask: 100 })).toBe(101);
    expect(alertPrice({ last: null, bid: 99, ask: 100 })).toBe(99.5);
    expect(alertPrice({ last: null, bid: 99, ask: null })).toBeNull();
    expect(alertPrice({ last: -1, bid: null, ask: null })).toBeNull();
  });
});
