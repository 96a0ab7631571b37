import type { PositionTableSpec } from '../position-table';

/**
 * Schwab's positions export (Accounts → Positions → Export, "<name>-Positions-<date>.csv"). It starts with
 * a title line ("Positions for account Individual ...123 as of 12:33 PM ET, 2025/05/04") and a blank line
 * before the header: Symbol, Description, Qty (Quantity), Price, Price Chng $ (Price Change $),
 * Price Chng % (Price Change %), Mkt Val (Market Value), Day Chng $ (Day Change $), Day Chng % (Day Change %),
 * Cost Basis, Gain $ (Gain/Loss $), Gain % (Gain/Loss %), Ratings, Reinvest?, Reinvest Capital Gains?,
 * % of Acct (% of Account), Security Type — the layout documented by the opensteuerauszug project's Schwab
 * importer (formats.md); older exports name the columns plainly (Quantity, Market Value), read too.
 * Read here: Symbol, Description, Qty, Cost Basis, and Mkt Val for the "Cash & Cash Investments" line;
 * the "Account Total" line is a sum, skipped.
 */
export const SCHWAB: PositionTableSpec = {
  symbol: ['Symbol'],
  description: ['Description'],
  quantity: ['Qty (Quantity)', 'Quantity'],
  costBasis: ['Cost Basis'],
  value: ['Mkt Val (Market Value)', 'Market Value'],
  isTotal: (symbol) => symbol === 'ACCOUNT TOTAL',
  isCash: (symbol) => symbol.startsWith('CASH & CASH INVESTMENTS'),
};

export const SCHWAB_HEADER = ['Symbol', 'Description', 'Cost Basis', 'Security Type'];
