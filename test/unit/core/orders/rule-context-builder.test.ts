import { describe, expect, it } from 'vitest';
import {
  buildRuleContext,
  cashFrom,
  pendingFrom,
  positionsFor,
  ticketAccount,
  whatIfFromOrderState,
  type GatewayFacts,
  type SummaryValues,
} from '../../../../src/core/orders/rule-context-builder';
import { evaluateRules } from '../../../../src/core/rules';
import { OrderLimitSettingsSchema } from '../../../../src/shared/order-limits';
import { OrderTicketSchema } from '../../../../src/shared/ticket';
import { initialQuote } from '../../../../src/core/market/quote-state';

const summary = (lines: [tag: string, currency: string, value: string][]): SummaryValues => {
  const map = new Map<string, Map<string, { value: string }>>();
  for (const [tag, currency, value] of lines) {
    if (!map.has(tag)) map.set(tag, new Map());
    map.get(tag)?.set(currency, { value });
  }
  return map;
};

const IRA_SUMMARY = summary([
  ['AccountType', '', 'IRA'],
  ['SettledCash', 'USD', '92500.00'],
  ['CashBalance', 'USD', '100000.00'],
  ['TotalCashBalance', 'USD', '100000.00'],
  ['CashBalance', 'BASE', '100000.00'],
  ['CashBalance', 'EUR', '10.00'],
  ['ExchangeRate', 'EUR', '1.15000'],
]);

describe('context from gateway data', () => {
  it('reads cash per currency from the ledger; settled cash for USD from the SettledCash tag, unknown otherwise', () => {
    const { cash, fxRates } = cashFrom(IRA_SUMMARY);
    expect(cash.find((c) => c.currency === 'USD')).toEqual({ currency: 'USD', total: 100_000, settled: 92_500 });
    const eur = cash.find((c) => c.currency === 'EUR');
    expect(eur?.total).toBe(10);
    expect(eur?.settled).toBeNaN();
    expect(cash.some((c) => c.currency === 'BASE')).toBe(false);
    expect(fxRates).toEqual({ USD: 1, EUR: 1.15 });
  });

  it('takes the account kind from the override, else from IBKR’s AccountType tag', () => {
    expect(ticketAccount('DU1', IRA_SUMMARY, undefined)).toEqual({
      id: 'DU1',
      kind: 'traditional-ira',
      kindSource: 'ibkr',
      label: 'IRA',
      ibAccountType: 'IRA',
    });
    expect(ticketAccount('DU1', null, undefined)).toMatchObject({ kind: null, kindSource: null });
    expect(ticketAccount('DU1', IRA_SUMMARY, { kind: 'roth-ira' })).toMatchObject({
      kind: 'roth-ira',
      kindSource: 'settings',
      label: 'Roth IRA',
    });
    expect(ticketAccount('DU1', IRA_SUMMARY, { label: 'Mine' })).toMatchObject({
      kind: 'traditional-ira',
      label: 'Mine',
    });
  });

  it('keeps only this account’s positions, with option fields and multipliers', () => {
    const rows = positionsFor('DU1', [
      { account: 'DU1', contract: { conId: 1, symbol: 'AAPL', secType: 'STK' }, pos: 200 },
      { account: 'DU2', contract: { conId: 1, symbol: 'AAPL', secType: 'STK' }, pos: 50 },
      {
        account: 'DU1',
        contract: {
          conId: 2,
          symbol: 'AAPL',
          secType: 'OPT',
          right: 'C',
          strike: 230,
          multiplier: '100',
          lastTradeDateOrContractMonth: '20260116',
        },
        pos: -1,
      },
      { account: 'DU1', contract: { conId: 3, symbol: 'X', secType: 'BOND' }, pos: 5 },
    ]);
    expect(rows).toEqual([
      { conId: 1, symbol: 'AAPL', secType: 'STK', quantity: 200, multiplier: 1 },
      {
        conId: 2,
        symbol: 'AAPL',
        secType: 'OPT',
        quantity: -1,
        multiplier: 100,
        right: 'C',
        strike: 230,
        lastTradeDate: '20260116',
      },
    ]);
  });

  const order = (over: object) => ({
    orderId: 1,
    contract: { conId: 9, secType: 'STK', currency: 'USD' },
    order: { account: 'DU1', action: 'BUY', totalQuantity: 10, orderType: 'LMT', lmtPrice: 100 },
    orderState: { status: 'Submitted' },
    ...over,
  });

  it('counts this account’s working orders: sells by contract, buys in USD; what-ifs and finished orders are not orders', () => {
    const pending = pendingFrom(
      'DU1',
      [
        order({}),
        order({ order: { account: 'DU1', action: 'SELL', totalQuantity: 5, orderType: 'LMT', lmtPrice: 1 } }),
        order({
          order: { account: 'DU1', action: 'BUY', totalQuantity: 10, orderType: 'LMT', lmtPrice: 100, whatIf: true },
        }),
        order({ orderState: { status: 'Filled' } }),
        order({ order: { account: 'DU2', action: 'BUY', totalQuantity: 10, orderType: 'LMT', lmtPrice: 100 } }),
        order({ contract: { conId: 8, secType: 'STK', currency: 'EUR' } }),
      ],
      { USD: 1, EUR: 1.2 },
    );
    expect(pending.pendingSells).toEqual({ 9: 5 });
    expect(pending.pendingBuysUsd).toBeCloseTo(1000 + 1200);
    expect(pending.pendingOptionSales).toEqual([]);
  });

  it('lists open option sells with their right and strike, for what they commit of shares and cash', () => {
    const call = {
      conId: 31,
      secType: 'OPT',
      symbol: 'AAPL',
      right: 'C',
      strike: 250,
      multiplier: '100',
      currency: 'USD',
    };
    const pending = pendingFrom(
      'DU1',
      [
        order({
          contract: call,
          order: { account: 'DU1', action: 'SELL', totalQuantity: 2, orderType: 'LMT', lmtPrice: 3 },
        }),
      ],
      { USD: 1 },
    );
    expect(pending.pendingOptionSales).toEqual([
      { conId: 31, symbol: 'AAPL', right: 'C', strike: 250, multiplier: 100, quantity: 2 },
    ]);
  });

  it('turns IBKR’s unset what-if figures (Double.MAX_VALUE) into unknowns', () => {
    expect(
      whatIfFromOrderState({ commission: 1.5, initMarginChange: Number.MAX_VALUE, warningText: '' }),
    ).toMatchObject({
      commission: 1.5,
      initMarginChange: null,
      warning: null,
    });
  });

  it('builds a context the rules accept, and an IRA short sale blocks on it', () => {
    const ticket = OrderTicketSchema.parse({
      account: 'DU1000001',
      contract: { symbol: 'AAPL', secType: 'STK' },
      action: 'SELL',
      quantity: 300,
      orderType: 'LMT',
      limitPrice: 230,
      tif: 'DAY',
    });
    const quote = {
      ...initialQuote(265598, 'AAPL', 'live', 1_000),
      bid: 229.99,
      ask: 230.01,
      last: 230,
      shortableShares: 5_000_000,
    };
    const facts: GatewayFacts = {
      details: {
        contract: { conId: 265598, symbol: 'AAPL', secType: 'STK' as never, currency: 'USD' },
        stockType: 'COMMON',
      },
      quote,
      positions: {
        value: [{ account: 'DU1000001', contract: { conId: 265598, symbol: 'AAPL', secType: 'STK' }, pos: 200 }],
        at: 1_000,
      },
      summary: { value: IRA_SUMMARY, at: 1_000 },
      openOrders: { value: [], at: 1_200 },
      whatIf: null,
      whatIfAnswer: { state: 'no-answer', reason: 'The gateway sent no what-if preview within 4 s.' },
    };
    const ctx = buildRuleContext({
      ticket,
      facts,
      session: { mode: 'demo', liveArmed: false, readOnly: false, accounts: ['DU1000001'], degraded: false },
      override: { kind: 'roth-ira' },
      limits: OrderLimitSettingsSchema.parse({}),
      orderCounts: { today: 0, lastMinute: 0 },
      now: 1_500,
    });
    expect(ctx.instrument).toMatchObject({
      conId: 265598,
      multiplier: 1,
      stockType: 'COMMON',
      shortableShares: 5_000_000,
    });
    expect(ctx.account).toEqual({ id: 'DU1000001', kind: 'roth-ira', label: 'Roth IRA' });
    expect(ctx.limits.maxShares).toBe(1_000);
    const checks = evaluateRules(ticket, ctx);
    expect(checks.find((c) => c.id === 'ira-no-short')).toMatchObject({ outcome: 'block' });
    expect(checks.find((c) => c.id === 'market-data')).toMatchObject({ outcome: 'pass' });
  });

  it('the visible settings defaults are the rules engine’s defaults', async () => {
    const { DEFAULT_LIMITS } = await import('../../../../src/core/rules');
    const settings = OrderLimitSettingsSchema.parse({});
    expect(settings).toMatchObject({
      maxShares: DEFAULT_LIMITS.maxShares,
      maxNotionalUsd: DEFAULT_LIMITS.maxNotionalUsd,
      priceDeviationPct: DEFAULT_LIMITS.priceDeviationPct,
      maxOrdersPerDay: DEFAULT_LIMITS.maxOrdersPerDay,
      maxOrdersPerMinute: DEFAULT_LIMITS.maxOrdersPerMinute,
    });
  });
});
