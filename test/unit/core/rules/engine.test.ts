import { describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  evaluateRules,
  hasBlock,
  RULES,
  warningsToAcknowledge,
  type RuleContext,
} from '../../../../src/core/rules';
import { CheckSchema, type Check, type OrderTicket } from '../../../../src/shared/ticket';
import {
  AAPL,
  AAPL_CALL,
  checksFor,
  contextFor,
  ES,
  INDIVIDUAL,
  position,
  quoteAround,
  ROTH,
  SAP,
  ticketFor,
  usd,
  type Spec,
} from './fixtures';

const ids = (checks: Check[]) => checks.map((c) => c.id);
/** The known-facts checks every order gets on a healthy connection (facts-fresh only when degraded). */
const KNOWN_FACTS = [
  'account-reported',
  'account-kind-known',
  'positions-received',
  'cash-received',
  'open-orders-received',
  'what-if',
];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('evaluateRules', () => {
  it('passes a plain limit buy in the individual account on every check, with no IRA or short-sale rule', () => {
    const checks = checksFor();
    expect(ids(checks)).toEqual([
      'ticket',
      ...KNOWN_FACTS,
      'size-cap',
      'notional-cap',
      'price-sanity',
      'ibkr-collar',
      'market-data',
      'live-armed',
      'mode-match',
      'read-only',
      'orders-per-day',
      'orders-per-minute',
    ]);
    expect(checks.every((c) => c.outcome === 'pass')).toBe(true);
    expect(hasBlock(checks)).toBe(false);
    expect(warningsToAcknowledge(checks)).toEqual([]);
  });

  it('adds the IRA rules, in table order, for the same buy in the Roth IRA', () => {
    const checks = checksFor({ account: ROTH });
    expect(ids(checks)).toEqual([
      'ticket',
      ...KNOWN_FACTS,
      'ira-no-margin',
      'ira-no-mlp',
      'ira-usd-withdrawals',
      'size-cap',
      'notional-cap',
      'price-sanity',
      'ibkr-collar',
      'market-data',
      'live-armed',
      'mode-match',
      'read-only',
      'orders-per-day',
      'orders-per-minute',
    ]);
    expect(checks.find((c) => c.id === 'ira-usd-withdrawals')?.outcome).toBe('info');
    expect(hasBlock(checks)).toBe(false);
  });

  it.each<[string, Spec]>([
    [
      'an IRA option sale',
      { account: ROTH, instrument: AAPL_CALL, ticket: { action: 'SELL', quantity: 1, limitPrice: 3 } },
    ],
    ['an IRA future', { account: ROTH, instrument: ES, ticket: { quantity: 1, limitPrice: 6000 } }],
    ['an IRA euro stock', { account: ROTH, instrument: SAP, ticket: { limitPrice: 200 } }],
    ['an individual short sale', { ticket: { action: 'SELL' } }],
    ['a market order with no quote', { ticket: { orderType: 'MKT', limitPrice: undefined }, ctx: { quote: null } }],
  ])('returns at most one check per rule, in table order, each valid for the contract (%s)', (_name, spec) => {
    const checks = checksFor(spec);
    const order = ids(checks).map((id) => CHECK_IDS.indexOf(id as (typeof CHECK_IDS)[number]));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    for (const check of checks) expect(CheckSchema.safeParse(check).success).toBe(true);
  });

  it('stops at a ticket for another account, since every other check would describe the wrong account', () => {
    const checks = evaluateRules(ticketFor({ account: INDIVIDUAL }), contextFor({ account: ROTH }));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'ticket', outcome: 'block' });
    expect(checks[0]?.message).toContain(
      'the ticket is for account DU1000002 but the account details are for DU1000001',
    );
  });

  it.each<[string, Partial<typeof AAPL>, string]>([
    ['another symbol', { symbol: 'MSFT' }, 'the ticket is for AAPL (STK) but the contract details are for MSFT (STK)'],
    ['another contract id', { conId: 1 }, "the ticket's contract id 265598 is not AAPL's (1)"],
    ['another currency', { currency: 'EUR' }, 'the ticket is in USD but AAPL trades in EUR'],
    ['no multiplier', { multiplier: 0 }, 'the contract details have no valid multiplier'],
  ])('stops at a ticket whose contract is not the looked-up one (%s)', (_name, change, message) => {
    const checks = evaluateRules(ticketFor(), contextFor({ instrument: { ...AAPL, ...change } }));
    expect(checks).toHaveLength(1);
    expect(checks[0]?.outcome).toBe('block');
    expect(checks[0]?.message).toContain(message);
  });

  it('stops at an option whose strike differs from the looked-up one', () => {
    const ticket = ticketFor({ instrument: AAPL_CALL, ticket: { limitPrice: 3 } });
    const checks = evaluateRules(ticket, contextFor({ instrument: { ...AAPL_CALL, strike: 155 } }));
    expect(checks).toEqual([expect.objectContaining({ id: 'ticket', outcome: 'block' })]);
  });

  it('accepts a YYYYMM future expiry that the contract details give as a full date', () => {
    const spec: Spec = {
      instrument: ES,
      ticket: { quantity: 1, limitPrice: 6000 },
      ctx: { quote: quoteAround(6000, 0.25) },
    };
    expect(ticketFor(spec).contract.lastTradeDate).toBe('202512');
    expect(checksFor(spec)[0]).toMatchObject({ id: 'ticket', outcome: 'pass' });
  });

  it('re-validates the ticket, so a caller cannot skip the schema', () => {
    const bad = { ...ticketFor(), quantity: -100 } as OrderTicket;
    const checks = evaluateRules(bad, contextFor());
    expect(checks).toEqual([
      {
        id: 'ticket',
        rule: 'Ticket matches account and contract',
        outcome: 'block',
        message: 'The order ticket is not valid: The quantity must be a positive number.',
      },
    ]);
  });

  it('blocks, rather than passes, when a rule fails on data it did not expect', () => {
    const ctx = contextFor({ account: ROTH, ticket: { action: 'SELL' } });
    const broken = {
      ...ctx,
      get positions(): RuleContext['positions'] {
        throw new Error('positions unavailable');
      },
    };
    const checks = evaluateRules(ticketFor({ account: ROTH, ticket: { action: 'SELL' } }), broken);
    const check = checks.find((c) => c.id === 'ira-no-short');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('internal error (positions unavailable)');
  });

  it('fails closed on numbers that are not numbers', () => {
    const nanCash = checksFor({ account: ROTH, ctx: { cash: [usd(Number.NaN)] } });
    expect(nanCash.find((c) => c.id === 'ira-no-margin')?.outcome).toBe('block');
    const nanHolding = checksFor({
      account: ROTH,
      ticket: { action: 'SELL', quantity: 1 },
      ctx: { positions: [position(AAPL, Number.NaN)] },
    });
    expect(nanHolding.find((c) => c.id === 'ira-no-short')?.outcome).toBe('block');
    const nanCap = checksFor({ limits: { maxNotionalUsd: Number.NaN } });
    expect(nanCap.find((c) => c.id === 'notional-cap')?.outcome).toBe('block');
    const nanAge = checksFor({
      ticket: { orderType: 'MKT', limitPrice: undefined },
      ctx: { quote: { ...quoteAround(150), receivedAt: Number.NaN } },
    });
    expect(nanAge.find((c) => c.id === 'market-data')?.outcome).toBe('block');
  });

  it('is pure: same input, same checks, and the input is not touched', () => {
    const spec: Spec = {
      account: ROTH,
      ticket: { action: 'SELL', quantity: 150 },
      ctx: { positions: [position(AAPL, 100)] },
    };
    const ticket = deepFreeze(ticketFor(spec));
    const ctx = deepFreeze(contextFor(spec));
    const snapshot = JSON.stringify([ticket, ctx]);
    const first = evaluateRules(ticket, ctx);
    expect(evaluateRules(ticket, ctx)).toEqual(first);
    expect(JSON.stringify([ticket, ctx])).toBe(snapshot);
  });

  it('collects several problems at once and lists the warnings to acknowledge', () => {
    // Roth IRA, market sell of 150 with 100 held, on a delayed quote, in unarmed live mode, 50 orders today.
    const checks = checksFor({
      account: { ...ROTH, id: 'U1000001' },
      facts: { reportedAccounts: ['U1000001'] },
      ticket: { action: 'SELL', quantity: 150, orderType: 'MKT', limitPrice: undefined },
      ctx: {
        mode: 'live',
        positions: [position(AAPL, 100)],
        quote: { ...quoteAround(150), marketDataType: 'delayed' },
        orderCounts: { today: 50, lastMinute: 0 },
      },
    });
    const blocks = checks.filter((c) => c.outcome === 'block').map((c) => c.id);
    expect(blocks).toEqual(['ira-no-short', 'market-data', 'live-armed', 'orders-per-day']);
    expect(hasBlock(checks)).toBe(true);
  });
});

describe('hasBlock and warningsToAcknowledge', () => {
  const check = (id: string, outcome: Check['outcome']): Check => ({ id, rule: id, outcome, message: `${id}.` });

  it.each<[string, Check[], boolean, string[]]>([
    ['nothing', [], false, []],
    ['passes and info', [check('a', 'pass'), check('b', 'info')], false, []],
    ['warnings', [check('a', 'warn'), check('b', 'pass'), check('c', 'warn')], false, ['a', 'c']],
    ['a block among warnings', [check('a', 'warn'), check('b', 'block')], true, ['a']],
  ])('%s', (_name, checks, blocked, warnings) => {
    expect(hasBlock(checks)).toBe(blocked);
    expect(warningsToAcknowledge(checks)).toEqual(warnings);
  });

  it('warns on a far limit price and needs it acknowledged', () => {
    const checks = checksFor({ ticket: { limitPrice: 140 } });
    expect(warningsToAcknowledge(checks)).toEqual(['price-sanity']);
    expect(hasBlock(checks)).toBe(false);
  });
});

describe('the rules table', () => {
  it('has unique ids and labels, and every id is in CHECK_IDS', () => {
    expect(new Set(CHECK_IDS).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.rule)).size).toBe(RULES.length);
    expect(CHECK_IDS).toEqual(RULES.map((r) => r.id));
  });
});
