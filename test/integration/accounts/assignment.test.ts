import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../../src/core/accounts/accounts-service';
import type { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { EventBus } from '../../../src/core/ipc/event-bus';
import type { Notice } from '../../../src/core/notifications/notification-mapping';
import { ExpiryWatch } from '../../../src/core/options/expiry-watch';
import type { PositionRow } from '../../../src/shared/accounts';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { type Instrument } from '../../../src/simulator/world';
import { accountsStack, until } from './accounts-stack';

/**
 * Expiry awareness in the app, against the simulator through the session the app runs: a short call in the
 * money near expiry raises an assignment-risk notice, and after the simulator assigns it (/faults/assign) the
 * positions the window shows lose the call and the shares it delivered.
 */

const INDIVIDUAL = 'DU1000002';

let sim: Simulator;
let session: GatewaySession;
let accounts: AccountsService;
let watch: ExpiryWatch;
let call: Instrument;
const notices: Notice[] = [];

const rows = (): PositionRow[] => accounts.snapshot().positions.filter((p) => p.account === INDIVIDUAL);
const quantityOf = (conId: number) => rows().find((p) => p.conId === conId)?.quantity;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 42, tickRate: 0, accountRefreshMs: 50, controlPort: 0 });
  // The nearest expiry's call two strikes in the money: what assignment at expiry would take.
  const aapl = sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0] as Instrument;
  const spot = sim.world.quote(aapl.conId).bid;
  const calls = sim.world.findInstruments({ symbol: 'AAPL', secType: 'OPT', right: 'C' });
  const nearest = [...new Set(calls.map((c) => c.lastTradeDate))].sort()[0];
  const inTheMoney = calls
    .filter((c) => c.lastTradeDate === nearest && c.strike < spot)
    .sort((a, b) => b.strike - a.strike);
  call = inTheMoney[1] as Instrument;
  const written = sim.world.place({
    orderId: 1,
    clientId: 99,
    account: INDIVIDUAL,
    contract: { conId: call.conId },
    action: 'SELL',
    totalQuantity: 2,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
    whatIf: false,
    transmit: true,
  });
  expect(written.ok).toBe(true);

  const events = new EventBus(() => undefined);
  ({ session, accounts } = accountsStack(sim, events));
  // The watch's clock stands two days before the call's expiry, whatever today is.
  const expiry = Date.UTC(Number(nearest?.slice(0, 4)), Number(nearest?.slice(4, 6)) - 1, Number(nearest?.slice(6, 8)));
  watch = new ExpiryWatch({
    events,
    positions: () => accounts.snapshot().positions,
    watchlist: () => [],
    quote: () => undefined,
    notify: (notice) => notices.push(notice),
    now: () => expiry - 2 * 86_400_000,
  });
  await session.start();
});

afterAll(async () => {
  watch.dispose();
  accounts.dispose();
  await session.dispose();
  await sim.close();
});

describe('expiry awareness', () => {
  it('warns of assignment on the short call in the money, then shows the assignment in the positions', async () => {
    const notice = await until(
      () => notices.find((n) => n.title.includes(`${call.strike} C in ${INDIVIDUAL}`)),
      'an assignment-risk notice',
    );
    expect(notice.title).toMatch(/^Assignment risk: short 2 AAPL /);
    expect(notice.body).toMatch(/^Expires in 2 days; .*assignment would sell 200 AAPL at /);

    const aapl = sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0]?.conId ?? 0;
    const shares = await until(() => quantityOf(aapl), 'the AAPL shares row');
    const response = await fetch(
      `http://127.0.0.1:${sim.controlPort}/faults/assign?account=${INDIVIDUAL}&conId=${call.conId}`,
      { method: 'POST' },
    );
    expect(await response.json()).toEqual({ ok: true, result: { assigned: 1 } });
    await until(() => quantityOf(call.conId) === undefined && quantityOf(aapl) === shares - 200, 'the assignment');
  });
});
