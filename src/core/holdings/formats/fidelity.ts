import type { PositionTableSpec } from '../position-table';

/**
 * Fidelity's positions download (Accounts & Trade → Portfolio → Positions → Download,
 * "Portfolio_Positions_<date>.csv"). Header, as Fidelity writes it and as public importers of it read it:
 * Account Number, Account Name, Symbol, Description, Quantity, Last Price, Last Price Change, Current Value,
 * Today's Gain/Loss Dollar, Today's Gain/Loss Percent, Total Gain/Loss Dollar, Total Gain/Loss Percent,
 * Percent Of Account, Cost Basis Total, Average Cost Basis, Type.
 * Read here: Symbol, Description, Quantity, Cost Basis Total, and Current Value for cash. The core
 * money-market position is marked with "**" (SPAXX**, FCASH**) and has no quantity worth reading: it is
 * cash. "Pending Activity" is money in flight, not a position. Under the table Fidelity writes quoted
 * disclaimer paragraphs and "Date downloaded …": notes, skipped.
 */
export const FIDELITY: PositionTableSpec = {
  symbol: ['Symbol'],
  description: ['Description'],
  quantity: ['Quantity'],
  costBasis: ['Cost Basis Total'],
  value: ['Current Value'],
  isTotal: (symbol) => symbol === 'PENDING ACTIVITY' || symbol === 'PENDING',
  isCash: (symbol, description) => symbol.endsWith('**') || /money market/i.test(description),
};

export const FIDELITY_HEADER = ['Account Number', 'Symbol', 'Quantity', 'Cost Basis Total'];
