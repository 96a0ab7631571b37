import { describe, expect, it } from 'vitest';
import { roundToTick } from '../../../../src/simulator/world/ticks';
import { type SimOrderRequest } from '../../../../src/simulator/world/types';
import {
  AAPL,
  aaplOption,
  cashOf,
  conIdOf,
  CORPORATION,
  ES,
  EUR_USD,
  INDIVIDUAL,
  IRA,
  makeWorld,
  order,
  positionOf,
  recordEvents,
  stock,
} from './fixtures';

const SHORT_IN_IRA = 'Order rejected - reason:Short stock positions can only be held in a margin account.';

const rejectionOf = (result: { ok: boolean; rejection?: { code: number; message: string } }) =>
  result.ok ? null : result.rejection;

describe('IRA: no short selling', () => {
  it('blocks selling more than the IRA holds, while the same sell passes in the individual account', () => {
    const world = makeWorld();
    const sell = (account: string): SimOrderRequest =>
      order({ account, contract: AAPL, action: 'SELL', totalQuantity: 300 });
    expect(rejectionOf(world.place(sell(IRA)))).toEqual({ code: 201, message: SHORT_IN_IRA });
    expect(positionOf(world, IRA, conIdOf(world, AAPL))).toBe(200);
    expect(world.place(sell(INDIVIDUAL)).ok).toBe(true);
    expect(positionOf(world, INDIVIDUAL, conIdOf(world, AAPL))).toBe(-200);
  });

  it('allows selling exactly what is held, and counts shares already promised to open sells', () => {
    const world = makeWorld();
    const aapl = conIdOf(world, AAPL);
    const far = roundToTick(world.quote(aapl).ask * 1.5, 0.01);
    const resting = order({
      account: IRA,
      contract: AAPL,
      action: 'SELL',
      totalQuantity: 150,
      orderType: 'LMT',
      lmtPrice: far,
    });
    expect(world.place(resting).ok).toBe(true);
    expect(
      rejectionOf(world.place(order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 51 })))?.message,
    ).toBe(SHORT_IN_IRA);
    expect(world.place(order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 50 })).ok).toBe(true);
  });

  it('blocks selling a stock the IRA does not hold at all', () => {
    const world = makeWorld();
    expect(
      rejectionOf(world.place(order({ account: IRA, contract: stock('AMC'), action: 'SELL', totalQuantity: 1 })))
        ?.message,
    ).toBe(SHORT_IN_IRA);
  });
});

describe('IRA: options', () => {
  const sellCalls = (account: string, contracts: number) =>
    order({ account, contract: aaplOption('C', 240), action: 'SELL', totalQuantity: contracts });

  it('passes a covered call (200 shares cover two contracts) and blocks a third, naked one', () => {
    const world = makeWorld();
    expect(world.place(sellCalls(IRA, 2)).ok).toBe(true);
    expect(positionOf(world, IRA, conIdOf(world, aaplOption('C', 240)))).toBe(-2);
    const naked = rejectionOf(world.place(sellCalls(IRA, 1)));
    expect(naked?.code).toBe(201);
    expect(naked?.message).toMatch(/^Order rejected - reason:Uncovered \(naked\) call/);
  });

  it('blocks three calls at once in the IRA, but not in a margin account', () => {
    const world = makeWorld();
    expect(rejectionOf(world.place(sellCalls(IRA, 3)))?.code).toBe(201);
    expect(world.place(sellCalls(INDIVIDUAL, 3)).ok).toBe(true);
  });

  it('will not let the IRA sell shares that back its written calls', () => {
    const world = makeWorld();
    world.place(sellCalls(IRA, 2));
    expect(
      rejectionOf(world.place(order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 1 })))?.message,
    ).toBe(SHORT_IN_IRA);
  });

  it('passes a cash-secured put and blocks puts the cash cannot secure', () => {
    const world = makeWorld();
    const sellPuts = (contracts: number) =>
      order({ account: IRA, contract: aaplOption('P', 220), action: 'SELL', totalQuantity: contracts });
    expect(world.place(sellPuts(1)).ok).toBe(true);
    const tooMany = rejectionOf(world.place(sellPuts(10)));
    expect(tooMany?.message).toMatch(
      /EQUITY WITH LOAN VALUE \[[\d.]+ USD\] MUST EXCEED THE INITIAL MARGIN \[[\d.]+ USD\]$/,
    );
  });
});

describe('IRA: cash only', () => {
  it('blocks a buy beyond settled cash, naming both figures', () => {
    const world = makeWorld();
    const rejection = rejectionOf(
      world.place(order({ account: IRA, contract: stock('MSFT'), action: 'BUY', totalQuantity: 1_000 })),
    );
    expect(rejection?.code).toBe(201);
    expect(rejection?.message).toMatch(
      /YOUR SETTLED CASH \[92500\.00 USD\] MUST EXCEED THE ORDER COST \[\d+\.\d\d USD\]/,
    );
  });

  it('cannot spend unsettled sale proceeds until they settle', () => {
    const world = makeWorld();
    world.place(order({ account: IRA, contract: stock('KO'), action: 'SELL', totalQuantity: 150 }));
    const { total, settled } = cashOf(world, IRA, 'USD');
    const spy = conIdOf(world, stock('SPY'));
    // A buy that total cash would cover but settled cash would not.
    const shares = Math.floor((settled + (total - settled) / 2) / world.quote(spy).ask);
    const buy = () => order({ account: IRA, contract: stock('SPY'), action: 'BUY', totalQuantity: shares });
    expect(rejectionOf(world.place(buy()))?.message).toContain('YOUR SETTLED CASH');
    world.settle();
    expect(world.place(buy()).ok).toBe(true);
  });

  it('counts open buys against settled cash', () => {
    const world = makeWorld();
    const msft = conIdOf(world, stock('MSFT'));
    const limit = roundToTick(world.quote(msft).bid * 0.9, 0.01);
    const shares = Math.floor(60_000 / limit);
    expect(
      world.place(
        order({
          account: IRA,
          contract: stock('MSFT'),
          action: 'BUY',
          totalQuantity: shares,
          orderType: 'LMT',
          lmtPrice: limit,
        }),
      ).ok,
    ).toBe(true);
    const second = order({
      account: IRA,
      contract: stock('MSFT'),
      action: 'BUY',
      totalQuantity: shares,
      orderType: 'LMT',
      lmtPrice: limit,
    });
    expect(rejectionOf(world.place(second))?.message).toContain('YOUR SETTLED CASH');
    expect(world.place({ ...second, account: INDIVIDUAL }).ok).toBe(true);
  });

  it('blocks an MLP in the IRA; the individual account may buy it', () => {
    const world = makeWorld();
    const buy = (account: string) => order({ account, contract: stock('EPD'), action: 'BUY', totalQuantity: 100 });
    expect(rejectionOf(world.place(buy(IRA)))?.message).toMatch(/^Order rejected - reason:Master limited partnerships/);
    expect(world.place(buy(INDIVIDUAL)).ok).toBe(true);
  });

  it('blocks a euro stock without euros, with a hint to convert; converting first makes it pass', () => {
    const world = makeWorld();
    const buySap = (account: string) =>
      order({
        account,
        contract: { symbol: 'SAP', secType: 'STK', currency: 'EUR' },
        action: 'BUY',
        totalQuantity: 10,
      });
    const blocked = rejectionOf(world.place(buySap(IRA)));
    expect(blocked?.message).toContain('An IRA cannot borrow EUR');
    expect(blocked?.message).toContain('Convert USD to EUR first.');
    expect(world.place(buySap(INDIVIDUAL)).ok).toBe(true);
    expect(world.place(order({ account: IRA, contract: EUR_USD, action: 'BUY', totalQuantity: 5_000 })).ok).toBe(true);
    expect(world.place(buySap(IRA)).ok).toBe(true);
  });

  it('cannot sell euros it does not have', () => {
    const world = makeWorld();
    const sell = order({ account: IRA, contract: EUR_USD, action: 'SELL', totalQuantity: 1_000 });
    expect(rejectionOf(world.place(sell))?.message).toContain('An IRA cannot borrow EUR');
    expect(world.place({ ...sell, account: CORPORATION }).ok).toBe(true);
  });

  it('needs twice the futures margin: one E-mini passes, three do not', () => {
    const world = makeWorld();
    expect(world.place(order({ account: IRA, contract: ES, action: 'BUY', totalQuantity: 1 })).ok).toBe(true);
    expect(
      rejectionOf(world.place(order({ account: IRA, contract: ES, action: 'BUY', totalQuantity: 2 })))?.message,
    ).toContain('MUST EXCEED THE INITIAL MARGIN');
  });
});

describe('margin accounts', () => {
  it('block a short sale of a stock with no shares to borrow', () => {
    const world = makeWorld();
    const rejection = rejectionOf(
      world.place(order({ account: INDIVIDUAL, contract: stock('AMC'), action: 'SELL', totalQuantity: 100 })),
    );
    expect(rejection).toEqual({
      code: 201,
      message: 'Order rejected - reason:The contract is not available for short sale.',
    });
  });

  it('let a hard-to-borrow stock be shorted within what can be borrowed, and no further', () => {
    const world = makeWorld();
    expect(
      world.place(order({ account: INDIVIDUAL, contract: stock('GME'), action: 'SELL', totalQuantity: 100 })).ok,
    ).toBe(true);
    const tooMany = rejectionOf(
      world.place(order({ account: CORPORATION, contract: stock('GME'), action: 'SELL', totalQuantity: 1_000 })),
    );
    expect(tooMany?.message).toContain('only 800 shares can be borrowed');
  });

  it('sell what they hold of a non-shortable stock freely (no short involved)', () => {
    const world = makeWorld();
    world.place(order({ account: INDIVIDUAL, contract: stock('AMC'), action: 'BUY', totalQuantity: 100 }));
    expect(
      world.place(order({ account: INDIVIDUAL, contract: stock('AMC'), action: 'SELL', totalQuantity: 100 })).ok,
    ).toBe(true);
  });

  it('block a buy whose margin exceeds equity with loan', () => {
    const world = makeWorld();
    const rejection = rejectionOf(
      world.place(order({ account: INDIVIDUAL, contract: stock('NVDA'), action: 'BUY', totalQuantity: 20_000 })),
    );
    expect(rejection?.message).toMatch(
      /^Order rejected - reason:YOUR ORDER IS NOT ACCEPTED\. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE/,
    );
    expect(
      world.place(order({ account: INDIVIDUAL, contract: stock('NVDA'), action: 'BUY', totalQuantity: 2_000 })).ok,
    ).toBe(true);
  });
});

describe('malformed orders', () => {
  const world = makeWorld();
  const base = () => order({ account: INDIVIDUAL, contract: AAPL, action: 'BUY', totalQuantity: 10 });

  it.each([
    ['an unknown symbol', { contract: { symbol: 'NOPE', secType: 'STK' } }, 200],
    ['an ambiguous contract', { contract: { symbol: 'AAPL' } }, 200],
    ['an account outside this login', { account: 'DU9999999' }, 201],
    ['zero quantity', { totalQuantity: 0 }, 201],
    ['a fractional quantity', { totalQuantity: 1.5 }, 10243],
    ['a limit order without a limit', { orderType: 'LMT' as const }, 201],
    ['a stop order without a stop', { orderType: 'STP' as const }, 201],
    ['a limit off the tick', { orderType: 'LMT' as const, lmtPrice: 100.005 }, 110],
  ])('rejects %s with code %i', (_what, fields, code) => {
    expect(rejectionOf(world.place({ ...base(), ...fields }))?.code).toBe(code);
  });

  it('says which account is unknown, and which ones exist', () => {
    expect(rejectionOf(world.place({ ...base(), account: 'U123' }))?.message).toBe(
      "Order rejected - reason:The account U123 is not one of this login's accounts (DU1000001, DU1000002, DU1000003).",
    );
  });

  it('emit the rejection to listeners and change nothing', () => {
    const fresh = makeWorld();
    const events = recordEvents(fresh);
    const before = { cash: fresh.cash(IRA), positions: fresh.positions(IRA) };
    const request = order({ account: IRA, contract: AAPL, action: 'SELL', totalQuantity: 1_000 });
    fresh.place(request);
    expect(events).toEqual([
      { type: 'orderRejected', orderId: request.orderId, rejection: { code: 201, message: SHORT_IN_IRA } },
    ]);
    expect({ cash: fresh.cash(IRA), positions: fresh.positions(IRA) }).toEqual(before);
    expect(fresh.openOrders()).toEqual([]);
    // A rejected id was never an order, so it may be used again.
    expect(fresh.place({ ...request, totalQuantity: 10 }).ok).toBe(true);
  });
});
