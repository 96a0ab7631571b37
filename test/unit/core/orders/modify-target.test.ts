import { OrderAction, OrderType, SecType } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { filledOf, modifyTarget } from '../../../../src/core/orders/modify-target';
import type { GatewayOpenOrder } from '../../../../src/core/orders/rule-context-builder';
import { mergeSummaries } from '../../../../src/core/orders/held-account-facts';
import { SentOrders, workingOrders } from '../../../../src/core/orders/working-orders';
import type { TrackedOrder } from '../../../../src/shared/orders';
import { OrderTicketSchema, type OrderTicket } from '../../../../src/shared/ticket';

const OWN = 0;
const AAPL = 265598;

const open = (
  orderId: number,
  over: Partial<GatewayOpenOrder['order']> = {},
  status = 'Submitted',
): GatewayOpenOrder => ({
  orderId,
  contract: { conId: AAPL, secType: 'STK', currency: 'USD' },
  order: {
    account: 'DU1000002',
    clientId: OWN,
    action: 'BUY',
    totalQuantity: 10,
    orderType: 'LMT',
    lmtPrice: 100,
    ...over,
  },
  orderState: { status },
  orderStatus: { status, remaining: 10 },
});

const ticket = (over: Partial<OrderTicket> = {}): OrderTicket =>
  OrderTicketSchema.parse({
    account: 'DU1000002',
    contract: { symbol: 'AAPL', secType: 'STK' },
    action: 'BUY',
    quantity: 20,
    orderType: 'LMT',
    limitPrice: 101,
    tif: 'DAY',
    modifyOrderId: 5,
    ...over,
  });

describe('modifyTarget', () => {
  it('finds our working order with the same id', () => {
    const target = open(5);
    expect(modifyTarget([open(4), target], ticket(), AAPL, OWN)).toBe(target);
  });

  it.each([
    ['another client placed it', [open(5, { clientId: 9 })], ticket(), /placed by API client 9, not by Gatehouse/],
    ['it is not working any more', [], ticket(), /no working order 5 from Gatehouse/],
    ['it has filled', [open(5, {}, 'Filled')], ticket(), /is filled and can no longer be modified/],
    ['the side differs', [open(5)], ticket({ action: 'SELL' }), /cannot change the side \(BUY\)/],
    ['the account differs', [open(5)], ticket({ account: 'DU1000001' }), /cannot change the account/],
    ['the type differs', [open(5)], ticket({ orderType: 'MKT', limitPrice: undefined }), /the order type \(LMT\)/],
  ])('refuses when %s', (_why, orders, t, message) => {
    expect(modifyTarget(orders, t, AAPL, OWN)).toMatch(message);
  });

  it('refuses another instrument and a quantity not above what has filled', () => {
    expect(modifyTarget([open(5)], ticket(), 4682, OWN)).toMatch(/cannot change the instrument/);
    const partly = { ...open(5), orderStatus: { status: 'Submitted', remaining: 4 } };
    expect(filledOf(partly)).toBe(6);
    expect(modifyTarget([partly], ticket({ quantity: 6 }), AAPL, OWN)).toMatch(/already filled 6/);
    expect(modifyTarget([partly], ticket({ quantity: 7 }), AAPL, OWN)).toBe(partly);
  });
});

describe('working orders without asking the gateway', () => {
  const tracked = (phase: TrackedOrder['phase'], remaining = 10) =>
    ({ phase, ibStatus: phase === 'sending' ? null : 'Submitted', filled: 0, remaining }) as TrackedOrder;

  it('counts an order this process sent before the book lists it, and forgets it once finished', () => {
    const sent = new SentOrders();
    sent.record(
      12,
      { conId: AAPL, secType: SecType.STK, currency: 'USD' },
      { account: 'DU1000002', action: OrderAction.BUY, totalQuantity: 10, orderType: OrderType.LMT, lmtPrice: 100 },
    );
    const state = new Map([[12, tracked('sending')]]);
    const listed = sent.working((id) => state.get(id), OWN);
    expect(listed).toEqual([
      expect.objectContaining({ orderId: 12, orderStatus: { status: 'PendingSubmit', remaining: 10 } }),
    ]);
    state.set(12, tracked('filled', 0));
    expect(sent.working((id) => state.get(id), OWN)).toEqual([]);
  });

  it('takes a link into an OCA group as it leaves, and gives it back when refused unless sent again since', () => {
    const sent = new SentOrders();
    const contract = { conId: AAPL, secType: SecType.STK, currency: 'USD' };
    const order = { account: 'DU1000002', action: OrderAction.BUY, totalQuantity: 10, orderType: OrderType.LMT };
    sent.record(12, contract, order);
    const state = new Map([[12, tracked('working')]]);
    const groupOf = () => sent.working((id) => state.get(id), OWN)[0]?.order.ocaGroup;
    const undo = sent.amend(12, { ocaGroup: 'g', ocaType: 1 });
    expect(sent.working((id) => state.get(id), OWN)[0]?.order).toMatchObject({ ...order, ocaGroup: 'g', ocaType: 1 });
    undo();
    expect(groupOf()).toBeUndefined();

    const undoAgain = sent.amend(12, { ocaGroup: 'g', ocaType: 1 });
    sent.record(12, contract, { ...order, ocaGroup: 'g', ocaType: 1, totalQuantity: 20 });
    undoAgain();
    expect(groupOf()).toBe('g');
    // An order this process did not send has nothing to amend.
    sent.amend(99, { ocaGroup: 'g' })();
    expect(sent.working((id) => state.get(id), OWN)).toHaveLength(1);
  });

  it('prefers the sent version of our own order over the book, and keeps other clients orders with the same id', () => {
    const book = [open(12, { totalQuantity: 10 }), open(12, { clientId: 9 }), open(13)];
    const ours = { ...open(12, { totalQuantity: 30 }) };
    const merged = workingOrders(book, [ours], OWN);
    expect(merged).toHaveLength(3);
    expect(merged.filter((o) => o.orderId === 12 && o.order.clientId === OWN)).toEqual([ours]);
  });

  it('merges the two held summaries per account, tag and currency', () => {
    const value = (v: string) => ({ value: v });
    const core = new Map([
      [
        'DU1',
        new Map([
          ['SettledCash', new Map([['USD', value('100')]])],
          ['AccountType', new Map([['', value('IRA')]])],
        ]),
      ],
    ]);
    const ledger = new Map([['DU1', new Map([['SettledCash', new Map([['EUR', value('5')]])]])]]);
    const merged = mergeSummaries(core, ledger).get('DU1');
    expect(merged?.get('SettledCash')).toEqual(
      new Map([
        ['USD', value('100')],
        ['EUR', value('5')],
      ]),
    );
    expect(merged?.get('AccountType')?.get('')).toEqual(value('IRA'));
  });
});
