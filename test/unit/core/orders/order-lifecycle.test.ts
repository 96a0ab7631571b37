import { describe, expect, it } from 'vitest';
import { applyOrderEvent } from '../../../../src/core/orders/order-lifecycle';
import { reconcileIntents, unresolvedIntents } from '../../../../src/core/orders/reconcile';
import { auditRecord, filterAudit, parseAuditLines } from '../../../../src/core/orders/order-audit';
import type { TrackedOrder } from '../../../../src/shared/orders';
import { describeOrder } from '../../../../src/shared/order-words';

const order: TrackedOrder = {
  orderId: 5,
  previewId: 'p',
  account: 'DU1',
  words: 'Sell 300 AAPL',
  ticket: {
    account: 'DU1',
    contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD', exchange: 'SMART' },
    action: 'SELL',
    quantity: 300,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
  },
  phase: 'sending',
  ibStatus: null,
  filled: 0,
  remaining: 300,
  avgFillPrice: null,
  message: null,
  ibCode: null,
  submittedAt: 0,
  updatedAt: 0,
};

describe('applyOrderEvent', () => {
  it('a 201 that arrives before any status rejects the order, and the later Cancelled status does not undo it', () => {
    const rejected = applyOrderEvent(
      order,
      { type: 'answer', code: 201, text: 'Order rejected - reason:No shares' },
      1,
    );
    expect(rejected.order).toMatchObject({
      phase: 'rejected',
      ibCode: 201,
      message: 'IBKR rejected the order: No shares',
    });
    expect(rejected.audit).toMatchObject({ kind: 'rejected', ibCode: 201 });
    const later = applyOrderEvent(
      rejected.order,
      { type: 'status', status: 'Cancelled', filled: 0, remaining: 300, avgFillPrice: 0 },
      2,
    );
    expect(later.order.phase).toBe('rejected');
    expect(later.order.ibStatus).toBe('Cancelled');
  });

  it('a locate (404) keeps the order working and says why', () => {
    const working = applyOrderEvent(
      order,
      { type: 'status', status: 'PreSubmitted', filled: 0, remaining: 300, avgFillPrice: 0 },
      1,
    ).order;
    const held = applyOrderEvent(
      working,
      { type: 'answer', code: 404, text: 'Order held while securities are located.' },
      2,
    );
    expect(held.order.phase).toBe('working');
    expect(held.order.message).toContain('locating shares');
    expect(held.audit?.kind).toBe('gateway-message');
  });

  it('statuses move the order and repeated ones write nothing', () => {
    const filled = applyOrderEvent(
      order,
      { type: 'status', status: 'Filled', filled: 300, remaining: 0, avgFillPrice: 229.5 },
      1,
    );
    expect(filled.order).toMatchObject({ phase: 'filled', filled: 300, avgFillPrice: 229.5 });
    expect(
      applyOrderEvent(
        filled.order,
        { type: 'status', status: 'Filled', filled: 300, remaining: 0, avgFillPrice: 229.5 },
        2,
      ).audit,
    ).toBeNull();
    const cancelled = applyOrderEvent(
      order,
      { type: 'status', status: 'Cancelled', filled: 0, remaining: 300, avgFillPrice: 0 },
      1,
    );
    expect(cancelled.audit?.kind).toBe('cancelled');
  });

  it('a bracket child IBKR holds Inactive is held, not final, and works once its parent fills', () => {
    const status = (s: string) => ({ type: 'status' as const, status: s, filled: 0, remaining: 300, avgFillPrice: 0 });
    const child: TrackedOrder = { ...order, leg: { groupId: 'g1', role: 'take-profit' } };
    const held = applyOrderEvent(child, status('Inactive'), 1).order;
    expect(held.phase).toBe('held');
    expect(applyOrderEvent(held, status('Submitted'), 2).order.phase).toBe('working');
    // The same word for an order outside a bracket still means IBKR made it inactive for good.
    const lone = applyOrderEvent(order, status('Inactive'), 1).order;
    expect(lone.phase).toBe('invalid');
    expect(applyOrderEvent(lone, status('Submitted'), 2).order.phase).toBe('invalid');
  });
});

describe('reconciling after a restart', () => {
  const rec = (kind: Parameters<typeof auditRecord>[0]['kind'], orderId: number, previewId = `p${orderId}`) =>
    auditRecord({ kind, orderId, previewId, account: 'DU1' }, new Date(0));

  it('finds intents with no outcome and never proposes to re-send them', () => {
    const records = [
      rec('submit-intent', 1),
      rec('sent', 1),
      rec('status', 1),
      rec('submit-intent', 2),
      rec('submit-intent', 3),
      rec('sent', 3),
    ];
    const open = unresolvedIntents(records);
    expect(open.map((r) => r.orderId)).toEqual([2, 3]);
    const entries = reconcileIntents(
      open,
      [{ orderId: 3, contract: {}, order: { orderRef: 'p3' }, orderState: { status: 'Submitted' } }],
      [],
    );
    expect(entries[0]?.message).toContain('was not found at the gateway');
    expect(entries[0]?.message).toContain('not re-sent');
    expect(entries[1]).toMatchObject({ kind: 'reconciled', orderId: 3, ibStatus: 'Submitted' });
  });

  it('matches by the preview id in orderRef when the order id differs, and by executions', () => {
    const entries = reconcileIntents(
      [rec('submit-intent', 7, 'abc')],
      [],
      [{ execution: { orderId: 99, orderRef: 'abc', shares: 10 } }],
    );
    expect(entries[0]?.message).toContain('executed 10');
  });
});

describe('audit records', () => {
  it('lists newest first and filters by account, kind and text; unknown lines count as damaged', () => {
    const lines = [
      auditRecord({ kind: 'preview', account: 'DU1', message: 'Buy 1 AAPL' }, new Date(1)),
      auditRecord({ kind: 'submit-intent', account: 'DU2', message: 'Sell 2 MSFT' }, new Date(2)),
      {
        at: new Date(3).toISOString(),
        source: 'order-book',
        mode: 'demo',
        type: 'cancel',
        orderId: 4,
        account: 'DU2',
        symbol: 'MSFT',
      },
      { nonsense: true },
    ];
    const { records, invalid } = parseAuditLines(lines);
    expect(invalid).toBe(1);
    expect(records.map((r) => r.kind)).toEqual(['preview', 'submit-intent', 'cancel-request']);
    const all = { limit: 500 };
    expect(filterAudit(records, all).map((r) => r.kind)).toEqual(['cancel-request', 'submit-intent', 'preview']);
    expect(filterAudit(records, { ...all, account: 'DU2' })).toHaveLength(2);
    expect(filterAudit(records, { ...all, kind: 'preview' })).toHaveLength(1);
    expect(filterAudit(records, { ...all, text: 'msft' })).toHaveLength(2);
  });
});

describe('describeOrder', () => {
  it.each([
    [{ orderType: 'LMT', limitPrice: 190 }, 'Buy 100 AAPL at 190.00 limit, day, in Roth IRA DU1000001'],
    [
      { orderType: 'MKT', tif: 'GTC', outsideRth: true },
      'Buy 100 AAPL at market, good until cancelled, outside regular hours too, in Roth IRA DU1000001',
    ],
    [
      { orderType: 'STP LMT', stopPrice: 180, limitPrice: 179.5 },
      'Buy 100 AAPL at 179.50 limit once it trades at 180.00 (stop limit), day, in Roth IRA DU1000001',
    ],
  ] as const)('%o', (fields, words) => {
    const ticket = {
      account: 'DU1000001',
      contract: { symbol: 'AAPL', secType: 'STK' as const },
      action: 'BUY' as const,
      quantity: 100,
      tif: 'DAY' as const,
      ...fields,
    };
    expect(describeOrder(ticket, 'Roth IRA')).toBe(words);
  });

  it('names options and futures', () => {
    const base = {
      account: 'DU1',
      action: 'SELL' as const,
      quantity: 2,
      orderType: 'LMT' as const,
      limitPrice: 5,
      tif: 'DAY' as const,
    };
    expect(
      describeOrder(
        { ...base, contract: { symbol: 'AAPL', secType: 'OPT', lastTradeDate: '20260116', strike: 230, right: 'C' } },
        'IRA',
      ),
    ).toBe('Sell 2 AAPL 230 calls expiring 2026-01-16 at 5.00 limit, day, in IRA DU1');
    expect(
      describeOrder({ ...base, contract: { symbol: 'SAP', secType: 'STK', currency: 'EUR' } }, 'Individual'),
    ).toContain('at 5.00 EUR limit');
  });
});
