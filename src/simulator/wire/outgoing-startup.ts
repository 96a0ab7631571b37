import type { WireField } from './messages';
import { V1 } from './outgoing-common';
import type { StartupMessage } from './messages-startup';

/**
 * Encoders of the start-up and reference answers. None of these layouts changes between server versions 157 and
 * 193: MKT_DEPTH_EXCHANGES gained listingExch, serviceDataType and aggGroup at SERVICE_DATA_TYPE (120), below the
 * range, and the rest were born without a version field or have only ever had version 1.
 */

/** The ids of these messages as clients read them (IBKR's IN_MSG_ID / EDecoder). */
const MsgId = {
  NEWS_BULLETINS: 14,
  ACCOUNT_UPDATE_MULTI: 73,
  ACCOUNT_UPDATE_MULTI_END: 74,
  SOFT_DOLLAR_TIERS: 77,
  FAMILY_CODES: 78,
  MKT_DEPTH_EXCHANGES: 80,
  SMART_COMPONENTS: 82,
  NEWS_PROVIDERS: 85,
  HEAD_TIMESTAMP: 88,
  MARKET_RULE: 93,
  USER_INFO: 107,
} as const;

export function encodeStartupMessage(message: StartupMessage): WireField[] {
  switch (message.type) {
    case 'accountUpdateMulti':
      return [
        MsgId.ACCOUNT_UPDATE_MULTI,
        V1,
        message.reqId,
        message.account,
        message.modelCode,
        message.key,
        message.value,
        message.currency,
      ];
    case 'accountUpdateMultiEnd':
      return [MsgId.ACCOUNT_UPDATE_MULTI_END, V1, message.reqId];
    case 'familyCodes':
      return [
        MsgId.FAMILY_CODES,
        message.codes.length,
        ...message.codes.flatMap((code) => [code.accountId, code.familyCode]),
      ];
    case 'userInfo':
      return [MsgId.USER_INFO, message.reqId, message.whiteBrandingId];
    case 'softDollarTiers':
      return [
        MsgId.SOFT_DOLLAR_TIERS,
        message.reqId,
        message.tiers.length,
        ...message.tiers.flatMap((tier) => [tier.name, tier.value, tier.displayName]),
      ];
    case 'newsProviders':
      return [
        MsgId.NEWS_PROVIDERS,
        message.providers.length,
        ...message.providers.flatMap((provider) => [provider.code, provider.name]),
      ];
    case 'marketRule':
      return [
        MsgId.MARKET_RULE,
        message.marketRuleId,
        message.increments.length,
        ...message.increments.flatMap((step) => [step.lowEdge, step.increment]),
      ];
    case 'smartComponents':
      return [
        MsgId.SMART_COMPONENTS,
        message.reqId,
        message.components.length,
        ...message.components.flatMap((component) => [
          component.bitNumber,
          component.exchange,
          component.exchangeLetter,
        ]),
      ];
    case 'mktDepthExchanges':
      return [
        MsgId.MKT_DEPTH_EXCHANGES,
        message.exchanges.length,
        ...message.exchanges.flatMap((exchange) => [
          exchange.exchange,
          exchange.secType,
          exchange.listingExchange,
          exchange.serviceDataType,
          exchange.aggGroup,
        ]),
      ];
    case 'newsBulletin':
      return [MsgId.NEWS_BULLETINS, V1, message.msgId, message.msgType, message.message, message.originExchange];
    case 'headTimestamp':
      return [MsgId.HEAD_TIMESTAMP, message.reqId, message.timestamp];
  }
}
