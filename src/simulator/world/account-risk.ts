import { type AccountBook } from './account-book';
import { requirement, STOCK_LONG_MARGIN } from './margin';
import { type Valuer } from './valuer';
import { type AccountKind, type AccountSummary } from './types';

/** An account's standing in USD: what the summary reports and what the margin check compares. */
export interface AccountRisk {
  netLiquidation: number;
  equityWithLoan: number;
  grossPositionValue: number;
  initMargin: number;
  maintMargin: number;
  cash: number;
  settledCash: number;
}

export function assessAccount(book: AccountBook, valuer: Valuer): AccountRisk {
  const risk: AccountRisk = {
    netLiquidation: 0,
    equityWithLoan: 0,
    grossPositionValue: 0,
    initMargin: 0,
    maintMargin: 0,
    cash: 0,
    settledCash: 0,
  };
  for (const [currency, line] of book.cash) {
    const fx = valuer.usdPer(currency);
    risk.cash += line.total * fx;
    risk.settledCash += line.settled * fx;
  }
  risk.netLiquidation = risk.cash;
  risk.equityWithLoan = risk.cash;
  for (const [conId, held] of book.holdings) {
    if (held.quantity === 0) continue;
    const instrument = valuer.instrument(conId);
    const fx = valuer.usdPer(instrument.currency);
    const price = valuer.mark(conId);
    const value = held.quantity * price * instrument.multiplier * fx;
    switch (instrument.secType) {
      case 'STK':
        risk.netLiquidation += value;
        risk.equityWithLoan += value;
        risk.grossPositionValue += Math.abs(value);
        break;
      case 'OPT':
        // US options have no loan value: they count in net liquidation but not in equity with loan.
        risk.netLiquidation += value;
        risk.grossPositionValue += Math.abs(value);
        break;
      case 'FUT': {
        // A future is worth only its open P&L; its notional is not the account's money.
        const openPnl = value - held.quantity * held.avgCost * fx;
        risk.netLiquidation += openPnl;
        risk.equityWithLoan += openPnl;
        break;
      }
      case 'CASH':
        break;
    }
    const underlyingPrice = instrument.secType === 'OPT' ? valuer.mark(instrument.underConId) : 0;
    const needs = requirement(book.info.kind, { instrument, quantity: held.quantity, price, underlyingPrice });
    risk.initMargin += needs.init * fx;
    risk.maintMargin += needs.maint * fx;
  }
  return risk;
}

/**
 * The account-summary tags. A margin account's buying power is its available funds at the stock margin
 * rate (four times, Reg T intraday); a cash account can spend only settled cash it has not committed.
 */
export function accountSummary(kind: AccountKind, risk: AccountRisk): AccountSummary {
  const available = risk.equityWithLoan - risk.initMargin;
  return {
    AccountType: kind,
    NetLiquidation: risk.netLiquidation,
    TotalCashValue: risk.cash,
    SettledCash: risk.settledCash,
    BuyingPower:
      kind === 'IRA' ? Math.max(0, Math.min(available, risk.settledCash)) : Math.max(0, available / STOCK_LONG_MARGIN),
    AvailableFunds: available,
    ExcessLiquidity: risk.equityWithLoan - risk.maintMargin,
    InitMarginReq: risk.initMargin,
    MaintMarginReq: risk.maintMargin,
    GrossPositionValue: risk.grossPositionValue,
    EquityWithLoanValue: risk.equityWithLoan,
  };
}
