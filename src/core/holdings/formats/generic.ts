import type { PositionTableSpec } from '../position-table';

/**
 * The format for any other broker: a header `symbol,quantity,cost_basis` (any case, in that order or
 * another), then one line per position; cost_basis is what the whole position cost, in USD, and may be
 * empty. A line with the symbol CASH is cash, its quantity the amount.
 */
export const GENERIC: PositionTableSpec = {
  symbol: ['symbol'],
  description: [],
  quantity: ['quantity'],
  costBasis: ['cost_basis'],
  value: ['quantity'],
  isTotal: () => false,
  isCash: (symbol) => symbol === 'CASH',
};

export const GENERIC_HEADER = ['symbol', 'quantity', 'cost_basis'];
