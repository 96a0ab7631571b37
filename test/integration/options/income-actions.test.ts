import { describe, expect, it } from 'vitest';
import { expiryKind } from '../../../src/core/options/chain-strikes';
import type { IncomePrefill } from '../../../src/shared/income';
import { ACCOUNT_IDS } from '../../../src/simulator';
import { checkOf } from '../orders/orders-app';
import { ordersAppForSuite } from '../orders/orders-app-fixture';

/** The IRA income row actions through the whole app (router, orders service) on the simulator. */

const IRA = ACCOUNT_IDS.ira;
const AAPL = 265598;
const TSLA = 76792991;

const o = ordersAppForSuite();

const coveredCall = () => o.call<IncomePrefill>('options.coveredCallPrefill', { account: IRA, conId: AAPL });
const securedPut = () => o.call<IncomePrefill>('options.securedPutPrefill', { account: IRA, conId: AAPL });

describe('IRA income actions', () => {
  it("sizes a cash-secured put on AAPL by the IRA's settled cash, below the price", async () => {
    const prefill = await securedPut();
    const contract = prefill.ticket?.contract;
    expect(contract).toMatchObject({ symbol: 'AAPL', secType: 'OPT', right: 'P' });
    expect(contract?.strike).toBeLessThan(o.sim.world.quote(AAPL).bid);
    expect(expiryKind(contract?.lastTradeDate ?? '')).toBe('monthly');
    // $92,500.00 of settled cash and nothing committed: whole contracts at strike × 100.
    expect(prefill.contracts).toBe(Math.floor(92_500 / ((contract?.strike ?? 0) * 100)));
    expect(prefill.sentence).toContain('of $92,500.00 settled cash');
  });

  it("offers the IRA's 200 AAPL as two covered calls, one fewer after one is sold, and a naked third stays blocked", async () => {
    const first = await coveredCall();
    const ticket = first.ticket;
    if (ticket === null) throw new Error(first.sentence);
    expect(ticket).toMatchObject({ account: IRA, action: 'SELL', orderType: 'LMT', quantity: 2 });
    expect(ticket.contract).toMatchObject({ symbol: 'AAPL', secType: 'OPT', right: 'C' });
    expect(ticket.contract.strike).toBeGreaterThan(o.sim.world.quote(AAPL).ask);
    expect(expiryKind(ticket.contract.lastTradeDate ?? '')).toBe('monthly');
    expect(ticket.limitPrice).toBeGreaterThan(0);
    expect(first.sentence).toBe('2 calls, covered by 200 AAPL, 0 already committed.');

    const naked = await o.preview({ ...ticket, quantity: 3 });
    expect(checkOf(naked, 'ira-options')).toMatchObject({ outcome: 'block' });

    const preview = await o.preview({ ...ticket, quantity: 1 });
    expect(checkOf(preview, 'ira-options')?.message).toContain('covered by 200 AAPL, 0 already committed');
    const filled = o.nextUpdate((u) => u.previewId === preview.previewId && u.phase === 'filled');
    expect((await o.submit(preview.previewId, preview.toAcknowledge)).outcome).toBe('sent');
    await filled;

    let next = await coveredCall();
    for (let tries = 0; tries < 40 && next.contracts !== 1; tries++) {
      // The short call reaches the positions a moment after the fill.
      await new Promise((resolve) => setTimeout(resolve, 100));
      next = await coveredCall();
    }
    expect(next.contracts).toBe(1);
    expect(next.ticket?.quantity).toBe(1);
    expect(next.sentence).toBe('1 call, covered by 200 AAPL, 100 already committed.');
  }, 20_000);

  it('says so instead of offering a ticket when nothing is left to cover', async () => {
    // The individual account holds 60 TSLA: not enough for one call of 100.
    const tsla = await o.call<IncomePrefill>('options.coveredCallPrefill', {
      account: ACCOUNT_IDS.individual,
      conId: TSLA,
    });
    expect(tsla.ticket).toBeNull();
    expect(tsla.contracts).toBe(0);
    expect(tsla.sentence).toMatch(/^Nothing left to cover: 60 TSLA shares are free/);
  });

  it('refuses a request without an account, by the schema', async () => {
    await expect(o.call('options.coveredCallPrefill', { conId: AAPL })).rejects.toThrow(/account/i);
  });
});
