import { SecType, type Contract } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import {
  initialAccountsState,
  reduceAccounts,
  type AccountsAction,
} from '../../../../src/core/accounts/accounts-state';
import { accountsView } from '../../../../src/core/accounts/accounts-view';
import { instrumentOf } from '../../../../src/core/accounts/ib-accounts-mapping';

/** Position rows carry an option's last trading day, so the grid can flag one near expiry. */

const CALL: Contract = {
  conId: 900_001,
  symbol: 'AAPL',
  secType: SecType.OPT,
  lastTradeDateOrContractMonth: '20261218',
  strike: 250,
  right: 'C' as Contract['right'],
  multiplier: 100,
  currency: 'USD',
};

describe('position expiry', () => {
  it('reads an option’s last trading day, and none for a stock or a future’s month', () => {
    expect(instrumentOf(CALL).expiry).toBe('20261218');
    expect(instrumentOf({ conId: 1, symbol: 'AAPL', secType: SecType.STK }).expiry).toBeUndefined();
    const month = { conId: 2, symbol: 'ES', secType: SecType.FUT, lastTradeDateOrContractMonth: '202612' };
    expect(instrumentOf(month).expiry).toBeUndefined();
  });

  it('carries it to the account’s row and the consolidated row', () => {
    const actions: AccountsAction[] = [
      { type: 'connected', connected: true },
      { type: 'accounts', ids: ['DU1000001'] },
      {
        type: 'positions',
        positions: [{ account: 'DU1000001', instrument: instrumentOf(CALL), quantity: -2, avgCost: 300 }],
      },
    ];
    const state = actions.reduce(reduceAccounts, initialAccountsState());
    const view = accountsView(state, {});
    expect(view.positions[0]?.expiry).toBe('20261218');
    expect(view.consolidated[0]?.expiry).toBe('20261218');
  });
});
