import { describe, expect, it } from 'vitest';
import { commissionFor } from '../../../../src/simulator/world/commission';
import { AAPL, conIdOf, ES, INDIVIDUAL, IRA, makeWorld, order, recordEvents, stock } from './fixtures';

const preview = (fields: Parameters<typeof order>[0]) => order({ ...fields, whatIf: true });

describe('what-if', () => {
  it('asks an IRA for twice the futures margin a margin account needs', () => {
    const world = makeWorld();
    const es = world.instrument(conIdOf(world, ES));
    const ira = world.whatIf(preview({ account: IRA, contract: ES, action: 'BUY', totalQuantity: 1 }));
    const individual = world.whatIf(preview({ account: INDIVIDUAL, contract: ES, action: 'BUY', totalQuantity: 1 }));
    if (!ira.ok || !individual.ok || !es) throw new Error('both previews should succeed');
    expect(individual.result.initMarginChange).toBeCloseTo(es.initMarginPerUnit, 6);
    expect(ira.result.initMarginChange).toBeCloseTo(2 * es.initMarginPerUnit, 6);
    expect(ira.result.maintMarginChange).toBeCloseTo(2 * es.maintMarginPerUnit, 6);
    expect(ira.result).toMatchObject({
      commission: 0.85,
      minCommission: 0.85,
      maxCommission: 0.85,
      commissionCurrency: 'USD',
    });
    expect(ira.result.warningText).toBe('');
  });

  it('margins an IRA stock buy at 100 % and a margin account at 25 %, at the ask, with the commission', () => {
    const world = makeWorld();
    const aapl = world.instrument(conIdOf(world, AAPL));
    if (!aapl) throw new Error('AAPL missing');
    const cost = 100 * world.quote(aapl.conId).ask;
    const ira = world.whatIf(preview({ account: IRA, contract: AAPL, action: 'BUY', totalQuantity: 100 }));
    const margin = world.whatIf(preview({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 100 }));
    if (!ira.ok || !margin.ok) throw new Error('both previews should succeed');
    const commission = commissionFor(aapl, 100, world.quote(aapl.conId).ask);
    expect(ira.result.commission).toBe(commission);
    // Marked at the last trade, not the ask: the change is the position's value, near the cost.
    expect(ira.result.initMarginChange).toBeCloseTo(cost, -1);
    expect(margin.result.initMarginChange).toBeCloseTo(cost * 0.25, -1);
    expect(ira.result.equityWithLoanAfter - ira.result.equityWithLoanBefore).toBeCloseTo(
      ira.result.equityWithLoanChange,
      6,
    );
    expect(ira.result.initMarginAfter).toBeCloseTo(world.summary(IRA).InitMarginReq + ira.result.initMarginChange, 6);
  });

  it('changes nothing and tells no listener', () => {
    const world = makeWorld();
    const events = recordEvents(world);
    const before = { cash: world.cash(IRA), positions: world.positions(IRA), summary: world.summary(IRA) };
    world.whatIf(preview({ account: IRA, contract: AAPL, action: 'BUY', totalQuantity: 100 }));
    world.whatIf(preview({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 1_000 }));
    expect(events).toEqual([]);
    expect(world.openOrders()).toEqual([]);
    expect(world.executions()).toEqual([]);
    expect({ cash: world.cash(IRA), positions: world.positions(IRA), summary: world.summary(IRA) }).toEqual(before);
  });

  it('rejects what the account may not do at all, as place would', () => {
    const world = makeWorld();
    const short = world.whatIf(preview({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 1_000 }));
    expect(short).toEqual({
      ok: false,
      rejection: {
        code: 201,
        message: 'Order rejected - reason:Short stock positions can only be held in a margin account.',
      },
    });
    expect(world.whatIf(preview({ account: IRA, contract: stock('EPD'), action: 'BUY', totalQuantity: 1 })).ok).toBe(
      false,
    );
  });

  it('previews a shortfall with its figures and a warning, where place rejects it', () => {
    const world = makeWorld();
    const tooMuch = { account: IRA, contract: ES, action: 'BUY' as const, totalQuantity: 3 };
    const result = world.whatIf(preview(tooMuch));
    if (!result.ok) throw new Error('a shortfall is a warning in a preview');
    expect(result.result.initMarginAfter).toBeGreaterThan(result.result.equityWithLoanAfter);
    expect(result.result.warningText).toContain('MUST EXCEED THE INITIAL MARGIN');
    expect(world.place(order(tooMuch)).ok).toBe(false);
  });
});
