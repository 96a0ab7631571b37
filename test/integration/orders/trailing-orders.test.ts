import { describe, expect, it } from 'vitest';
import type { OrderBookSnapshot } from '../../../src/shared/order-book';
import type { OrderTicketInput } from '../../../src/shared/ticket';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf, until } from './orders-app';
import { ordersAppForSuite } from './orders-app-fixture';

/** A trailing stop and an Adaptive order through the app to the simulator and back into the open-orders book. */

const INDIVIDUAL = ACCOUNT_IDS.individual;
const AAPL = 265598;

// The market is stepped by hand, so the trail moves only when the test moves it.
const o = ordersAppForSuite({ tickRate: 0 });

const ticket = (over: Partial<OrderTicketInput>): OrderTicketInput => ({
  account: INDIVIDUAL,
  contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
  action: 'SELL',
  quantity: 10,
  orderType: 'TRAIL',
  tif: 'GTC',
  ...over,
});

const bookRow = async (orderId: number) => {
  const book = await o.call<OrderBookSnapshot>('orders.open');
  return book.openOrders.find((r) => r.orderId === orderId);
};

describe('advanced order types through the app', () => {
  it('trailing stops are ruled, sent, and their triggers in the open-orders book follow the market', async () => {
    // One sell (trailing below the highest bid) and one buy (above the lowest ask): whichever way the
    // walk goes, one of the two triggers must move, and only in its own direction.
    const send = async (action: 'BUY' | 'SELL') => {
      const preview = await o.preview(ticket({ action, trailingAmount: 3 }));
      expect(preview.blocked).toBe(false);
      expect(checkOf(preview, 'market-data')?.outcome).toBe('pass');
      const sent = await o.submit(preview.previewId);
      if (sent.outcome !== 'sent') throw new Error(`not sent: ${sent.reason}`);
      return { preview, orderId: sent.order.orderId };
    };
    const sell = await send('SELL');
    expect(sell.preview.words).toContain('3.00 below the highest bid (trailing stop)');
    const buy = await send('BUY');
    expect(buy.preview.words).toContain('3.00 above the lowest ask (trailing stop)');
    const start = o.sim.world.quote(AAPL);

    const triggers = { sell: null as number | null, buy: null as number | null };
    const read = async () => {
      triggers.sell = (await bookRow(sell.orderId))?.trigger ?? null;
      triggers.buy = (await bookRow(buy.orderId))?.trigger ?? null;
    };
    await until(() => triggers.sell !== null && triggers.buy !== null, 10_000, read);
    const first = { ...triggers };
    expect(first.sell).toBeCloseTo(start.bid - 3, 1);
    expect(first.buy).toBeCloseTo(start.ask + 3, 1);

    const now = () => o.sim.world.quote(AAPL);
    for (let i = 0; i < 50_000 && now().bid < start.bid + 0.1 && now().ask > start.ask - 0.1; i++) o.sim.step(1);
    const rose = now().bid >= start.bid + 0.1;
    expect(rose || now().ask <= start.ask - 0.1).toBe(true);
    if (rose) await until(() => (triggers.sell ?? 0) > first.sell!, 10_000, read);
    else await until(() => (triggers.buy ?? Infinity) < first.buy!, 10_000, read);
    // A sell's stop only ever rises, a buy's only ever falls.
    expect(triggers.sell!).toBeGreaterThanOrEqual(first.sell!);
    expect(triggers.buy!).toBeLessThanOrEqual(first.buy!);
  }, 40_000);

  it("an Adaptive market order goes out with IBKR's algo and its priority, and fills", async () => {
    const preview = await o.preview({
      ...ticket({ orderType: 'MKT', action: 'BUY' }),
      adaptive: 'Patient',
    });
    expect(preview.words).toContain('at market, IBKR Adaptive (patient)');
    const filled = o.nextUpdate((u) => u.previewId === preview.previewId && u.phase === 'filled');
    o.sim.step(1);
    const sent = await o.submit(preview.previewId);
    expect(sent.outcome).toBe('sent');
    await filled;
    const done = o.sim.world.completedOrders().find((x) => x.request.orderRef === preview.previewId);
    expect(done?.request.algoStrategy).toBe('Adaptive');
    expect(done?.request.algoParams).toEqual([{ tag: 'adaptivePriority', value: 'Patient' }]);
  });
});
