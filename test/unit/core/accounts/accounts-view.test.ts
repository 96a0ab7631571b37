import { describe, expect, it } from 'vitest';
import {
  initialAccountsState,
  reduceAccounts,
  type AccountsAction,
  type AccountsState,
  type HeldPosition,
  type SummaryLine,
} from '../../../../src/core/accounts/accounts-state';
import { accountsView, ledgerOf, statusOf } from '../../../../src/core/accounts/accounts-view';
import { BALANCE_FIELDS } from '../../../../src/shared/accounts';

const IRA = 'DU1000001';
const IND = 'DU1000002';
const CORP = 'DU1000003';

const line = (account: string, tag: string, value: string, currency = 'USD'): SummaryLine => ({
  account,
  tag,
  value,
  currency,
});

const held = (account: string, conId: number, quantity: number, extra: Partial<HeldPosition['instrument']> = {}) =>
  ({
    account,
    instrument: {
      conId,
      symbol: 'AAPL',
      secType: 'STK',
      currency: 'USD',
      description: 'AAPL',
      multiplier: 1,
      ...extra,
    },
    quantity,
    avgCost: 100 * (extra.multiplier ?? 1),
  }) satisfies HeldPosition;

function run(actions: AccountsAction[], from: AccountsState = initialAccountsState()): AccountsState {
  return actions.reduce(reduceAccounts, from);
}

/** Three accounts as the gateway reports them, with odd cents so sums are not round by accident. */
function threeAccounts(): AccountsState {
  return run([
    { type: 'connected', connected: true },
    { type: 'accounts', ids: [IRA, IND, CORP] },
    {
      type: 'summary',
      lines: [
        line(IRA, 'AccountType', 'IRA', ''),
        line(IND, 'AccountType', 'INDIVIDUAL', ''),
        line(CORP, 'AccountType', 'CORPORATION', ''),
        ...[IRA, IND, CORP].flatMap((a, i) => [
          line(a, 'NetLiquidation', String(100_000.11 * (i + 1))),
          line(a, 'TotalCashValue', String(50_000.07 * (i + 1))),
          line(a, 'SettledCash', String(40_000.03 * (i + 1))),
          line(a, 'BuyingPower', String(10_000.01 * (i + 1))),
          line(a, 'AvailableFunds', '1.10'),
          line(a, 'ExcessLiquidity', '2.20'),
          line(a, 'InitMarginReq', '3.30'),
          line(a, 'MaintMarginReq', '4.40'),
          line(a, 'GrossPositionValue', '5.50'),
        ]),
      ],
    },
    { type: 'pnl', account: IRA, pnl: { daily: -12.34, unrealized: 56.78, realized: 0 } },
    { type: 'pnl', account: IND, pnl: { daily: 1.01, unrealized: -2.02, realized: 3.03 } },
    { type: 'pnl', account: CORP, pnl: { daily: 0.1, unrealized: 0.2, realized: 0.3 } },
    { type: 'positions', positions: [held(IRA, 265598, 200), held(IND, 265598, 100)] },
  ]);
}

describe('accounts view', () => {
  it('totals each balance field as the exact sum of the account rows', () => {
    const view = accountsView(threeAccounts(), {});
    expect(view.balances).toHaveLength(3);
    for (const field of BALANCE_FIELDS) {
      const sum = view.balances.reduce((s, b) => s + (b[field] as number), 0);
      expect(view.total[field], field).toBeCloseTo(sum, 8);
    }
    expect(view.total.netLiquidation).toBeCloseTo(600_000.66, 6);
    expect(view.total.dailyPnl).toBeCloseTo(-11.23, 8);
  });

  it('converts a balance reported in another currency to USD through the ledger rate', () => {
    const state = run(
      [
        { type: 'summary', lines: [line(CORP, 'TotalCashValue', '1000', 'EUR')] },
        {
          type: 'ledger',
          lines: [line(CORP, 'ExchangeRate', '1.10000', 'EUR'), line(CORP, 'CashBalance', '1000', 'EUR')],
        },
      ],
      threeAccounts(),
    );
    const view = accountsView(state, {});
    expect(view.balances.find((b) => b.account === CORP)?.totalCashValue).toBeCloseTo(1100, 8);
    expect(view.total.totalCashValue).toBeCloseTo(50_000.07 + 100_000.14 + 1100, 6);
  });

  it('leaves a total empty rather than wrong when one row cannot be converted', () => {
    const state = run([{ type: 'summary', lines: [line(CORP, 'TotalCashValue', '1000', 'CHF')] }], threeAccounts());
    const view = accountsView(state, {});
    expect(view.balances.find((b) => b.account === CORP)?.totalCashValue).toBeNull();
    expect(view.total.totalCashValue).toBeNull();
    expect(view.total.netLiquidation).not.toBeNull();
  });

  it("takes the kind from IBKR's AccountType unless settings override it, and the label likewise", () => {
    const state = threeAccounts();
    expect(accountsView(state, {}).accounts.map((a) => [a.kind, a.label, a.kindOverridden])).toEqual([
      ['traditional-ira', 'IRA', false],
      ['individual', 'Individual', false],
      ['business', 'Business', false],
    ]);
    const overridden = accountsView(state, { [IRA]: { kind: 'roth-ira' }, [CORP]: { label: 'Acme LLC' } }).accounts;
    expect(overridden[0]).toMatchObject({
      kind: 'roth-ira',
      label: 'Roth IRA',
      kindOverridden: true,
      ibAccountType: 'IRA',
    });
    expect(overridden[2]).toMatchObject({ kind: 'business', label: 'Acme LLC', kindOverridden: false });
  });

  it('values a position from reqPnLSingle: price in its currency, share of its own account', () => {
    const state = run(
      [
        { type: 'ledger', lines: [line(IND, 'ExchangeRate', '1.2', 'EUR')] },
        {
          type: 'positions',
          positions: [
            held(IND, 1, 10, { symbol: 'SAP', currency: 'EUR' }),
            held(IRA, 2, 2, { secType: 'FUT', multiplier: 50 }),
          ],
        },
        { type: 'pnlSingle', account: IND, conId: 1, pnl: { daily: 6, unrealized: 12, realized: 0, value: 2400 } },
        { type: 'pnlSingle', account: IRA, conId: 2, pnl: { daily: -1, unrealized: -2, realized: 0, value: 10_000 } },
      ],
      threeAccounts(),
    );
    const [fut, sap] = accountsView(state, {}).positions;
    expect(sap).toMatchObject({
      currency: 'EUR',
      marketValue: 2000,
      marketPrice: 200,
      avgCost: 100,
      unrealizedPnl: 12,
    });
    expect(sap?.pctOfAccount).toBeCloseTo((2400 * 100) / 200_000.22, 8);
    // Futures: IBKR's average cost includes the multiplier; the grid shows it per point like the price.
    expect(fut).toMatchObject({ secType: 'FUT', avgCost: 100, marketPrice: 100, marketValue: 10_000 });
  });

  it('consolidates one instrument across accounts with the split kept', () => {
    const view = accountsView(threeAccounts(), {});
    expect(view.consolidated).toHaveLength(1);
    expect(view.consolidated[0]).toMatchObject({
      quantity: 300,
      split: [
        { account: IRA, quantity: 200 },
        { account: IND, quantity: 100 },
      ],
    });
  });

  it('drops a closed position and its P&L, and ignores P&L for positions not held', () => {
    let state = run(
      [{ type: 'pnlSingle', account: IRA, conId: 265598, pnl: { daily: 1, unrealized: 1, realized: 0, value: 1 } }],
      threeAccounts(),
    );
    expect(state.pnlSingle[`${IRA}:265598`]).toBeDefined();
    state = run([{ type: 'position', position: held(IRA, 265598, 0) }], state);
    expect(state.positions[`${IRA}:265598`]).toBeUndefined();
    expect(state.pnlSingle[`${IRA}:265598`]).toBeUndefined();
    const same = reduceAccounts(state, {
      type: 'pnlSingle',
      account: CORP,
      conId: 9,
      pnl: { daily: 1, unrealized: 1, realized: 0, value: 1 },
    });
    expect(same).toBe(state);
  });

  it('treats IBKR "no value" markers as unknown, not as figures', () => {
    const state = run(
      [{ type: 'summary', lines: [line(IRA, 'BuyingPower', '1.7976931348623157E308')] }],
      threeAccounts(),
    );
    expect(accountsView(state, {}).balances[0]?.buyingPower).toBeNull();
  });

  it('is waiting until connected and loading until positions and every net liquidation arrived', () => {
    expect(statusOf(initialAccountsState())).toBe('waiting');
    const connected = run([
      { type: 'connected', connected: true },
      { type: 'accounts', ids: [IRA] },
    ]);
    expect(statusOf(connected)).toBe('loading');
    expect(statusOf(run([{ type: 'summary', lines: [line(IRA, 'NetLiquidation', '1')] }], connected))).toBe('loading');
    expect(statusOf(threeAccounts())).toBe('ready');
  });

  it('lists ledger cash per currency without the BASE line', () => {
    const state = run(
      [
        {
          type: 'ledger',
          lines: [
            line(IND, 'CashBalance', '20000', 'EUR'),
            line(IND, 'CashBalance', '250000', 'USD'),
            line(IND, 'CashBalance', '1', 'BASE'),
          ],
        },
      ],
      threeAccounts(),
    );
    expect(ledgerOf(state, IND).map((l) => [l.currency, l.cash])).toEqual([
      ['EUR', 20000],
      ['USD', 250000],
    ]);
  });
});
