import { EventName, type Contract } from '@stoqey/ib';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  connectApi,
  connectNext,
  delay,
  nextEvent,
  recordEvents,
  type NextClient,
  type RawApiClient,
} from './ib-client';

const IRA = 'DU1000001';
const INDIVIDUAL = 'DU1000002';
const CORPORATION = 'DU1000003';
const ACCOUNTS = [IRA, INDIVIDUAL, CORPORATION];
const MONEY_TAGS = [
  'NetLiquidation',
  'TotalCashValue',
  'SettledCash',
  'BuyingPower',
  'AvailableFunds',
  'ExcessLiquidity',
  'InitMarginReq',
  'MaintMarginReq',
  'GrossPositionValue',
];

let sim: Simulator;
let next: NextClient;
let raw: RawApiClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50 });
  [next, raw] = await Promise.all([connectNext(sim.port, 1), connectApi(sim.port, 2)]);
});
afterEach(() => {
  next.reports.expectClean();
  raw.reports.expectClean();
});
afterAll(async () => {
  next.close();
  raw.close();
  await sim.close();
});

type SummaryLine = [reqId: number, account: string, tag: string, value: string, currency: string];

/** reqAccountSummary through IBApi: every line up to accountSummaryEnd. */
async function summary(reqId: number, tags: string): Promise<SummaryLine[]> {
  const lines = recordEvents<SummaryLine>(raw.api, EventName.accountSummary);
  const end = nextEvent<[number]>(raw.api, EventName.accountSummaryEnd, (id) => id === reqId);
  raw.api.reqAccountSummary(reqId, 'All', tags);
  await end;
  return lines.filter(([id]) => id === reqId);
}

function value(lines: SummaryLine[], account: string, tag: string, currency?: string): string | undefined {
  return lines.find(
    (line) => line[1] === account && line[2] === tag && (currency === undefined || line[4] === currency),
  )?.[3];
}

function conId(symbol: string): number {
  const found = sim.world.findInstruments({ symbol, secType: 'STK' })[0];
  if (!found) throw new Error(`no ${symbol}`);
  return found.conId;
}

describe('after startApi', () => {
  it('sends managedAccounts with the three paper accounts and a nextValidId', async () => {
    expect(raw.accounts).toEqual(ACCOUNTS);
    expect(raw.nextValidId).toBeGreaterThan(0);
    expect(await next.api.getManagedAccounts()).toEqual(ACCOUNTS);
  });

  it('answers reqIds, reqCurrentTime and reqManagedAccts', async () => {
    const ids = nextEvent<[number]>(raw.api, EventName.nextValidId);
    raw.api.reqIds();
    const [orderId] = await ids;
    expect(orderId).toBe(sim.world.nextOrderId());

    const time = nextEvent<[number]>(raw.api, EventName.currentTime);
    raw.api.reqCurrentTime();
    const [seconds] = await time;
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
    expect(Math.abs((await next.api.getCurrentTime()) - Date.now() / 1000)).toBeLessThan(5);

    const managed = nextEvent<[string]>(raw.api, EventName.managedAccounts);
    raw.api.reqManagedAccts();
    expect((await managed)[0].split(',')).toEqual(ACCOUNTS);
  });
});

describe('account summary', () => {
  it('reports every tag for every account through IBApiNext', async () => {
    const update = await firstValueFrom(
      next.api.getAccountSummary('All', ['AccountType', ...MONEY_TAGS].join(',')).pipe(
        filter((u) => (u.all.get(CORPORATION)?.size ?? 0) >= MONEY_TAGS.length + 1),
        timeout(3000),
      ),
    );
    expect([...update.all.keys()].sort()).toEqual(ACCOUNTS);
    expect(update.all.get(IRA)?.get('AccountType')?.get('')?.value).toBe('IRA');
    expect(update.all.get(INDIVIDUAL)?.get('AccountType')?.get('')?.value).toBe('INDIVIDUAL');
    for (const account of ACCOUNTS)
      for (const tag of MONEY_TAGS) {
        const text = update.all.get(account)?.get(tag)?.get('USD')?.value;
        expect(text, `${account} ${tag}`).toMatch(/^-?\d+\.\d{2}$/);
      }
    const ira = (tag: string) => Number(update.all.get(IRA)?.get(tag)?.get('USD')?.value);
    expect(ira('TotalCashValue')).toBe(100_000);
    expect(ira('SettledCash')).toBe(92_500);
    expect(ira('GrossPositionValue')).toBeGreaterThan(100 * 100);
    expect(ira('NetLiquidation')).toBeCloseTo(ira('TotalCashValue') + ira('GrossPositionValue'), 0);
    expect(ira('InitMarginReq')).toBeGreaterThanOrEqual(ira('MaintMarginReq'));
    expect(ira('ExcessLiquidity')).toBeGreaterThan(0);
  });

  it('sends $LEDGER as the BASE line only and $LEDGER:ALL per currency (EUR only outside the IRA)', async () => {
    const base = await summary(101, '$LEDGER');
    expect(new Set(base.map((line) => line[4]))).toEqual(new Set(['BASE']));
    expect(value(base, IRA, 'CashBalance', 'BASE')).toBe('100000.00');
    expect(value(base, IRA, 'Currency', 'BASE')).toBe('BASE');

    const all = await summary(102, '$LEDGER:ALL');
    const currencies = (account: string) => new Set(all.filter((line) => line[1] === account).map((line) => line[4]));
    expect(currencies(IRA)).toEqual(new Set(['BASE', 'USD']));
    expect(currencies(INDIVIDUAL)).toEqual(new Set(['BASE', 'EUR', 'USD']));
    expect(currencies(CORPORATION)).toEqual(new Set(['BASE', 'EUR', 'USD']));
    expect(value(all, INDIVIDUAL, 'CashBalance', 'EUR')).toBe('20000.00');
    expect(value(all, CORPORATION, 'CashBalance', 'EUR')).toBe('50000.00');
    const rate = Number(value(all, INDIVIDUAL, 'ExchangeRate', 'EUR'));
    expect(rate).toBeGreaterThan(0.5);
    expect(Number(value(all, INDIVIDUAL, 'CashBalance', 'BASE'))).toBeCloseTo(250_000 + 20_000 * rate, 0);
    raw.api.cancelAccountSummary(101);
    raw.api.cancelAccountSummary(102);
  });

  it('streams changes until cancelled', async () => {
    const lines = recordEvents<SummaryLine>(raw.api, EventName.accountSummary);
    const first = await summary(103, 'NetLiquidation');
    expect(first.map((line) => line[1]).sort()).toEqual(ACCOUNTS);
    const before = lines.length;
    sim.step(3000);
    await nextEvent<SummaryLine>(raw.api, EventName.accountSummary, (id) => id === 103);
    expect(lines.length).toBeGreaterThan(before);
    raw.api.cancelAccountSummary(103);
    await delay(30);
    const afterCancel = lines.filter(([id]) => id === 103).length;
    sim.step(3000);
    await delay(200);
    expect(lines.filter(([id]) => id === 103).length).toBe(afterCancel);
  });
});

describe('account summary subscriptions', () => {
  it('allows two at a time, as IBKR does: a third is refused with 322 until one is cancelled', async () => {
    await summary(111, 'NetLiquidation');
    await summary(112, '$LEDGER:ALL');
    const refused = raw.reports.code(322, 113);
    raw.api.reqAccountSummary(113, 'All', 'AccountType');
    expect((await refused).message).toMatch(/Maximum number of account summary requests exceeded/);
    raw.api.cancelAccountSummary(111);
    await delay(30);
    expect((await summary(114, 'AccountType')).length).toBeGreaterThan(0);
    raw.api.cancelAccountSummary(112);
    raw.api.cancelAccountSummary(114);
    await delay(30);
  });
});

describe('positions', () => {
  it('reports positions in all three accounts through IBApiNext (the IRA holds AAPL)', async () => {
    const update = await firstValueFrom(
      next.api.getPositions().pipe(
        filter((u) => (u.all?.size ?? 0) === 3),
        timeout(3000),
      ),
    );
    expect([...update.all.keys()].sort()).toEqual(ACCOUNTS);
    const aapl = update.all.get(IRA)?.find((position) => position.contract.symbol === 'AAPL');
    expect(aapl?.pos).toBeGreaterThanOrEqual(100);
    expect(aapl?.avgCost).toBeCloseTo(190.25, 2);
    expect(update.all.get(INDIVIDUAL)?.some((p) => p.contract.symbol === 'EPD' && p.pos === 500)).toBe(true);
    expect(update.all.get(CORPORATION)?.some((p) => p.contract.symbol === 'JPM' && p.pos === 300)).toBe(true);
  });

  it('answers reqPositions and stops after cancelPositions', async () => {
    const positions = recordEvents<[string, Contract, number, number]>(raw.api, EventName.position);
    const end = nextEvent(raw.api, EventName.positionEnd);
    raw.api.reqPositions();
    await end;
    expect(new Set(positions.map(([account]) => account))).toEqual(new Set(ACCOUNTS));
    raw.api.cancelPositions();
    expect(
      positions.some(([account, contract, pos]) => account === IRA && contract.symbol === 'KO' && pos === 150),
    ).toBe(true);
  });

  it('answers reqPositionsMulti for one account and for all', async () => {
    type Multi = [number, string, string, Contract, number, number];
    const multi = recordEvents<Multi>(raw.api, EventName.positionMulti);
    const one = nextEvent<[number]>(raw.api, EventName.positionMultiEnd, (id) => id === 201);
    raw.api.reqPositionsMulti(201, IRA, '');
    await one;
    const ira = multi.filter(([reqId]) => reqId === 201);
    expect(ira.map((m) => m[3].symbol).sort()).toEqual(['AAPL', 'KO', 'SPY', 'TLT']);
    expect(ira.every((m) => m[1] === IRA)).toBe(true);

    const all = nextEvent<[number]>(raw.api, EventName.positionMultiEnd, (id) => id === 202);
    raw.api.reqPositionsMulti(202, 'All', '');
    await all;
    expect(new Set(multi.filter(([reqId]) => reqId === 202).map((m) => m[1]))).toEqual(new Set(ACCOUNTS));
    raw.api.cancelPositionsMulti(201);
    raw.api.cancelPositionsMulti(202);
  });

  it('refuses reqPositionsMulti for an account not on the login', async () => {
    raw.api.reqPositionsMulti(203, 'DU9999999', '');
    const refusal = await raw.reports.code(321, 203);
    expect(refusal.message).toContain('DU9999999');
  });
});

describe('account updates and P&L', () => {
  it('streams portfolio lines, account values and the download end for one account', async () => {
    type Portfolio = [Contract, number, number, number, number, number, number, string];
    const values = recordEvents<[string, string, string, string]>(raw.api, EventName.updateAccountValue);
    const portfolio = recordEvents<Portfolio>(raw.api, EventName.updatePortfolio);
    const end = nextEvent<[string]>(raw.api, EventName.accountDownloadEnd);
    raw.api.reqAccountUpdates(true, INDIVIDUAL);
    expect((await end)[0]).toBe(INDIVIDUAL);
    expect(values.every(([, , , account]) => account === INDIVIDUAL)).toBe(true);
    expect(values.find(([key, , currency]) => key === 'CashBalance' && currency === 'EUR')?.[1]).toBe('20000.00');
    expect(values.some(([key, value]) => key === 'AccountType' && value === 'INDIVIDUAL')).toBe(true);
    const symbols = portfolio.map(([contract]) => contract.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['AAPL', 'MSFT', 'NVDA', 'TSLA', 'EPD', 'SAP', 'ES']));
    const nvda = portfolio.find(([contract]) => contract.symbol === 'NVDA');
    expect(nvda?.[1]).toBe(400);
    expect(nvda?.[3]).toBeCloseTo((nvda?.[2] ?? 0) * 400, 0);
    // Portfolio lines keep coming with the market.
    const count = portfolio.length;
    sim.step(500);
    await nextEvent(raw.api, EventName.updatePortfolio);
    expect(portfolio.length).toBeGreaterThan(count);
    raw.api.reqAccountUpdates(false, INDIVIDUAL);
  });

  it('streams P&L for an account and for one position', async () => {
    const pnl = await firstValueFrom(next.api.getPnL(IRA).pipe(timeout(3000)));
    expect(Number.isFinite(pnl.unrealizedPnL)).toBe(true);
    expect(pnl.unrealizedPnL).toBeCloseTo(sim.world.pnl(IRA).unrealized, 0);

    const single = nextEvent<[number, number, number, number, number, number]>(
      raw.api,
      EventName.pnlSingle,
      (reqId) => reqId === 301,
    );
    raw.api.reqPnLSingle(301, IRA, '', conId('AAPL'));
    const [, position, , , , marketValue] = await single;
    expect(position).toBe(200);
    expect(marketValue).toBeGreaterThan(200 * 50);
    // It streams at the refresh interval.
    await nextEvent(raw.api, EventName.pnlSingle, (reqId) => reqId === 301, 1000);
    raw.api.cancelPnLSingle(301);
  });
});

describe('live account style', () => {
  it('reports the accounts as U… everywhere', async () => {
    const live = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountStyle: 'live' });
    const client = await connectApi(live.port, 5);
    try {
      expect(client.accounts).toEqual(['U1000001', 'U1000002', 'U1000003']);
      const positions = recordEvents<[string]>(client.api, EventName.position);
      const end = nextEvent(client.api, EventName.positionEnd);
      client.api.reqPositions();
      await end;
      expect(new Set(positions.map(([account]) => account))).toEqual(new Set(['U1000001', 'U1000002', 'U1000003']));
      client.reports.expectClean();
    } finally {
      client.close();
      await live.close();
    }
  });
});
