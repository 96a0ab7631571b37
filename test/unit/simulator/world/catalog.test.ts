import { describe, expect, it } from 'vitest';
import { AAPL, conIdOf, ES, EUR_USD, makeWorld, NOW } from './fixtures';

const world = makeWorld();
const all = world.instruments();
const bySymbol = (symbol: string, secType = 'STK') => all.find((i) => i.symbol === symbol && i.secType === secType);

describe('the catalog', () => {
  it('has about thirty instruments with unique conIds', () => {
    expect(all.length).toBeGreaterThanOrEqual(28);
    expect(new Set(all.map((i) => i.conId)).size).toBe(all.length);
  });

  it('covers common stocks, ETFs, an MLP and a euro-listed stock', () => {
    expect(bySymbol('AAPL')).toMatchObject({ conId: 265598, stockType: 'COMMON', primaryExchange: 'NASDAQ' });
    for (const etf of ['SPY', 'QQQ', 'IWM', 'TLT', 'GLD']) expect(bySymbol(etf)?.stockType).toBe('ETF');
    expect(all.filter((i) => i.stockType === 'MLP').map((i) => i.symbol)).toEqual(['EPD']);
    expect(bySymbol('SAP')).toMatchObject({ currency: 'EUR', primaryExchange: 'IBIS' });
  });

  it('lists AAPL calls and puts, 100 shares each, expiring after now, with OCC local symbols', () => {
    const options = all.filter((i) => i.secType === 'OPT' && i.symbol === 'AAPL');
    const calls = options.filter((i) => i.right === 'C');
    expect(calls.length).toBeGreaterThan(100);
    expect(options.length).toBe(2 * calls.length);
    for (const option of options) {
      expect(option).toMatchObject({ symbol: 'AAPL', multiplier: 100, underConId: 265598 });
      const expiry = Date.UTC(
        +option.lastTradeDate.slice(0, 4),
        +option.lastTradeDate.slice(4, 6) - 1,
        +option.lastTradeDate.slice(6),
      );
      expect(expiry).toBeGreaterThan(NOW);
      expect(option.localSymbol).toMatch(/^AAPL {2}\d{6}[CP]\d{8}$/);
    }
    expect(
      options.find((i) => i.right === 'C' && i.strike === 230 && i.lastTradeDate === '20250815')?.localSymbol,
    ).toBe('AAPL  250815C00230000');
  });

  it('has the E-mini with its multiplier and margin, and EUR.USD on IDEALPRO', () => {
    const es = world.instrument(conIdOf(world, ES));
    expect(es).toMatchObject({
      exchange: 'CME',
      multiplier: 50,
      minTick: 0.25,
      lastTradeDate: '20250620',
      localSymbol: 'ESM5',
    });
    expect(es?.initMarginPerUnit).toBeGreaterThan(es?.maintMarginPerUnit ?? Infinity);
    expect(world.instrument(conIdOf(world, EUR_USD))).toMatchObject({ secType: 'CASH', localSymbol: 'EUR.USD' });
  });

  it('marks two stocks not shortable and one hard to borrow', () => {
    expect(all.filter((i) => i.secType === 'STK' && i.shortableShares === 0)).toHaveLength(2);
    const scarce = all.filter((i) => i.secType === 'STK' && i.shortableShares > 0 && i.shortableShares < 10_000);
    expect(scarce.map((i) => i.symbol)).toEqual(['GME']);
  });

  it('hands out frozen instruments', () => {
    const aapl = world.instrument(265598);
    expect(Object.isFrozen(aapl)).toBe(true);
  });
});

describe('findInstruments', () => {
  it('lets a conId win over every other field', () => {
    expect(world.findInstruments({ conId: 265598, symbol: 'MSFT', secType: 'FUT' }).map((i) => i.symbol)).toEqual([
      'AAPL',
    ]);
    expect(world.findInstruments({ conId: 1, symbol: 'AAPL' })).toEqual([]);
  });

  it('matches the symbol without regard to case, and tells stock from options by secType', () => {
    expect(world.findInstruments({ symbol: 'aapl', secType: 'stk' }).map((i) => i.conId)).toEqual([265598]);
    const options = world.findInstruments({ symbol: 'AAPL', secType: 'OPT' });
    expect(options.length).toBeGreaterThan(100);
    expect(world.findInstruments({ symbol: 'AAPL' })).toHaveLength(options.length + 1);
  });

  it('finds an option by YYYYMM expiry, strike and right (CALL or C), and not by the wrong month', () => {
    const found = world.findInstruments({
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDate: '202508',
      strike: 230,
      right: 'CALL',
    });
    expect(found.map((i) => i.localSymbol)).toEqual(['AAPL  250815C00230000']);
    expect(
      world.findInstruments({ symbol: 'AAPL', secType: 'OPT', lastTradeDate: '202509', strike: 230, right: 'C' }),
    ).toEqual([]);
    expect(world.findInstruments({ localSymbol: 'aapl  250815p00220000' }).map((i) => i.strike)).toEqual([220]);
  });

  it('accepts SMART, the routing exchange or the primary exchange, and nothing else', () => {
    expect(world.findInstruments({ ...AAPL, exchange: 'SMART' })).toHaveLength(1);
    expect(world.findInstruments({ symbol: 'SAP', secType: 'STK', exchange: 'IBIS', currency: 'EUR' })).toHaveLength(1);
    expect(world.findInstruments({ ...AAPL, exchange: 'NYSE' })).toEqual([]);
    expect(world.findInstruments({ ...AAPL, currency: 'EUR' })).toEqual([]);
  });

  it('matches nothing for a query that names no contract', () => {
    expect(world.findInstruments({})).toEqual([]);
    expect(world.findInstruments({ secType: 'STK', currency: 'USD' })).toEqual([]);
  });
});

describe('matchSymbols', () => {
  it('puts symbol prefixes before name matches, stocks first within each', () => {
    const symbols = world.matchSymbols('e').map((i) => i.symbol);
    expect(symbols.slice(0, 3)).toEqual(['EPD', 'ES', 'EUR']);
    expect(symbols.length).toBeLessThanOrEqual(16);
    expect(world.matchSymbols('gold').map((i) => i.symbol)).toEqual(['GLD']);
    expect(world.matchSymbols('AA').map((i) => i.symbol)).toEqual(['AAPL']);
  });

  it('leaves options out, and says AAPL has them', () => {
    expect(world.matchSymbols('AAPL').map((i) => i.secType)).toEqual(['STK']);
    expect(world.derivativeSecTypes(265598)).toEqual(['OPT']);
    expect(world.derivativeSecTypes(conIdOf(world, { symbol: 'MSFT', secType: 'STK' }))).toEqual([]);
  });

  it('caps the answer at 16', () => {
    expect(world.matchSymbols('A')).toHaveLength(16);
  });
});
