import { describe, expect, it } from 'vitest';
import type { RuleAccount } from '../../../../src/core/rules/rule-context';
import { checkFor, outcomeOf, type Spec } from './fixtures';

const LIVE_INDIVIDUAL: RuleAccount = { id: 'U7654321', kind: 'individual', label: 'Individual' };
const live = (liveArmed: boolean): Spec => ({
  account: LIVE_INDIVIDUAL,
  facts: { reportedAccounts: [LIVE_INDIVIDUAL.id] },
  ctx: { mode: 'live', liveArmed },
});

describe('live-armed', () => {
  it('blocks a live order when live trading is not armed', () => {
    expect(checkFor(live(false), 'live-armed')).toEqual({
      id: 'live-armed',
      rule: 'Live trading armed',
      outcome: 'block',
      message: 'Live trading is not armed for this session; arm it (type LIVE to confirm) before sending real orders.',
    });
  });

  it.each<[string, Spec]>([
    ['live, armed', live(true)],
    ['paper', { ctx: { mode: 'paper' } }],
    ['demo', { ctx: { mode: 'demo' } }],
  ])('passes %s', (_name, spec) => {
    expect(outcomeOf(spec, 'live-armed')).toBe('pass');
  });
});

describe('mode-match', () => {
  it('blocks with the mode guard’s reason when the gateway’s accounts do not match the mode', () => {
    const reason =
      'You chose paper mode, but the gateway reports U7654321, which is not a paper (DU…) account. Trading is refused until the mode and the gateway match.';
    const check = checkFor({ facts: { reportedAccounts: ['DU1000002', 'U7654321'] } }, 'mode-match');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toBe(reason);
  });

  it.each<[string, 'pass' | 'block', Spec]>([
    ['a paper account in live mode', 'block', { ctx: { mode: 'live', liveArmed: true } }],
    ['a live account in paper mode', 'block', { account: LIVE_INDIVIDUAL }],
    ['a live account in demo mode', 'block', { account: LIVE_INDIVIDUAL, ctx: { mode: 'demo' } }],
    ['a live account in live mode', 'pass', live(true)],
    ['a paper account in paper mode', 'pass', {}],
    ['a paper account in demo mode', 'pass', { ctx: { mode: 'demo' } }],
  ])('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'mode-match')).toBe(expected);
  });
});

describe('read-only', () => {
  it('blocks when order entry is off, passes when on', () => {
    expect(checkFor({ ctx: { readOnly: true } }, 'read-only')?.outcome).toBe('block');
    expect(checkFor({ ctx: { readOnly: true } }, 'read-only')?.message).toContain('Read-only is on');
    expect(outcomeOf({ ctx: { readOnly: false } }, 'read-only')).toBe('pass');
  });
});

describe('order counts', () => {
  it.each([
    ['49 of 50 today', 'pass', 'orders-per-day', { today: 49, lastMinute: 0 }, {}],
    ['50 of 50 today', 'block', 'orders-per-day', { today: 50, lastMinute: 0 }, {}],
    ['10 with a limit of 10 a day', 'block', 'orders-per-day', { today: 10, lastMinute: 0 }, { maxOrdersPerDay: 10 }],
    ['4 in the last minute', 'pass', 'orders-per-minute', { today: 4, lastMinute: 4 }, {}],
    ['5 in the last minute', 'block', 'orders-per-minute', { today: 5, lastMinute: 5 }, {}],
    [
      '1 in the last minute with a limit of 1',
      'block',
      'orders-per-minute',
      { today: 1, lastMinute: 1 },
      { maxOrdersPerMinute: 1 },
    ],
  ] as const)('%s → %s', (_name, expected, id, orderCounts, limits) => {
    expect(outcomeOf({ ctx: { orderCounts }, limits }, id)).toBe(expected);
  });

  it('names the limit', () => {
    expect(checkFor({ ctx: { orderCounts: { today: 50, lastMinute: 0 } } }, 'orders-per-day')?.message).toBe(
      '50 orders have been sent today, the daily limit of 50; raise it in settings to send more.',
    );
  });
});
