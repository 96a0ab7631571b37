import { describe, expect, it } from 'vitest';
import type { SubmitResult, TrackedOrder } from '../../../src/shared/orders';
import type { RollPreview, RollRequestInput, RollResult } from '../../../src/shared/roll';
import { ACCOUNT_IDS } from '../../../src/simulator';
import type { Instrument } from '../../../src/simulator/world';
import { checkOf, until } from '../orders/orders-app';
import { ordersAppForSuite } from '../orders/orders-app-fixture';

/**
 * A roll through the app's services against the simulator: previewed and ruled as one (the closed call frees
 * the shares the new one needs), sent as one BAG order, both legs filled together, the positions moved.
 */

const { ira: IRA } = ACCOUNT_IDS;

const o = ordersAppForSuite({ tickRate: 0 });

const aapl = () => o.sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0] as Instrument;
/** The AAPL option of a right and listed expiry (by index), `away` strikes out of the money (1: the first). */
function option(right: 'C' | 'P', expiryIndex: number, away = 1): Instrument {
  const listed = o.sim.world.findInstruments({ symbol: 'AAPL', secType: 'OPT', right });
  const expiries = [...new Set(listed.map((c) => c.lastTradeDate))].sort();
  const { bid, ask } = o.sim.world.quote(aapl().conId);
  const mid = (bid + ask) / 2;
  const outOfTheMoney = [...new Set(listed.map((c) => c.strike!))]
    .filter((k) => (right === 'C' ? k > mid : k < mid))
    .sort((a, b) => (right === 'C' ? a - b : b - a));
  const strike = outOfTheMoney[away - 1];
  return listed.find((c) => c.lastTradeDate === expiries[expiryIndex] && c.strike === strike) as Instrument;
}
const call = (expiryIndex: number) => option('C', expiryIndex);
const position = (conId: number) => o.sim.world.positions(IRA).find((p) => p.conId === conId)?.quantity ?? 0;
const optionContract = (option: Instrument) =>
  ({
    symbol: 'AAPL',
    secType: 'OPT',
    currency: 'USD',
    exchange: 'SMART',
    conId: option.conId,
    lastTradeDate: option.lastTradeDate!,
    strike: option.strike!,
    right: option.right as 'C' | 'P',
  }) as const;

async function filled(orderId: number): Promise<TrackedOrder> {
  let now: TrackedOrder | undefined;
  await until(
    () => now?.phase === 'filled',
    8_000,
    async () => (now = (await o.call<TrackedOrder[]>('orders.list')).find((t) => t.orderId === orderId)),
  );
  return now!;
}

/** Sells (or buys back) calls at the touch through the ordinary ticket, and waits for the fill. */
async function trade(option: Instrument, action: 'BUY' | 'SELL', quantity: number): Promise<void> {
  const quote = o.sim.world.quote(option.conId);
  const preview = await o.preview({
    account: IRA,
    contract: optionContract(option),
    action,
    quantity,
    orderType: 'LMT',
    limitPrice: action === 'SELL' ? quote.bid : quote.ask,
    tif: 'DAY',
  });
  expect(preview.blocked, JSON.stringify(preview.checks)).toBe(false);
  const sent = await o.submit(preview.previewId, preview.toAcknowledge);
  expect(sent.outcome).toBe('sent');
  await filled((sent as Extract<SubmitResult, { outcome: 'sent' }>).order.orderId);
}

const rollOf = (old: Instrument, next: Instrument, contracts: number, netLimit: number): RollRequestInput => ({
  account: IRA,
  close: optionContract(old),
  open: { lastTradeDate: next.lastTradeDate!, strike: next.strike! },
  contracts,
  netLimit,
});
/** The roll's net at the market (debit positive): buy the old call at its ask, sell the new one at its bid. */
const netAtMarket = (old: Instrument, next: Instrument) =>
  Math.round((o.sim.world.quote(old.conId).ask - o.sim.world.quote(next.conId).bid) * 100) / 100;

describe('rolling a covered call in the IRA', () => {
  it('rolls two covered calls as one BAG order: ruled with the freed shares, both legs filled', async () => {
    const old = call(3);
    const next = call(5);
    await trade(old, 'SELL', 2);
    expect(position(old.conId)).toBe(-2);
    const stock = position(aapl().conId);

    const net = netAtMarket(old, next);
    const preview = await o.call<RollPreview>('orders.previewRoll', rollOf(old, next, 2, net));
    expect(preview.blocked, JSON.stringify(preview.checks)).toBe(false);
    expect(preview.words).toMatch(
      new RegExp(
        `^Roll 2 AAPL ${old.lastTradeDate} \\d+ C to ${next.lastTradeDate} \\d+ C for a net (credit|debit) of `,
      ),
    );
    expect(checkOf(preview, 'open:ira-options')?.message).toContain(`covered by ${stock} AAPL, 0 already committed`);
    expect(checkOf(preview, 'roll-net-price')?.outcome).toBe('pass');
    expect(preview.netMarket?.ask).toBeCloseTo(net, 6);
    // The simulator answers the BAG's own what-if, as IBKR does a combo's.
    expect(preview.whatIf, preview.whatIfProblem ?? '').not.toBeNull();

    const sent = await o.call<RollResult>('orders.submitRoll', {
      groupId: preview.groupId,
      acknowledgements: preview.toAcknowledge,
    });
    expect(sent.result.outcome, JSON.stringify(sent.result)).toBe('sent');
    const orderId = (sent.result as Extract<SubmitResult, { outcome: 'sent' }>).order.orderId;
    const done = await filled(orderId);
    expect(done.words).toBe(preview.words);
    expect(position(old.conId)).toBe(0);
    expect(position(next.conId)).toBe(-2);
    expect(position(aapl().conId)).toBe(stock);
  });

  it('blocks a roll that would leave a naked call, and sends nothing', async () => {
    const old = call(5); // the two calls the first test rolled into
    const next = call(4);
    expect(position(old.conId)).toBe(-2);
    // Rolling up in size: 3 new calls need 300 shares; closing the 2 old ones frees only the 200 held.
    const preview = await o.call<RollPreview>('orders.previewRoll', rollOf(old, next, 3, netAtMarket(old, next)));
    expect(preview.blocked).toBe(true);
    expect(checkOf(preview, 'open:ira-options')?.message).toMatch(/naked calls are not allowed in an IRA/);
    const refused = await o.call<RollResult>('orders.submitRoll', {
      groupId: preview.groupId,
      acknowledgements: preview.toAcknowledge,
    });
    expect(refused.result.outcome).toBe('refused');
    expect(position(next.conId)).toBe(0);
    expect(position(old.conId)).toBe(-2);
  });
});

describe('a resting roll in the IRA’s pending orders', () => {
  it('commits the new put’s cash less what the put it buys back frees', async () => {
    const held = option('P', 3, 2);
    const higher = option('P', 5, 1);
    expect(higher.strike!).toBeGreaterThan(held.strike!);
    await trade(held, 'SELL', 1);
    // A credit no market gives: the roll rests.
    const preview = await o.call<RollPreview>('orders.previewRoll', rollOf(held, higher, 1, -50));
    expect(preview.blocked, JSON.stringify(preview.checks)).toBe(false);
    const sent = await o.call<RollResult>('orders.submitRoll', {
      groupId: preview.groupId,
      acknowledgements: preview.toAcknowledge,
    });
    expect(sent.result.outcome, JSON.stringify(sent.result)).toBe('sent');

    // Another put: the held one secures its strike's cash, the resting roll only the higher strike's extra.
    const another = option('P', 4, 3);
    const next = await o.preview({
      account: IRA,
      contract: optionContract(another),
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: o.sim.world.quote(another.conId).bid,
      tif: 'DAY',
    });
    const committed = higher.strike! * 100;
    const dollars = `$${committed.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(checkOf(next, 'ira-options')?.message).toContain(`(${dollars} already committed)`);
  });
});
