import { describe, expect, it } from 'vitest';
import {
  BALANCE_LEAD,
  CONSOLIDATED_LEAD,
  leadFirst,
  POSITION_LEAD,
} from '../../../src/renderer/src/components/accounts/column-order';
import { dayRange } from '../../../src/renderer/src/format';

const ids = (columns: { colId?: string; field?: string }[]) => columns.map((column) => column.colId ?? column.field);

describe('leadFirst', () => {
  it('puts the lead columns first in the lead order and keeps the others in theirs', () => {
    const columns = [
      { colId: 'actions' },
      { field: 'account' },
      { field: 'avgCost' },
      { field: 'dailyPnl' },
      { field: 'symbol' },
      { field: 'currency' },
    ];
    expect(ids(leadFirst(columns, ['symbol', 'account', 'dailyPnl']))).toEqual([
      'symbol',
      'account',
      'dailyPnl',
      'actions',
      'avgCost',
      'currency',
    ]);
  });

  it('leaves the columns as given when none of them leads', () => {
    expect(ids(leadFirst([{ field: 'b' }, { field: 'a' }], ['z']))).toEqual(['b', 'a']);
  });
});

describe('the accounts grids lead with what a trader reads first', () => {
  it('positions: instrument, account, quantity, value, unrealized and daily P&L (amount and %)', () => {
    expect(POSITION_LEAD).toEqual([
      'symbol',
      'account',
      'quantity',
      'marketValue',
      'unrealizedPnl',
      'dailyPnl',
      'dailyPnlPct',
    ]);
    expect(CONSOLIDATED_LEAD).toEqual(POSITION_LEAD.filter((id) => id !== 'account'));
  });

  it('balances: net liquidation, daily P&L, settled cash, buying power, excess liquidity', () => {
    expect(BALANCE_LEAD).toEqual([
      'account',
      'netLiquidation',
      'dailyPnl',
      'settledCash',
      'buyingPower',
      'excessLiquidity',
    ]);
  });
});

describe('watchlist day range', () => {
  it('reads low to high at the instrument’s decimals, or a dash until both are known', () => {
    expect(dayRange({ low: 188.2, high: 191.75, decimals: 2 })).toBe('188.20–191.75');
    expect(dayRange({ low: 1.08321, high: 1.0901, decimals: 5 })).toBe('1.08321–1.09010');
    expect(dayRange({ low: null, high: 191.75, decimals: 2 })).toBe('—');
  });
});
