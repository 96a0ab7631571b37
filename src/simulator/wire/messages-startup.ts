import type { WireContract } from './messages';

/**
 * What TWS clients ask at start-up besides positions, orders and executions — per-account updates, family
 * codes, user info, market rules, SMART components, depth exchanges, news bulletins, head timestamps,
 * fundamentals.
 */

export type StartupRequest =
  | { type: 'reqAccountUpdatesMulti'; reqId: number; account: string; modelCode: string; ledgerAndNLV: boolean }
  | { type: 'cancelAccountUpdatesMulti'; reqId: number }
  | { type: 'reqFamilyCodes' }
  | { type: 'reqUserInfo'; reqId: number }
  | { type: 'reqSoftDollarTiers'; reqId: number }
  | { type: 'reqNewsProviders' }
  | { type: 'reqMarketRule'; marketRuleId: number }
  | { type: 'reqSmartComponents'; reqId: number; bboExchange: string }
  | { type: 'reqMktDepthExchanges' }
  | { type: 'reqNewsBulletins'; allMessages: boolean }
  | { type: 'cancelNewsBulletins' }
  | {
      type: 'reqHeadTimestamp';
      reqId: number;
      contract: WireContract;
      useRTH: boolean;
      whatToShow: string;
      formatDate: number;
    }
  | { type: 'cancelHeadTimestamp'; reqId: number }
  | { type: 'reqFundamentalData'; reqId: number; contract: WireContract; reportType: string }
  | { type: 'cancelFundamentalData'; reqId: number };

export interface PriceIncrement {
  lowEdge: number;
  increment: number;
}

export interface DepthExchange {
  exchange: string;
  secType: string;
  listingExchange: string;
  /** 'Deep' or 'Deep2'. */
  serviceDataType: string;
  /** undefined: unset. */
  aggGroup: number | undefined;
}

export interface SmartComponent {
  bitNumber: number;
  exchange: string;
  exchangeLetter: string;
}

export type StartupMessage =
  | {
      type: 'accountUpdateMulti';
      reqId: number;
      account: string;
      modelCode: string;
      key: string;
      value: string;
      currency: string;
    }
  | { type: 'accountUpdateMultiEnd'; reqId: number }
  | { type: 'familyCodes'; codes: { accountId: string; familyCode: string }[] }
  | { type: 'userInfo'; reqId: number; whiteBrandingId: string }
  | { type: 'softDollarTiers'; reqId: number; tiers: { name: string; value: string; displayName: string }[] }
  | { type: 'newsProviders'; providers: { code: string; name: string }[] }
  | { type: 'marketRule'; marketRuleId: number; increments: PriceIncrement[] }
  | { type: 'smartComponents'; reqId: number; components: SmartComponent[] }
  | { type: 'mktDepthExchanges'; exchanges: DepthExchange[] }
  /** msgType 1 regular, 2 exchange unavailable, 3 exchange available again. */
  | { type: 'newsBulletin'; msgId: number; msgType: number; message: string; originExchange: string }
  /** As the client asked: formatDate 1 → 'YYYYMMDD-HH:MM:SS', 2 → epoch seconds. */
  | { type: 'headTimestamp'; reqId: number; timestamp: string };

const STARTUP_MESSAGE_TYPES: ReadonlySet<string> = new Set<StartupMessage['type']>([
  'accountUpdateMulti',
  'accountUpdateMultiEnd',
  'familyCodes',
  'userInfo',
  'softDollarTiers',
  'newsProviders',
  'marketRule',
  'smartComponents',
  'mktDepthExchanges',
  'newsBulletin',
  'headTimestamp',
]);

export function isStartupMessage(message: { type: string }): message is StartupMessage {
  return STARTUP_MESSAGE_TYPES.has(message.type);
}
