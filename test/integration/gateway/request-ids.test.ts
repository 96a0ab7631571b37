import { ConnectionState, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { afterEach, expect, it } from 'vitest';
import { SUMMARY_TAGS } from '../../../src/core/accounts/accounts-view';
import { createIbConnection, type IbConnection } from '../../../src/core/gateway/ib-connection';
import { startSimulator, type Simulator } from '../../../src/simulator';

/**
 * IBKR reports an order's errors under the order id. IBApiNext hands an error to the subscription with
 * that request id, so the two numberings must never meet: a refused order must not end the account
 * summary (or a quote line) that happens to share its number.
 */

let sim: Simulator | null = null;
let connection: IbConnection | null = null;

afterEach(async () => {
  connection?.dispose();
  await sim?.close();
  sim = null;
  connection = null;
});

it('order refusals under small order ids leave every subscription running', async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, accountRefreshMs: 100 });
  const refusals: number[] = [];
  connection = createIbConnection('127.0.0.1', sim.port, {
    onSocket: () => undefined,
    onNotice: () => undefined,
    onError: (code, _text, reqId) => code === 321 && refusals.push(reqId),
    onStaleRequest: () => undefined,
  });
  const { api } = connection;
  connection.connect(7);
  await firstValueFrom(
    api.connectionState.pipe(
      filter((s) => s === ConnectionState.Connected),
      timeout(5_000),
    ),
  );

  let ended: unknown = null;
  const summary = api.getAccountSummary('All', SUMMARY_TAGS).subscribe({ error: (error) => (ended = error) });
  const positions = api.getPositions().subscribe({ error: (error) => (ended = error) });
  await firstValueFrom(api.getAccountSummary('All', SUMMARY_TAGS).pipe(timeout(5_000)));

  // An account the login does not have: IBKR refuses each order with 321 under its order id.
  const ids = Array.from({ length: 40 }, (_, i) => i + 1);
  for (const id of ids) {
    api.placeOrder(
      id,
      { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 1, account: 'DU9999999', transmit: true },
    );
  }
  const deadline = Date.now() + 5_000;
  while (refusals.length < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect(refusals.sort((a, b) => a - b)).toEqual(ids);
  expect(ended).toBeNull();
  expect(summary.closed).toBe(false);
  expect(positions.closed).toBe(false);
  summary.unsubscribe();
  positions.unsubscribe();
});
