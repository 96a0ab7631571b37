import { describe, expect, it } from 'vitest';
import { tradingBlockedReason, tradingGate, type TradingGateInput } from '../../../src/shared/trading-gate';

const healthy: TradingGateInput = {
  mode: 'paper',
  up: true,
  accounts: ['DU1000001', 'DU1000002'],
  readOnly: false,
  liveArmed: false,
};

const reason = (input: Partial<TradingGateInput>) => tradingBlockedReason(tradingGate({ ...healthy, ...input }));

describe('the trading gate (one decision for the banner and the order rules)', () => {
  it('allows paper and demo trading on a connection whose accounts match', () => {
    expect(reason({})).toBeNull();
    expect(reason({ mode: 'demo' })).toBeNull();
    expect(reason({ mode: 'live', accounts: ['U1234567'], liveArmed: true })).toBeNull();
  });

  it('refuses for the first thing a person has to fix, in that order', () => {
    const everything = { readOnly: true, up: false, mode: 'live' as const, accounts: ['DU1000001'] };
    expect(reason(everything)).toMatch(/^Read-only is on/);
    expect(reason({ ...everything, readOnly: false })).toBe('Not connected to IB Gateway.');
    expect(reason({ ...everything, readOnly: false, up: true })).toMatch(/live mode.*DU1000001/);
    expect(reason({ mode: 'live', accounts: ['U1234567'] })).toMatch(/not armed/);
  });

  it('says why live trading was disarmed when the session knows', () => {
    const why = 'Live trading was disarmed after 15 minutes without activity; arm it again (type LIVE).';
    expect(reason({ mode: 'live', accounts: ['U1234567'], disarmReason: why })).toBe(why);
  });

  it('refuses while the gateway has reported no accounts', () => {
    expect(reason({ accounts: [] })).toBe('The gateway has not reported any accounts yet.');
  });

  it('gives each aspect for the rules, with what an allowed one means', () => {
    const gate = tradingGate({ ...healthy, mode: 'demo' });
    expect(gate.armed).toEqual({
      ok: true,
      message: 'Demo mode: the order goes to the built-in simulator, not to IBKR.',
    });
    expect(gate.readOnly).toEqual({ ok: true, message: 'Order entry is on.' });
  });
});
