import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionState, IBApiNext, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../../src/core/accounts/accounts-service';
import { AuditFile, readAuditDay } from '../../../src/core/audit/audit-file';
import type { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createRouter, type Handlers } from '../../../src/core/ipc/router';
import type { Logger } from '../../../src/core/log';
import { OrderAudit } from '../../../src/core/orders/order-audit';
import { OrderBookService } from '../../../src/core/orders/order-book-service';
import { SentOrders } from '../../../src/core/orders/working-orders';
import type { AccountsSnapshot, Balance } from '../../../src/shared/accounts';
import type { EventName } from '../../../src/shared/api';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { accountsStack, until } from './accounts-stack';

/**
 * The accounts and order-book services against the simulator over real sockets, through the same
 * GatewaySession the app runs: the figures they publish are the simulator's, and a fill moves only the
 * account it was for.
 */

const IRA = 'DU1000001';
const INDIVIDUAL = 'DU1000002';
const CORPORATION = 'DU1000003';
const silent: Logger = { log: () => undefined };

let sim: Simulator;
let session: GatewaySession;
let accounts: AccountsService;
let book: OrderBookService;
let trader: IBApiNext;
let auditDir: string;
const published: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  // No market ticks: prices stand still, so every figure can be compared exactly.
  sim = await startSimulator({ port: 0, seed: 42, tickRate: 0, accountRefreshMs: 50 });
  const events = { publish: (event: EventName, payload: unknown) => void published.push({ event, payload }) };
  ({ session, accounts } = accountsStack(sim, events));
  auditDir = mkdtempSync(join(tmpdir(), 'gatehouse-audit-'));
  const audit = new OrderAudit(new AuditFile(auditDir), auditDir);
  book = new OrderBookService({ session, events, audit, sent: new SentOrders(), logger: silent, refreshMs: 200 });
  await session.start();
  trader = new IBApiNext({ host: '127.0.0.1', port: sim.port, reconnectInterval: 0 });
  const connected = firstValueFrom(
    trader.connectionState.pipe(
      filter((s) => s === ConnectionState.Connected),
      timeout(5000),
    ),
  );
  trader.connect(91);
  await connected;
});

afterAll(async () => {
  trader.disconnect();
  accounts.dispose();
  book.dispose();
  await session.dispose();
  await sim.close();
});

const handlers = () => ({ ...accounts.handlers(), ...book.handlers() }) as unknown as Handlers;
const snapshot = () => accounts.handlers()['accounts.snapshot']() as AccountsSnapshot;

const ready = () => until(() => snapshot().status === 'ready' && snapshot(), 'the accounts to load');
const balance = (s: AccountsSnapshot, account: string) => s.balances.find((b) => b.account === account) as Balance;
const position = (s: AccountsSnapshot, account: string, symbol: string) =>
  s.positions.find((p) => p.account === account && p.symbol === symbol && p.secType === 'STK');

describe('accounts service against the simulator', () => {
  it("shows the three accounts with the simulator's own figures", async () => {
    const s = await ready();
    expect(s.accounts.map((a) => a.id)).toEqual([IRA, INDIVIDUAL, CORPORATION]);
    expect(s.accounts.map((a) => a.ibAccountType)).toEqual(['IRA', 'INDIVIDUAL', 'CORPORATION']);
    expect(s.accounts.map((a) => a.kind)).toEqual(['traditional-ira', 'individual', 'business']);
    for (const account of [IRA, INDIVIDUAL, CORPORATION]) {
      const truth = sim.world.summary(account);
      const row = balance(s, account);
      expect(row.netLiquidation).toBeCloseTo(truth.NetLiquidation, 2);
      expect(row.totalCashValue).toBeCloseTo(truth.TotalCashValue, 2);
      expect(row.settledCash).toBeCloseTo(truth.SettledCash, 2);
      expect(row.buyingPower).toBeCloseTo(truth.BuyingPower, 2);
      expect(row.grossPositionValue).toBeCloseTo(truth.GrossPositionValue, 2);
      const positions = sim.world.positions(account);
      expect(s.positions.filter((p) => p.account === account)).toHaveLength(positions.length);
    }
    expect(s.total.netLiquidation).toBeCloseTo(
      [IRA, INDIVIDUAL, CORPORATION].reduce((sum, a) => sum + sim.world.summary(a).NetLiquidation, 0),
      1,
    );
  });

  it('prices positions and their share of the account from reqPnLSingle', async () => {
    const s = await until(() => {
      const v = snapshot();
      return v.positions.every((p) => p.marketValue !== null) && v;
    }, 'every position to be valued');
    const aapl = position(s, IRA, 'AAPL');
    const truth = sim.world.positions(IRA).find((p) => p.conId === 265598);
    expect(aapl?.quantity).toBe(200);
    expect(aapl?.marketPrice).toBeCloseTo(truth?.marketPrice ?? Number.NaN, 4);
    expect(aapl?.avgCost).toBeCloseTo(190.25, 4);
    expect(aapl?.pctOfAccount).toBeCloseTo(
      ((truth?.marketValue ?? 0) * 100) / sim.world.summary(IRA).NetLiquidation,
      2,
    );
    // SAP is EUR-listed: its value is shown in EUR, converted back through the ledger's rate.
    const sap = position(s, INDIVIDUAL, 'SAP');
    const sapTruth = sim.world.positions(INDIVIDUAL).find((p) => p.conId === sap?.conId);
    expect(sap?.currency).toBe('EUR');
    expect(sap?.marketValue).toBeCloseTo(sapTruth?.marketValue ?? Number.NaN, 1);
    const consolidatedAapl = s.consolidated.filter((c) => c.conId === 265598);
    expect(consolidatedAapl).toHaveLength(1);
    expect(consolidatedAapl[0]?.split).toEqual([
      { account: IRA, quantity: 200 },
      { account: INDIVIDUAL, quantity: 100 },
    ]);
  });

  it('lists per-currency cash from the ledger', async () => {
    const lines = (await createRouter(handlers(), { logError: () => undefined }).call('accounts.ledger', {
      account: INDIVIDUAL,
    })) as { ok: true; value: { currency: string; cash: number }[] };
    expect(lines.ok).toBe(true);
    expect(lines.value.map((l) => l.currency)).toEqual(['EUR', 'USD']);
    const eur = sim.world.cash(INDIVIDUAL).find((c) => c.currency === 'EUR');
    expect(lines.value[0]?.cash).toBeCloseTo(eur?.total ?? Number.NaN, 2);
  });

  it('a market fill changes position, cash and P&L in that account only', async () => {
    const before = await ready();
    const id = await trader.placeNewOrder(
      { symbol: 'KO', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      {
        action: OrderAction.BUY,
        totalQuantity: 10,
        orderType: OrderType.MKT,
        tif: 'DAY',
        account: CORPORATION,
        transmit: true,
      },
    );
    expect(id).toBeGreaterThan(0);
    const after = await until(() => {
      const v = snapshot();
      const ko = position(v, CORPORATION, 'KO');
      return (
        ko &&
        ko.dailyPnl !== null &&
        balance(v, CORPORATION).totalCashValue !== balance(before, CORPORATION).totalCashValue &&
        v
      );
    }, 'the fill to reach the corporation account');
    expect(position(after, CORPORATION, 'KO')?.quantity).toBe(10);
    expect(position(after, IRA, 'KO')?.quantity).toBe(150);
    const spent =
      (balance(before, CORPORATION).totalCashValue ?? 0) - (balance(after, CORPORATION).totalCashValue ?? 0);
    const fill = (await trader.getExecutionDetails({})).find((e) => e.execution.orderId === id);
    expect(spent).toBeGreaterThan(10 * (fill?.execution.price ?? 0));
    expect(balance(after, CORPORATION).totalCashValue).toBeCloseTo(sim.world.summary(CORPORATION).TotalCashValue, 2);
    await until(
      () => balance(snapshot(), CORPORATION).unrealizedPnl !== balance(before, CORPORATION).unrealizedPnl,
      "the corporation's P&L to move",
    );
    for (const other of [IRA, INDIVIDUAL]) expect(balance(snapshot(), other)).toEqual(balance(before, other));
    expect(snapshot().total.totalCashValue).toBeCloseTo(
      snapshot().balances.reduce((sum, b) => sum + (b.totalCashValue ?? 0), 0),
      6,
    );
  });

  it('publishes coalesced updates shaped as transactions', () => {
    const updates = published.filter((p) => p.event === 'accounts.update');
    expect(updates.length).toBeGreaterThan(0);
    const last = updates.at(-1)?.payload as { positions: { upsert: unknown[]; remove: string[] } };
    expect(Array.isArray(last.positions.upsert)).toBe(true);
  });
});

describe('order book against the simulator', () => {
  it("lists another client's resting order and its cancel-all; the fill is in today's executions", async () => {
    const price = Math.floor(sim.world.quote(265598).bid - 30);
    const id = await trader.placeNewOrder(
      { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      {
        action: OrderAction.BUY,
        totalQuantity: 5,
        orderType: OrderType.LMT,
        lmtPrice: price,
        tif: 'DAY',
        account: INDIVIDUAL,
        transmit: true,
      },
    );
    const call = createRouter(handlers(), { logError: () => undefined }).call;
    const row = await until(() => {
      const open = book.handlers()['orders.open']() as {
        openOrders: { orderId: number; clientId: number | null; limitPrice: number | null }[];
      };
      return open.openOrders.find((o) => o.orderId === id);
    }, 'the resting order to be listed');
    expect(row).toMatchObject({ clientId: 91, limitPrice: price });
    const own = await call('orders.cancel', { orderId: id });
    expect(own).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('client 91') } });
    const all = await call('orders.cancelAll', { confirm: true });
    expect(all).toMatchObject({ ok: true });
    await until(() => {
      const open = book.handlers()['orders.open']() as { openOrders: unknown[] };
      return open.openOrders.length === 0;
    }, 'the order book to empty');
    const executions = (
      book.handlers()['orders.open']() as {
        executions: { account: string; symbol: string; commission: number | null }[];
      }
    ).executions;
    expect(executions.find((e) => e.account === CORPORATION && e.symbol === 'KO')?.commission).toBeGreaterThan(0);
    const day = new Date().toISOString().slice(0, 10);
    const { records } = await readAuditDay(auditDir, day);
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: 'cancel-request',
        orderId: null,
        message: expect.stringContaining('Cancel of every working order requested by the open-orders grid (working: '),
      }),
    );
  });
});
