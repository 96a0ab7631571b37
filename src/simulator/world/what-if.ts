import { type AccountRisk } from './account-risk';
import { type WhatIfResult } from './types';

/**
 * The order state IBKR returns for a what-if order: margin and equity with loan before, after and the change,
 * all in USD, and the commission (a fixed-rate schedule, so its range is a single figure).
 */
export function whatIfResult(
  before: AccountRisk,
  after: AccountRisk,
  commission: { amount: number; currency: string },
  warningText: string,
): WhatIfResult {
  return {
    initMarginBefore: before.initMargin,
    maintMarginBefore: before.maintMargin,
    equityWithLoanBefore: before.equityWithLoan,
    initMarginChange: after.initMargin - before.initMargin,
    maintMarginChange: after.maintMargin - before.maintMargin,
    equityWithLoanChange: after.equityWithLoan - before.equityWithLoan,
    initMarginAfter: after.initMargin,
    maintMarginAfter: after.maintMargin,
    equityWithLoanAfter: after.equityWithLoan,
    commission: commission.amount,
    minCommission: commission.amount,
    maxCommission: commission.amount,
    commissionCurrency: commission.currency,
    warningText,
  };
}
