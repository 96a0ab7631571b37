import { describe, expect, it } from 'vitest';
import { type SimOrderRequest } from '../../../../src/simulator/world/types';
import { aaplOption, conIdOf, IRA, makeWorld, order, OPTION_EXPIRY } from './fixtures';

/** Combo orders in the world: a resting combo's legs count against the account like any open order. */

const NAKED = /naked/i;

describe('resting combo legs', () => {
  it('pledge the IRA’s shares: a call written beside a resting combo that writes two is naked', () => {
    const world = makeWorld();
    const call = conIdOf(world, aaplOption('C', 230));
    // A one-leg combo writing 2 calls for a credit the market will not pay: it rests.
    const combo: SimOrderRequest = order({
      account: IRA,
      contract: { symbol: 'AAPL', secType: 'BAG' },
      action: 'BUY',
      totalQuantity: 2,
      orderType: 'LMT',
      lmtPrice: -1000,
      comboLegs: [{ conId: call, ratio: 1, action: 'SELL', exchange: 'SMART' }],
    });
    const placed = world.place(combo);
    expect(placed.ok && placed.order.status).toBe('Submitted');
    const another = world.place(
      order({
        account: IRA,
        contract: aaplOption('C', 230),
        action: 'SELL',
        totalQuantity: 1,
        orderType: 'LMT',
        lmtPrice: 0.05,
      }),
    );
    expect(another.ok).toBe(false);
    expect(another.ok ? '' : another.rejection.message).toMatch(NAKED);

    expect(world.cancel(combo.orderId).ok).toBe(true);
    const after = world.place(
      order({
        account: IRA,
        contract: aaplOption('C', 230),
        action: 'SELL',
        totalQuantity: 1,
        orderType: 'LMT',
        lmtPrice: 1000,
      }),
    );
    expect(after.ok).toBe(true);
  });

  it('a finished combo id is a duplicate, as for any order', () => {
    const world = makeWorld();
    const call = conIdOf(world, {
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDate: OPTION_EXPIRY,
      right: 'C',
      strike: 230,
    });
    const combo = order({
      account: IRA,
      contract: { symbol: 'AAPL', secType: 'BAG' },
      action: 'BUY',
      totalQuantity: 1,
      orderType: 'LMT',
      lmtPrice: -1000,
      comboLegs: [{ conId: call, ratio: 1, action: 'SELL', exchange: 'SMART' }],
    });
    expect(world.place(combo).ok).toBe(true);
    expect(world.cancel(combo.orderId).ok).toBe(true);
    const again = world.place(combo);
    expect(again.ok ? null : again.rejection.code).toBe(103);
  });
});
