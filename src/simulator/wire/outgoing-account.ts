import type { ServerMessage, WireField } from './messages';
import { contractFields, OutMsgId, V1 } from './outgoing-common';

/**
 * Encoders of the account answers: summaries, positions, account updates and P&L. None of these layouts
 * changes between server versions 157 and 193.
 */

/** ACCT_VALUE 2 adds the account name. */
const ACCT_VALUE_VERSION = 2;
/** PORTFOLIO_VALUE 8: conId (6), multiplier and primaryExch (7), tradingClass (8). */
const PORTFOLIO_VALUE_VERSION = 8;
/** POSITION 3: tradingClass (2) and avgCost (3). */
const POSITION_VERSION = 3;

export type AccountMessage = Extract<
  ServerMessage,
  {
    type:
      | 'accountSummary'
      | 'accountSummaryEnd'
      | 'position'
      | 'positionEnd'
      | 'positionMulti'
      | 'positionMultiEnd'
      | 'accountValue'
      | 'portfolioValue'
      | 'accountUpdateTime'
      | 'accountDownloadEnd'
      | 'pnl'
      | 'pnlSingle';
  }
>;

export function encodeAccountMessage(message: AccountMessage): WireField[] {
  switch (message.type) {
    case 'accountSummary':
      return [
        OutMsgId.ACCOUNT_SUMMARY,
        V1,
        message.reqId,
        message.account,
        message.tag,
        message.value,
        message.currency,
      ];
    case 'accountSummaryEnd':
      return [OutMsgId.ACCOUNT_SUMMARY_END, V1, message.reqId];
    case 'position':
      return [
        OutMsgId.POSITION,
        POSITION_VERSION,
        message.account,
        ...contractFields(message.contract),
        message.position,
        message.avgCost,
      ];
    case 'positionEnd':
      return [OutMsgId.POSITION_END, V1];
    case 'positionMulti':
      return [
        OutMsgId.POSITION_MULTI,
        V1,
        message.reqId,
        message.account,
        ...contractFields(message.contract),
        message.position,
        message.avgCost,
        message.modelCode,
      ];
    case 'positionMultiEnd':
      return [OutMsgId.POSITION_MULTI_END, V1, message.reqId];
    case 'accountValue':
      return [OutMsgId.ACCT_VALUE, ACCT_VALUE_VERSION, message.key, message.value, message.currency, message.account];
    case 'portfolioValue': {
      const c = message.contract;
      return [
        OutMsgId.PORTFOLIO_VALUE,
        PORTFOLIO_VALUE_VERSION,
        c.conId,
        c.symbol,
        c.secType,
        c.lastTradeDateOrContractMonth,
        c.strike,
        c.right,
        c.multiplier,
        c.primaryExchange,
        c.currency,
        c.localSymbol,
        c.tradingClass,
        message.position,
        message.marketPrice,
        message.marketValue,
        message.averageCost,
        message.unrealizedPnl,
        message.realizedPnl,
        message.account,
      ];
    }
    case 'accountUpdateTime':
      return [OutMsgId.ACCT_UPDATE_TIME, V1, message.time];
    case 'accountDownloadEnd':
      return [OutMsgId.ACCT_DOWNLOAD_END, V1, message.account];
    case 'pnl':
      // unrealized (UNREALIZED_PNL 129) and realized (REALIZED_PNL 135) are always present in our range.
      return [OutMsgId.PNL, message.reqId, message.daily, message.unrealized, message.realized];
    case 'pnlSingle':
      return [
        OutMsgId.PNL_SINGLE,
        message.reqId,
        message.position,
        message.daily,
        message.unrealized,
        message.realized,
        message.value,
      ];
  }
}
