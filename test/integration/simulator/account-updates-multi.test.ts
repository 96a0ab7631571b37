import { type Contract, EventName, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, delay, nextEvent, recordEvents, until, type RawApiClient } from './ib-client';
import { twsStartup } from './tws-startup';

/**
 * reqAccountUpdatesMulti and reqPositionsMulti through @stoqey/ib, at more than one server version: the answer
 * up to its end marker, the updates a fill causes afterwards, and silence once cancelled. Then a TWS client's
 * whole start-up, which must reach every end marker.
 */

const IRA = 'DU1000001';
const INDIVIDUAL = 'DU1000002';
const CORPORATION = 'DU1000003';
const ACCOUNTS = [IRA, INDIVIDUAL, CORPORATION];

type Multi = [reqId: number, account: string, modelCode: string, key: string, value: string, currency: string];
type Value = [key: string, value: string, currency: string, account: string];
type PositionMulti = [
  reqId: number,
  account: string,
  modelCode: string,
  contract: Contract,
  pos: number,
  avgCost: number,
];

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
});
afterAll(async () => {
  await sim.close();
});

describe.each([193, 170])('at server version %i', (serverVersion) => {
  let client: RawApiClient;
  let nextOrderId: number;
  const clientId = serverVersion;

  beforeAll(async () => {
    client = await connectApi(sim.port, clientId, 5000, serverVersion);
    nextOrderId = client.nextValidId;
  });
  afterAll(() => {
    client.reports.expectClean();
    client.close();
  });

  /** reqAccountUpdatesMulti up to its end marker: the lines of that request. */
  async function multi(reqId: number, account: string, ledgerAndNLV = false): Promise<Multi[]> {
    const lines = recordEvents<Multi>(client.api, EventName.accountUpdateMulti);
    const end = nextEvent<[string]>(client.api, EventName.accountUpdateMultiEnd, (id) => Number(id) === reqId);
    client.api.reqAccountUpdatesMulti(reqId, account, '', ledgerAndNLV);
    await end;
    return lines.filter(([id]) => id === reqId);
  }

  function buy(account: string, quantity: number): number {
    const orderId = nextOrderId++;
    const order = {
      action: OrderAction.BUY,
      totalQuantity: quantity,
      orderType: OrderType.MKT,
      account,
      transmit: true,
    };
    client.api.placeOrder(orderId, AAPL, order);
    return orderId;
  }

  const filled = (orderId: number) =>
    nextEvent(client.api, EventName.orderStatus, (id: number, status: string) => id === orderId && status === 'Filled');

  it('negotiates the version asked', () => {
    expect(client.api.serverVersion).toBe(serverVersion);
  });

  it('answers each account with the values reqAccountUpdates sends, up to accountUpdateMultiEnd', async () => {
    for (const [index, account] of ACCOUNTS.entries()) {
      const lines = await multi(300 + index, account);
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.every(([, name, modelCode]) => name === account && modelCode === '')).toBe(true);
      client.api.cancelAccountUpdatesMulti(300 + index);

      const values = recordEvents<Value>(client.api, EventName.updateAccountValue);
      const downloaded = nextEvent(client.api, EventName.accountDownloadEnd, (name: string) => name === account);
      client.api.reqAccountUpdates(true, account);
      await downloaded;
      client.api.reqAccountUpdates(false, account);
      const asUpdates = values.map(([key, value, currency]) => `${key}|${currency}|${value}`).sort();
      expect(lines.map(([, , , key, value, currency]) => `${key}|${currency}|${value}`).sort()).toEqual(asUpdates);
    }
  });

  it('with ledgerAndNLV sends only the ledger and the net liquidation value', async () => {
    const lines = await multi(310, INDIVIDUAL, true);
    client.api.cancelAccountUpdatesMulti(310);
    const keys = new Set(lines.map(([, , , key]) => key));
    expect(keys).toContain('NetLiquidation');
    expect(keys).toContain('CashBalance');
    expect(keys).not.toContain('BuyingPower');
    expect(keys).not.toContain('AccountType');
  });

  it('"All" answers every account of the login', async () => {
    const lines = await multi(311, 'All');
    client.api.cancelAccountUpdatesMulti(311);
    expect(new Set(lines.map(([, account]) => account))).toEqual(new Set(ACCOUNTS));
  });

  it('refuses an account that is not on the login, with the request id', async () => {
    client.api.reqAccountUpdatesMulti(312, 'DU9999999', '', false);
    expect((await client.reports.code(321, 312)).message).toContain('DU9999999');
  });

  it('keeps pushing changes after the end marker when a fill changes the books, until cancelled', async () => {
    const reqId = 320;
    const positionsReqId = 321;
    await multi(reqId, INDIVIDUAL);
    const positionsEnd = nextEvent<[number]>(client.api, EventName.positionMultiEnd, (id) => id === positionsReqId);
    client.api.reqPositionsMulti(positionsReqId, INDIVIDUAL, '');
    await positionsEnd;

    const updates = recordEvents<Multi>(client.api, EventName.accountUpdateMulti);
    const positions = recordEvents<PositionMulti>(client.api, EventName.positionMulti);
    const before = sim.world.positions(INDIVIDUAL).find((p) => p.conId === aaplConId())?.quantity ?? 0;
    await filled(buy(INDIVIDUAL, 10));
    const cash = await until(
      () => updates.find(([id, , , key, , currency]) => id === reqId && key === 'CashBalance' && currency === 'USD'),
      3000,
      'a CashBalance update after the fill',
    );
    expect(cash[1]).toBe(INDIVIDUAL);
    const aapl = await until(
      () => positions.find(([id, , , contract]) => id === positionsReqId && contract.symbol === 'AAPL'),
      3000,
      'an AAPL positionMulti after the fill',
    );
    expect(aapl[4]).toBe(before + 10);

    client.api.cancelAccountUpdatesMulti(reqId);
    client.api.cancelPositionsMulti(positionsReqId);
    // A round trip after the cancels: whatever the server sent before handling them has arrived by its answer.
    const time = nextEvent(client.api, EventName.currentTime);
    client.api.reqCurrentTime();
    await time;
    const seenUpdates = updates.length;
    const seenPositions = positions.length;
    await filled(buy(INDIVIDUAL, 10));
    await delay(300); // several account refresh cycles (50 ms each)
    const after = [...updates.slice(seenUpdates), ...positions.slice(seenPositions)].filter(
      ([id]) => id === reqId || id === positionsReqId,
    );
    expect(after.map((event) => JSON.stringify(event))).toEqual([]);
  });
});

function aaplConId(): number {
  return sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0]?.conId ?? 0;
}

describe.each([193, 176, 157])("a TWS client's start-up at server version %i", (serverVersion) => {
  it('receives every end marker: connect, positions, orders, executions and each account', async () => {
    const run = await twsStartup(sim.port, 500 + serverVersion, { maxVersion: serverVersion });
    try {
      expect(run.serverVersion).toBe(serverVersion);
      expect(run.accounts).toEqual(ACCOUNTS);
      expect([...run.ends].sort()).toEqual(
        [
          'managedAccounts',
          'nextValidId',
          'positionEnd',
          'openOrderEnd',
          'completedOrdersEnd',
          'execDetailsEnd',
          ...ACCOUNTS.map((account) => `accountUpdateMultiEnd ${account}`),
          ...ACCOUNTS.map((account) => `accountDownloadEnd ${account}`),
        ].sort(),
      );
    } finally {
      run.api.disconnect();
    }
  });
});
