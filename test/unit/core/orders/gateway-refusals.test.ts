import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../src/core/orders/gateway-refusals';

describe('words for a cancel or link the gateway refused', () => {
  it('says what to do when IBKR will not put a working order in a one-cancels-all group', () => {
    for (const [code, text] of [
      [10326, 'OCA group revision is not allowed'],
      [10327, 'OCA group type revision is not allowed'],
    ] as const) {
      const words = refusal(code, text, 'Orders 4, 5 could not be linked');
      expect(words).toContain(`IB error ${code}: ${text}`);
      expect(words).toMatch(/Cancel the orders and place them again in one group\.$/);
    }
  });

  it('names the read-only setting for 321, and gives any other code with its text', () => {
    expect(refusal(321, 'The API interface is currently in Read-Only mode.', 'Order 4 could not be cancelled')).toMatch(
      /read-only API mode \(IB error 321\)/,
    );
    expect(refusal(10147, 'OrderId 4 that needs to be cancelled is not found.', 'Order 4 could not be cancelled')).toBe(
      'Order 4 could not be cancelled: IB error 10147: OrderId 4 that needs to be cancelled is not found.',
    );
  });
});
