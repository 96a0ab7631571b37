import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountsSnapshot, PositionRow } from '../../../src/shared/accounts';
import type { ExternalAccount, HoldingsCheck } from '../../../src/shared/holdings';
import type { OrderPreview } from '../../../src/shared/orders';
import { startOrdersApp, until, type OrdersApp } from '../orders/orders-app';

/** Other brokers' holdings through the services, against the simulator over a real socket. */

let running: OrdersApp | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

const CSV = 'symbol,quantity,cost_basis\nAAPL,10,"$1,500.00"\nZZZQX,5,100\nKO,ten,5\nCASH,250,\n';
const ID = 'EXT-FIDELITY-401K';

const rowsOf = (snapshot: AccountsSnapshot) => snapshot.positions.filter((p) => p.account === ID);

describe('external accounts', () => {
  it('a file with a refused row is kept only once confirmed; its rows show live IBKR prices or "no IBKR price"', async () => {
    const o = (running = await startOrdersApp());
    const checked = await o.call<HoldingsCheck>('holdings.check', { csv: CSV });
    expect(checked.format).toBe('generic');
    expect(checked.refused).toEqual([{ line: 4, reason: 'quantity "ten" for KO is not a number' }]);

    const unconfirmed = await o.app.router.call('holdings.import', {
      name: 'Fidelity 401k',
      csv: CSV,
      keepWithRefused: false,
    });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/^3 rows imported, 1 rows refused: nothing was kept/) },
    });
    expect(await o.call<ExternalAccount[]>('holdings.list')).toEqual([]);
    expect(existsSync(join(o.userDataDir, 'external-accounts.json'))).toBe(false);

    const kept = await o.call<ExternalAccount[]>('holdings.import', {
      name: 'Fidelity 401k',
      csv: CSV,
      keepWithRefused: true,
    });
    expect(kept.map((a) => [a.id, a.name, a.holdings.length])).toEqual([[ID, 'Fidelity 401k', 3]]);
    const onDisk = JSON.parse(readFileSync(join(o.userDataDir, 'external-accounts.json'), 'utf8'));
    expect(onDisk.accounts[0].holdings.map((h: { symbol: string }) => h.symbol)).toEqual(['AAPL', 'ZZZQX', 'CASH']);

    let rows: PositionRow[] = [];
    await until(
      () => {
        const aapl = rows.find((r) => r.symbol === 'AAPL');
        const unknown = rows.find((r) => r.symbol === 'ZZZQX');
        return aapl?.marketPrice != null && unknown?.priceNote !== undefined;
      },
      15_000,
      async () => {
        rows = rowsOf(await o.call<AccountsSnapshot>('accounts.snapshot'));
      },
    );
    const aapl = rows.find((r) => r.symbol === 'AAPL') as PositionRow;
    const simAapl = o.sim.world.findInstruments({ symbol: 'AAPL' })[0];
    expect(aapl).toMatchObject({ external: true, conId: simAapl?.conId, quantity: 10, avgCost: 150 });
    expect(aapl.marketValue).toBeCloseTo((aapl.marketPrice as number) * 10, 6);
    expect(aapl.unrealizedPnl).toBeCloseTo((aapl.marketValue as number) - 1500, 6);
    expect(rows.find((r) => r.symbol === 'ZZZQX')).toMatchObject({ priceNote: 'no IBKR price', marketPrice: null });
    expect(rows.find((r) => r.symbol === 'CASH')).toMatchObject({ marketValue: 250, external: true });

    const snapshot = await o.call<AccountsSnapshot>('accounts.snapshot');
    const together = snapshot.consolidated.find((c) => c.conId === simAapl?.conId);
    expect(together?.split.map((s) => s.account)).toContain(ID);
    // A re-import under the same name replaces the holdings; removing takes the account and its rows away.
    await o.call('holdings.import', {
      name: 'Fidelity 401k',
      csv: 'symbol,quantity,cost_basis\nMSFT,2,600\n',
      keepWithRefused: false,
    });
    expect((await o.call<ExternalAccount[]>('holdings.list')).map((a) => a.holdings.map((h) => h.symbol))).toEqual([
      ['MSFT'],
    ]);
    expect(await o.call('holdings.remove', { id: ID })).toEqual([]);
    expect(rowsOf(await o.call<AccountsSnapshot>('accounts.snapshot'))).toEqual([]);
  }, 40_000);

  it('an order for an external account is blocked by its own rule and never reaches the gateway', async () => {
    const o = (running = await startOrdersApp());
    await o.call('holdings.import', {
      name: 'Fidelity 401k',
      csv: 'symbol,quantity,cost_basis\nAAPL,10,1500\n',
      keepWithRefused: false,
    });
    const api = o.app.session.ib?.api;
    if (!api) throw new Error('no connection');
    // The symbol's own resolution asks for contract details: let it finish before watching the gateway.
    let priced = false;
    await until(
      () => priced,
      15_000,
      async () => {
        priced = rowsOf(await o.call<AccountsSnapshot>('accounts.snapshot'))[0]?.marketPrice != null;
      },
    );
    const details = vi.spyOn(api, 'getContractDetails');
    const placed = vi.spyOn(api, 'placeOrder');
    const ticket = {
      account: ID,
      contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
      action: 'SELL',
      quantity: 10,
      orderType: 'LMT',
      limitPrice: 100,
      tif: 'DAY',
    };
    const preview = await o.call<OrderPreview>('orders.preview', ticket);
    expect(preview.blocked).toBe(true);
    expect(preview.checks).toEqual([
      expect.objectContaining({
        id: 'external-account',
        outcome: 'block',
        message: expect.stringContaining('external — not tradable here'),
      }),
    ]);
    const submit = await o.app.router.call('orders.submit', { previewId: preview.previewId, acknowledgements: [] });
    expect(submit).toMatchObject({ ok: true, value: { outcome: 'refused' } });
    const sizing = await o.app.router.call('orders.size', {
      order: { contract: ticket.contract, action: 'BUY', orderType: 'LMT', limitPrice: 100, tif: 'DAY' },
      accounts: [ID],
      sizing: { mode: 'per-account', quantities: { [ID]: 1 } },
    });
    expect(sizing).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('not tradable here') },
    });
    expect(details).not.toHaveBeenCalled();
    expect(placed).not.toHaveBeenCalled();
  }, 40_000);

  it('two imports at once both stay, each on the list the other left', async () => {
    const o = (running = await startOrdersApp());
    const csv = 'symbol,quantity,cost_basis\nAAPL,1,100\n';
    await Promise.all([
      o.call('holdings.import', { name: 'Fidelity 401k', csv, keepWithRefused: false }),
      o.call('holdings.import', { name: 'Schwab joint', csv, keepWithRefused: false }),
    ]);
    const kept = await o.call<ExternalAccount[]>('holdings.list');
    expect(kept.map((a) => a.id).sort()).toEqual([ID, 'EXT-SCHWAB-JOINT']);
    const onDisk = JSON.parse(readFileSync(join(o.userDataDir, 'external-accounts.json'), 'utf8'));
    expect(onDisk.accounts).toHaveLength(2);
  }, 40_000);

  it('bad payloads get a clear error', async () => {
    const o = (running = await startOrdersApp());
    const noName = await o.app.router.call('holdings.import', { name: ' ', csv: 'x', keepWithRefused: true });
    expect(noName).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(JSON.stringify(noName)).toContain('Name the account');
    const unknown = await o.app.router.call('holdings.check', { csv: 'date,amount\n1,2\n' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('symbol,quantity,cost_basis') },
    });
    expect(await o.app.router.call('holdings.remove', { id: 'DU1000001' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  }, 40_000);
});
