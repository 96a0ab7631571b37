import { describe, expect, it } from 'vitest';
import { hasBlock, warningsToAcknowledge } from '../../../../src/core/rules';
import type { Check } from '../../../../src/shared/ticket';
import { AAPL, AAPL_CALL, checksFor, INDIVIDUAL, NOW, position, ROTH, type Spec } from './fixtures';

const find = (checks: Check[], id: string) => checks.find((c) => c.id === id);
const outcome = (spec: Spec, id: string) => find(checksFor(spec), id)?.outcome;

describe('known facts: what Gatehouse does not know blocks', () => {
  it('blocks an account the gateway did not report for this login, naming the ones it did', () => {
    const checks = checksFor({ account: { ...INDIVIDUAL, id: 'DU9999999' } });
    const check = find(checks, 'account-reported');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('DU9999999 is not one of the accounts IB Gateway reported');
    expect(check?.message).toContain('DU1000001, DU1000004, DU1000002, DU1000003');
    expect(hasBlock(checks)).toBe(true);
  });

  it('blocks every account while the gateway has reported none', () => {
    const check = find(checksFor({ facts: { reportedAccounts: [] } }), 'account-reported');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('has not reported this login');
  });

  it('passes an account the gateway reported', () => {
    expect(outcome({}, 'account-reported')).toBe('pass');
  });

  describe('an account whose AccountType has not arrived', () => {
    const unknown: Spec = {
      account: { id: ROTH.id, kind: null, label: 'Type not yet known' },
      facts: { kindSource: null },
      ticket: { action: 'SELL', quantity: 50 },
    };

    it('is blocked, saying what to wait for', () => {
      const check = find(checksFor(unknown), 'account-kind-known');
      expect(check?.outcome).toBe('block');
      expect(check?.message).toContain('has not sent the account type of DU1000001');
      expect(check?.message).toContain('set the account');
    });

    it('is not ruled as an individual account: neither the short-sale check nor IRA checks speak for it', () => {
      const ids = checksFor(unknown).map((c) => c.id);
      expect(ids).not.toContain('shortable');
      expect(ids).not.toContain('ira-no-short');
      expect(hasBlock(checksFor(unknown))).toBe(true);
    });

    it('is known once the person sets its kind in settings', () => {
      const check = find(checksFor({ account: ROTH, facts: { kindSource: 'settings' } }), 'account-kind-known');
      expect(check).toMatchObject({ outcome: 'pass', message: 'Ruled as a Roth IRA account, as you set in Settings.' });
    });

    it('is known from IBKR’s tag', () => {
      expect(find(checksFor({ account: ROTH }), 'account-kind-known')?.message).toBe(
        'Ruled as a Roth IRA account, from the account type IBKR reports.',
      );
    });
  });

  describe('positions, cash and open orders not received on this connection', () => {
    it('blocks without positions, and the IRA short check says it could not count the holding', () => {
      const checks = checksFor({
        account: ROTH,
        ticket: { action: 'SELL', quantity: 50 },
        facts: { positionsAt: null },
        ctx: { positions: null },
      });
      expect(find(checks, 'positions-received')?.outcome).toBe('block');
      expect(find(checks, 'positions-received')?.message).toContain('has not sent the positions of DU1000001');
      const short = find(checks, 'ira-no-short');
      expect(short?.outcome).toBe('block');
      expect(short?.message).toContain('could not be checked');
    });

    it('blocks without cash, and the IRA cash check does not count unknown cash as zero or plenty', () => {
      const checks = checksFor({ account: ROTH, facts: { cashAt: null }, ctx: { cash: null } });
      expect(find(checks, 'cash-received')?.outcome).toBe('block');
      expect(find(checks, 'ira-no-margin')?.message).toContain("settled USD cash or the order's cost is unknown");
    });

    it('blocks an IRA whose settled cash the gateway has not reported', () => {
      const check = find(
        checksFor({ account: ROTH, ctx: { cash: [{ currency: 'USD', settled: Number.NaN, total: 5_000 }] } }),
        'cash-received',
      );
      expect(check?.outcome).toBe('block');
      expect(check?.message).toContain('settled cash of the Roth IRA');
    });

    it('blocks without open orders, and a sell in an IRA cannot count what they already sell', () => {
      const checks = checksFor({
        account: ROTH,
        ticket: { action: 'SELL', quantity: 50 },
        facts: { openOrdersAt: null },
        ctx: { positions: [position(AAPL, 100)], pendingSells: null, pendingBuysUsd: Number.NaN },
      });
      expect(find(checks, 'open-orders-received')?.outcome).toBe('block');
      expect(find(checks, 'ira-no-short')?.outcome).toBe('block');
    });

    it('blocks a covered call whose covering shares cannot be counted', () => {
      const checks = checksFor({
        account: ROTH,
        instrument: AAPL_CALL,
        ticket: { action: 'SELL', quantity: 1, limitPrice: 3 },
        facts: { positionsAt: null },
        ctx: { positions: null },
      });
      expect(find(checks, 'ira-options')?.outcome).toBe('block');
    });
  });

  describe('while the connection is degraded', () => {
    it('blocks on facts older than the limit, naming each', () => {
      const check = find(
        checksFor({ facts: { degraded: true, positionsAt: NOW - 95_000, cashAt: NOW - 1_000 } }),
        'facts-fresh',
      );
      expect(check?.outcome).toBe('block');
      expect(check?.message).toContain('positions (95 s old)');
      expect(check?.message).not.toContain('balances');
    });

    it('passes facts received within the limit', () => {
      expect(outcome({ facts: { degraded: true } }, 'facts-fresh')).toBe('pass');
    });

    it('is not checked on a healthy connection, however old the facts', () => {
      expect(find(checksFor({ facts: { positionsAt: NOW - 3_600_000 } }), 'facts-fresh')).toBeUndefined();
    });
  });

  describe('IBKR’s what-if', () => {
    it('blocks with IBKR’s words when IBKR refused it', () => {
      const reason = 'IBKR rejected the order: Short stock positions can only be held in a margin account.';
      const check = find(checksFor({ ctx: { whatIfAnswer: { state: 'refused', reason } } }), 'what-if');
      expect(check?.outcome).toBe('block');
      expect(check?.message).toContain(reason);
    });

    it('is a warning to acknowledge when the gateway did not answer in time', () => {
      const checks = checksFor({
        ctx: { whatIfAnswer: { state: 'no-answer', reason: 'The gateway sent no what-if preview within 4 s.' } },
      });
      expect(find(checks, 'what-if')?.outcome).toBe('warn');
      expect(warningsToAcknowledge(checks)).toContain('what-if');
    });

    it('feeds the IRA no-margin check: equity with loan below zero after the order is borrowing', () => {
      const whatIf = {
        initMarginChange: 15_000,
        maintMarginChange: 15_000,
        equityWithLoanAfter: -2_500,
        commission: 1,
      };
      const check = find(checksFor({ account: ROTH, ctx: { whatIf } }), 'ira-no-margin');
      expect(check?.outcome).toBe('block');
      expect(check?.message).toContain('equity with loan at -$2,500.00');
      const fine = { ...whatIf, equityWithLoanAfter: 80_000 };
      expect(outcome({ account: ROTH, ctx: { whatIf: fine } }, 'ira-no-margin')).toBe('pass');
    });
  });
});
