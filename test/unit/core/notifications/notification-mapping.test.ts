import { describe, expect, it } from 'vitest';
import {
  alertNotice,
  orderNotice,
  sessionNotice,
  type SessionWatch,
} from '../../../../src/core/notifications/notification-mapping';
import type { TrackedOrder } from '../../../../src/shared/orders';
import type { SessionState } from '../../../../src/shared/session';

const sent: TrackedOrder = {
  orderId: 5,
  previewId: 'p',
  account: 'DU1',
  words: 'Buy 300 AAPL',
  ticket: {
    account: 'DU1',
    contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD', exchange: 'SMART' },
    action: 'BUY',
    quantity: 300,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
  },
  phase: 'working',
  ibStatus: 'Submitted',
  filled: 0,
  remaining: 300,
  avgFillPrice: null,
  message: null,
  ibCode: null,
  submittedAt: 0,
  updatedAt: 0,
};

describe('order notifications', () => {
  it('a partial fill, then the rest, then a repeat of the final status', () => {
    const part = { ...sent, filled: 100, remaining: 200, avgFillPrice: 187.25 };
    expect(orderNotice(sent, part)).toEqual({
      kind: 'partial-fill',
      title: 'Partly filled: Buy 300 AAPL',
      body: '100 of 300 at 187.25 in DU1.',
    });
    expect(orderNotice(part, part)).toBeNull();
    const done = { ...part, phase: 'filled' as const, ibStatus: 'Filled', filled: 300, remaining: 0 };
    expect(orderNotice(part, done)).toMatchObject({ kind: 'fill', body: '300 at 187.25 in DU1.' });
    expect(orderNotice(done, done)).toBeNull();
  });

  it('a working order with no new fill says nothing', () => {
    expect(orderNotice(undefined, sent)).toBeNull();
    expect(orderNotice({ ...sent, phase: 'sending', ibStatus: null }, sent)).toBeNull();
  });

  it("a rejection carries IBKR's reason and code", () => {
    const rejected = {
      ...sent,
      phase: 'rejected' as const,
      message: 'Order rejected - reason: No shares',
      ibCode: 201,
    };
    expect(orderNotice(sent, rejected)).toEqual({
      kind: 'rejected',
      title: 'Rejected: Buy 300 AAPL',
      body: 'Order rejected - reason: No shares (IB error 201)',
    });
    const invalid = { ...sent, phase: 'invalid' as const, message: 'IB error 460: no such order', ibCode: 460 };
    expect(orderNotice(sent, invalid)?.body).toBe('IB error 460: no such order');
  });

  it('a cancel', () => {
    expect(orderNotice(sent, { ...sent, phase: 'cancelled', ibStatus: 'Cancelled' })).toMatchObject({
      kind: 'cancelled',
      title: 'Cancelled: Buy 300 AAPL',
    });
  });
});

const state = (overrides: Partial<SessionState>): SessionState => ({
  state: 'connected',
  mode: 'demo',
  readOnly: false,
  host: '127.0.0.1',
  port: 4002,
  serverVersion: 176,
  clientId: 17,
  accounts: [],
  heartbeatLatencyMs: null,
  lastHeartbeatAt: null,
  farms: [],
  lastError: null,
  liveArmed: false,
  tradingBlockedReason: null,
  detail: 'Connected',
  ...overrides,
});

function run(states: SessionState[]): (string | null)[] {
  let watch: SessionWatch | null = null;
  return states.map((next) => {
    const step = sessionNotice(watch, next);
    watch = step.watch;
    return step.notice?.kind ?? null;
  });
}

describe('connection notifications', () => {
  it('the first connect is quiet; a drop and the reconnect are heard', () => {
    const lost = state({ state: 'reconnecting', lastError: { ibCode: 1100, message: 'Connectivity lost', at: 1 } });
    expect(run([state({ state: 'connecting' }), state({}), lost, state({ state: 'connecting' }), state({})])).toEqual([
      null,
      null,
      'connection-lost',
      null,
      'connection-restored',
    ]);
    expect(sessionNotice({ mode: 'demo', up: true, beenUp: true }, lost).notice?.body).toBe('Connectivity lost');
  });

  it('degraded is still up; a mode switch is neither a loss nor a restoration', () => {
    expect(run([state({}), state({ state: 'degraded' }), state({})])).toEqual([null, null, null]);
    expect(run([state({}), state({ mode: 'paper', state: 'connecting' }), state({ mode: 'paper' })])).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('alert notifications', () => {
  it('names the condition and the price it fired at', () => {
    const notice = alertNotice({
      id: 'a',
      listing: {
        conId: 265598,
        symbol: 'AAPL',
        secType: 'STK',
        exchange: 'SMART',
        primaryExchange: 'NASDAQ',
        currency: 'USD',
        description: 'APPLE INC',
      },
      condition: { kind: 'above', price: 190 },
      basePrice: null,
      createdAt: 0,
      firedAt: 1,
      firedPrice: 190.12,
    });
    expect(notice).toEqual({ kind: 'alert', title: 'Alert: AAPL above 190.00', body: 'AAPL traded at 190.12.' });
  });
});
