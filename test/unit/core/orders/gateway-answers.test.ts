import { describe, expect, it } from 'vitest';
import { classifyOrderAnswer, phaseFromStatus } from '../../../../src/core/orders/gateway-answers';

describe('classifyOrderAnswer', () => {
  it.each([
    [
      201,
      'Order rejected - reason:Short stock positions can only be held in a margin account.',
      'rejected',
      'IBKR rejected the order: Short stock positions can only be held in a margin account.',
    ],
    [200, 'No security definition has been found for the request', 'invalid', 'no such contract (200)'],
    [460, 'Trading not allowed', 'invalid', '(460)'],
    [202, 'Order Canceled - reason:', 'cancelled', 'The order was cancelled.'],
    [103, 'Duplicate order id', 'rejected', '(103)'],
    [10243, 'Fractional-sized order cannot be placed via API.', 'rejected', '(10243)'],
  ])('%i ends the order as %s', (code, text, phase, message) => {
    const answer = classifyOrderAnswer(code, text);
    expect(answer).toMatchObject({ effect: 'final', phase });
    expect(answer?.message).toContain(message);
  });

  it('404 (locating shares) is a note, not a rejection', () => {
    expect(classifyOrderAnswer(404, 'Order held while securities are located.')).toMatchObject({ effect: 'note' });
  });

  it('321 read-only says where the setting is', () => {
    const answer = classifyOrderAnswer(
      321,
      "Error validating request.-'sim' : cause - The API interface is currently in Read-Only mode.",
    );
    expect(answer).toMatchObject({ effect: 'final', phase: 'rejected' });
    expect(answer?.message).toContain('Configure → Settings → API → Settings');
    expect(classifyOrderAnswer(321, 'Error validating request: cause - bad field')?.message).toContain('bad field');
  });

  it('ignores informational 2xxx notices and keeps a late cancel (161) from killing the order', () => {
    expect(classifyOrderAnswer(2109, 'Order Event Warning: outside RTH')).toBeNull();
    expect(classifyOrderAnswer(161, 'Cancel attempted when order is not in a cancellable state')).toMatchObject({
      effect: 'note',
    });
  });
});

describe('phaseFromStatus', () => {
  it.each([
    ['Submitted', 'working'],
    ['PreSubmitted', 'working'],
    ['PendingCancel', 'working'],
    ['Filled', 'filled'],
    ['Cancelled', 'cancelled'],
    ['ApiCancelled', 'cancelled'],
    ['Inactive', 'invalid'],
    ['SomethingNew', 'working'],
  ])('%s → %s', (status, phase) => expect(phaseFromStatus(status)).toBe(phase));

  it('Inactive holds a bracket leg (it waits for the rest of its bracket) and nothing else', () => {
    expect(phaseFromStatus('Inactive', true)).toBe('held');
    expect(phaseFromStatus('Submitted', true)).toBe('working');
  });
});
