import type { ContractDetails } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { instrumentFrom } from '../../../../src/core/orders/rule-context-builder';
import { INTERNAL_CHECK_FAILURE, orderCheckError } from '../../../../src/core/orders/unexpected-error';
import { AppError } from '../../../../src/shared/result';

function capture() {
  const logged: { message: string; error: unknown }[] = [];
  return { logged, logError: (message: string, error: unknown) => void logged.push({ message, error }) };
}

describe('an error while checking an order', () => {
  it('is logged with its stack and shown as an internal error, not as a reason', () => {
    const { logged, logError } = capture();
    const bug = new TypeError("Cannot read properties of undefined (reading 'multiplier')");
    const shown = orderCheckError(bug, logError);
    expect(shown).toBeInstanceOf(AppError);
    expect(shown).toMatchObject({ code: 'internal', message: INTERNAL_CHECK_FAILURE });
    expect(shown.message).not.toContain('multiplier');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.error).toBe(bug);
    expect((logged[0]?.error as Error).stack).toContain('TypeError');
  });

  it('passes a refusal written for the person through, unlogged', () => {
    const { logged, logError } = capture();
    const refusal = new AppError('refused', 'Gatehouse does not trade BAG contracts.');
    expect(orderCheckError(refusal, logError)).toBe(refusal);
    expect(logged).toHaveLength(0);
  });

  it('a contract kind the rules do not cover is such a refusal', () => {
    const details = { contract: { secType: 'BAG', symbol: 'SPY' } } as unknown as ContractDetails;
    const thrown = (() => {
      try {
        instrumentFrom(details, null);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'refused', message: 'Gatehouse does not trade BAG contracts.' });
  });
});
