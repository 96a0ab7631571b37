import { describe, expect, it } from 'vitest';
import { assignmentNotice, assignmentRisks } from '../../../../src/core/options/expiry-risk';
import { ExpiryWatch, underlyingPrice } from '../../../../src/core/options/expiry-watch';
import type { EventListener } from '../../../../src/core/ipc/event-bus';
import type { PositionRow } from '../../../../src/shared/accounts';
import type { Listing, Quote } from '../../../../src/shared/market';

// Friday 4 December 2026: the 7th is three days out, the 18th fourteen.
const NOW = Date.UTC(2026, 11, 4, 15);

const row = (over: Partial<PositionRow>): PositionRow => ({
  account: 'DU1000001',
  conId: 1,
  symbol: 'AAPL',
  description: 'AAPL',
  secType: 'STK',
  currency: 'USD',
  quantity: 200,
  avgCost: 190,
  marketPrice: 250,
  marketValue: 50_000,
  unrealizedPnl: 0,
  dailyPnl: 0,
  dailyPnlPct: 0,
  pctOfAccount: 10,
  ...over,
});
const option = (right: 'C' | 'P', strike: number, quantity: number, expiry = '20261207', conId = 10 + strike) =>
  row({ conId, secType: 'OPT', right, strike, quantity, expiry, description: `AAPL ${expiry} ${strike} ${right}` });
const at250 = () => 250;

describe('assignment risk', () => {
  it('finds short options in the money within five days of expiry', () => {
    const risks = assignmentRisks([option('C', 240, -2), option('P', 260, -1)], at250, NOW);
    expect(risks.map((r) => [r.right, r.strike, r.contracts, r.days])).toEqual([
      ['C', 240, 2, 3],
      ['P', 260, 1, 3],
    ]);
  });

  it('leaves alone what cannot be assigned: out of the money, long, later expiries, expired, stock', () => {
    const rows = [
      option('C', 260, -2),
      option('P', 240, -1),
      option('C', 240, 2),
      option('C', 240, -2, '20261218'),
      option('C', 240, -2, '20261203'),
      row({}),
    ];
    expect(assignmentRisks(rows, at250, NOW)).toEqual([]);
  });

  it('keeps a short option whose underlying price is unknown: the risk cannot be ruled out', () => {
    const [risk] = assignmentRisks([option('P', 200, -1)], () => null, NOW);
    expect(risk?.underlying).toBeNull();
    expect(assignmentNotice(risk!).body).toBe(
      "Expires in 3 days; AAPL's price is not known here, so it may be in the money; assignment would buy 100 AAPL at 200.",
    );
  });

  it('says what assignment would do', () => {
    const [risk] = assignmentRisks([option('C', 240, -2)], at250, NOW);
    expect(assignmentNotice(risk!)).toEqual({
      kind: 'alert',
      title: 'Assignment risk: short 2 AAPL 20261207 240 C in DU1000001',
      body: 'Expires in 3 days; AAPL is at 250.00, in the money; assignment would sell 200 AAPL at 240.',
    });
  });
});

describe('the underlying price', () => {
  const quote = (over: Partial<Quote>) =>
    ({ conId: 7, symbol: 'MSFT', bid: null, ask: null, last: null, ...over }) as Quote;
  const msft = { conId: 7, symbol: 'MSFT', secType: 'STK' } as Listing;

  it('comes from a stock position, else the watchlist quote (last, else mid), else is unknown', () => {
    expect(underlyingPrice('AAPL', [row({})], [], () => undefined)).toBe(250);
    expect(underlyingPrice('MSFT', [row({})], [msft], () => quote({ last: 410 }))).toBe(410);
    expect(underlyingPrice('MSFT', [], [msft], () => quote({ bid: 409, ask: 411 }))).toBe(410);
    expect(underlyingPrice('MSFT', [], [], () => quote({ last: 410 }))).toBeNull();
  });
});

describe('the expiry watch', () => {
  it('tells once per position per day, when the positions change', () => {
    let listener: EventListener = () => undefined;
    const events = {
      subscribe: (added: EventListener) => {
        listener = added;
        return () => undefined;
      },
      publish: () => listener('accounts.update', null),
    };
    const told: string[] = [];
    let rows = [row({}), option('C', 240, -2)];
    let now = NOW;
    const watch = new ExpiryWatch({
      events,
      positions: () => rows,
      watchlist: () => [],
      quote: () => undefined,
      notify: (notice) => told.push(notice.body),
      now: () => now,
    });
    events.publish();
    events.publish();
    expect(told).toHaveLength(1);
    now += 86_400_000;
    events.publish();
    expect(told[1]).toMatch(/^Expires in 2 days/);
    rows = [row({})];
    now += 86_400_000;
    events.publish();
    expect(told).toHaveLength(2);
    watch.dispose();
  });
});
