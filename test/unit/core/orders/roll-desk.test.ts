import type { ContractDetails, IBApiNext, Contract as IbContract, Order } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { OrderCounter } from '../../../../src/core/orders/order-counter';
import type { Checked, Evaluation, Rechecked } from '../../../../src/core/orders/order-evaluation';
import { RollDesk, type RollDeps } from '../../../../src/core/orders/roll-desk';
import type { OrderPreview, SubmitResult, WhatIfFigures } from '../../../../src/shared/orders';
import type { Check, OrderTicket } from '../../../../src/shared/ticket';

/**
 * The roll desk against the order caps: each leg its re-check clears is counted, as the order service does;
 * a roll not sent gives every count back, and a roll sent counts once (it is one BAG order).
 */

const NOW = Date.parse('2026-12-04T15:00:00Z');
const CLOSE = { conId: 101, lastTradeDate: '20261218', strike: 230 };
const OPEN = { conId: 202, lastTradeDate: '20270115', strike: 230 };

const details = (option: typeof CLOSE): ContractDetails =>
  ({
    contract: {
      conId: option.conId,
      symbol: 'AAPL',
      secType: 'OPT',
      currency: 'USD',
      lastTradeDateOrContractMonth: option.lastTradeDate,
      strike: option.strike,
      right: 'C',
      multiplier: 100,
    },
  }) as unknown as ContractDetails;

const pass = (id: string): Check => ({ id, rule: id, outcome: 'pass', message: 'fine' });
const quote = { bid: 4, ask: 4.2, last: 4.1, marketDataType: 'live', receivedAt: NOW } as OrderPreview['quote'];

function previewOf(ticket: OrderTicket): OrderPreview {
  return {
    previewId: `p-${ticket.contract.conId}`,
    ticket,
    account: { id: ticket.account, label: 'Roth IRA' },
    mode: 'paper',
    words: `${ticket.action} ${ticket.quantity}`,
    checks: [pass('ira-options')],
    blocked: false,
    toAcknowledge: [],
    whatIf: null,
    whatIfProblem: null,
    quote,
  } as unknown as OrderPreview;
}

type Verdict = 'checked' | 'refused';

/** A desk whose legs re-check as told, each cleared leg taking a count as the order service's evaluate does. */
function deskWith(
  verdicts: { close: Verdict; open: Verdict },
  options: { auditFails?: boolean; whatIfFails?: boolean } = {},
) {
  const counter = new OrderCounter();
  const asked: { contract: IbContract; order: Order }[] = [];
  const previews = new Map<string, OrderPreview>();
  const deps: RollDeps = {
    details: async (contract) => details(contract.conId === CLOSE.conId ? CLOSE : OPEN),
    preview: async (ticket) => {
      const preview = previewOf(ticket);
      previews.set(preview.previewId, preview);
      return preview;
    },
    discard: () => undefined,
    readyToSend: async () => ({}) as IBApiNext,
    whatIf: async (contract, order) => {
      if (options.whatIfFails) throw new Error('IB Gateway did not answer the what-if in time.');
      asked.push({ contract, order });
      return { figures: { commission: 2.6 } as WhatIfFigures, answer: { state: 'answered' } };
    },
    reserveOrderIds: async () => [7],
    recheck: async (previewId): Promise<Rechecked> => {
      const preview = previews.get(previewId)!;
      const verdict = preview.ticket.action === 'BUY' ? verdicts.close : verdicts.open;
      if (verdict === 'refused') return { outcome: 'refused', reason: 'Blocked on fresh data.', checks: [] };
      const evaluation = { checks: preview.checks, quote, uncount: counter.take(NOW) } as unknown as Evaluation;
      return { outcome: 'checked', preview, evaluation, acknowledgements: [] };
    },
    transmit: async (checked: Checked, orderId: number) =>
      ({
        outcome: 'sent',
        order: { orderId, words: checked.preview.words },
        repeated: false,
        checks: checked.evaluation.checks,
      }) as unknown as Extract<SubmitResult, { outcome: 'sent' }>,
    audit: async () => {
      if (options.auditFails) throw new Error('disk full');
    },
    newId: () => 'roll-1',
  };
  return { desk: new RollDesk(deps), counter, asked };
}

const request = (netLimit: number) => ({
  account: 'DU1000001',
  close: { symbol: 'AAPL', secType: 'OPT' as const, currency: 'USD', exchange: 'SMART', conId: CLOSE.conId },
  open: { lastTradeDate: OPEN.lastTradeDate, strike: OPEN.strike },
  contracts: 2,
  netLimit,
});

async function submitted(desk: RollDesk, netLimit = -0.1, acknowledge = true) {
  const preview = await desk.preview(request(netLimit));
  return desk.submit({ groupId: preview.groupId, acknowledgements: acknowledge ? preview.toAcknowledge : [] });
}

describe('a roll and the order caps', () => {
  it('gives back the close leg’s count when the open leg is refused on fresh data', async () => {
    const { desk, counter } = deskWith({ close: 'checked', open: 'refused' });
    const result = await submitted(desk);
    expect(result.result.outcome).toBe('refused');
    expect(counter.counts(NOW).today).toBe(0);
  });

  it('gives back the open leg’s count when the close leg is refused', async () => {
    const { desk, counter } = deskWith({ close: 'refused', open: 'checked' });
    expect((await submitted(desk)).result.outcome).toBe('refused');
    expect(counter.counts(NOW).today).toBe(0);
  });

  it('gives back both counts when the net price warning is not acknowledged', async () => {
    const { desk, counter } = deskWith({ close: 'checked', open: 'checked' });
    // A debit of 5.00 against a net market of 0.00 to 0.20 pays far past it: a warning to acknowledge.
    const result = await submitted(desk, 5, false);
    expect(result.result.outcome).toBe('refused');
    expect(counter.counts(NOW).today).toBe(0);
  });

  it('gives back the open leg’s count when the intent cannot be written', async () => {
    const { desk, counter } = deskWith({ close: 'checked', open: 'checked' }, { auditFails: true });
    await expect(submitted(desk)).rejects.toThrow('disk full');
    expect(counter.counts(NOW).today).toBe(0);
  });

  it('counts a roll sent once: it is one order', async () => {
    const { desk, counter } = deskWith({ close: 'checked', open: 'checked' });
    expect((await submitted(desk)).result.outcome).toBe('sent');
    expect(counter.counts(NOW).today).toBe(1);
  });
});

describe('a roll’s legs for the rules', () => {
  it('remembers both legs’ terms: a resting roll’s open order names them by conId only', async () => {
    const { desk } = deskWith({ close: 'checked', open: 'checked' });
    await desk.preview(request(-0.1));
    expect([...desk.legTerms()]).toEqual([
      [CLOSE.conId, { symbol: 'AAPL', right: 'C', strike: 230, multiplier: 100 }],
      [OPEN.conId, { symbol: 'AAPL', right: 'C', strike: 230, multiplier: 100 }],
    ]);
  });
});

describe('a roll’s what-if', () => {
  it('is the gateway’s answer for the whole BAG order, asked as a what-if', async () => {
    const { desk, asked } = deskWith({ close: 'checked', open: 'checked' });
    const preview = await desk.preview(request(-0.1));
    expect(preview.whatIf?.commission).toBe(2.6);
    expect(preview.whatIfProblem).toBeNull();
    expect(asked.map(({ contract, order }) => [contract.secType, contract.comboLegs?.length, order.whatIf])).toEqual([
      ['BAG', 2, true],
    ]);
  });

  it('says why there is none when the gateway does not answer, and still previews the roll', async () => {
    const { desk } = deskWith({ close: 'checked', open: 'checked' }, { whatIfFails: true });
    const preview = await desk.preview(request(-0.1));
    expect(preview.whatIf).toBeNull();
    expect(preview.whatIfProblem).toBe('IB Gateway did not answer the what-if in time.');
  });
});
