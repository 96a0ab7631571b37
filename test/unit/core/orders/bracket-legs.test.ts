import { describe, expect, it } from 'vitest';
import { bracketLinks, bracketTickets, modifyGroup } from '../../../../src/core/orders/bracket-legs';
import type { GatewayOpenOrder } from '../../../../src/core/orders/rule-context-builder';
import { BracketRequestSchema } from '../../../../src/shared/bracket';

const request = BracketRequestSchema.parse({
  entry: {
    account: 'DU1000001',
    contract: { symbol: 'MSFT', secType: 'STK' },
    action: 'BUY',
    quantity: 10,
    orderType: 'LMT',
    limitPrice: 400,
    tif: 'GTC',
  },
  takeProfit: { limitPrice: 420 },
  stopLoss: { stopPrice: 390 },
});

describe("IBKR's bracket on the wire", () => {
  it('exits sell what the entry buys, in its account, with its time in force', () => {
    const legs = bracketTickets(request);
    expect(legs.map((l) => [l.role, l.ticket.action, l.ticket.orderType, l.ticket.quantity, l.ticket.tif])).toEqual([
      ['entry', 'BUY', 'LMT', 10, 'GTC'],
      ['take-profit', 'SELL', 'LMT', 10, 'GTC'],
      ['stop-loss', 'SELL', 'STP', 10, 'GTC'],
    ]);
    expect(legs[1]?.ticket.limitPrice).toBe(420);
    expect(legs[2]?.ticket.stopPrice).toBe(390);
  });

  it('only the last leg transmits; the children name the parent and share one OCA group', () => {
    expect(bracketLinks([10, 11, 12], 'g')).toEqual([
      { parentId: 0, transmit: false },
      { parentId: 10, transmit: false, ocaGroup: 'gatehouse-g', ocaType: 1 },
      { parentId: 10, transmit: true, ocaGroup: 'gatehouse-g', ocaType: 1 },
    ]);
  });

  it('refuses a bracket with no exit, or a take-profit under the stop-loss of a buy', () => {
    const { takeProfit: _tp, stopLoss: _sl, ...bare } = request;
    expect(BracketRequestSchema.safeParse(bare).success).toBe(false);
    const crossed = BracketRequestSchema.safeParse({ ...request, takeProfit: { limitPrice: 380 } });
    expect(crossed.error?.issues[0]?.message).toBe('After a buy the take-profit sits above the stop-loss.');
  });
});

describe('modifying a leg', () => {
  const open = (orderId: number, status: string, order: Partial<GatewayOpenOrder['order']>): GatewayOpenOrder => ({
    orderId,
    contract: { conId: 1 },
    order: { account: 'DU1000001', action: 'SELL', totalQuantity: 10, ...order },
    orderState: { status },
    orderStatus: { status },
  });
  const child = open(11, 'PreSubmitted', { parentId: 10, ocaGroup: 'g', ocaType: 1 });
  const sibling = open(12, 'PreSubmitted', { parentId: 10, ocaGroup: 'g', ocaType: 1 });

  it('keeps the parent while it works, and judges the child as after it fills', () => {
    const parent = open(10, 'Submitted', { action: 'BUY' });
    const group = modifyGroup(child, [parent, child, sibling]);
    expect(group.links).toEqual({ parentId: 10, transmit: true, ocaGroup: 'g', ocaType: 1 });
    expect(group.entry).toEqual({ action: 'BUY', quantity: 10 });
    expect([...group.alternatives]).toEqual([12]);
  });

  it('sends parentId 0 once the parent has filled (IBKR refuses the old parent with 135)', () => {
    const group = modifyGroup(child, [open(10, 'Filled', { action: 'BUY' }), child, sibling]);
    expect(group.links.parentId).toBe(0);
    expect(group.entry).toBeNull();
    expect(modifyGroup(child, [child, sibling]).links.parentId).toBe(0);
  });
});
