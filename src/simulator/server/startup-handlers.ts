import { DEPTH_VENUES, firstBarTime, marketRule, smartVenues } from '../world';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { resolveOne } from './market-handlers';
import { type NewsBulletin } from './news-bulletins';

/**
 * The reference requests TWS clients send at start-up — family codes, user info, soft dollar tiers, news
 * providers, market rules, SMART components, depth exchanges, news bulletins, head timestamps — answered as IB
 * Gateway answers a plain individual login: no family code, no white branding, no soft dollar tiers, no news
 * subscriptions and no fundamentals subscription.
 */

/**
 * What IB Gateway answers reqFundamentalData from a login without the Reuters/Refinitiv fundamentals
 * entitlement, as such logins report it today (10358; IBKR's older answer was 430 "We are sorry, but
 * fundamentals data for the security specified is not available.").
 */
const NO_FUNDAMENTALS = { code: 10358, message: 'Fundamentals data is not allowed.' };

/** headTimestamp as the client asked: formatDate 2 → epoch seconds, otherwise 'YYYYMMDD-HH:MM:SS' (UTC). */
export function formatHeadTimestamp(epochSeconds: number, formatDate: number): string {
  if (formatDate === 2) return String(epochSeconds);
  const iso = new Date(epochSeconds * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 19)}`;
}

function bulletinMessage(bulletin: NewsBulletin) {
  return { type: 'newsBulletin' as const, ...bulletin };
}

/** Sends a bulletin to every connection that asked for them. */
export function broadcastBulletin(context: GatewayContext, bulletin: NewsBulletin): void {
  for (const connection of context.connections())
    if (connection.subs.newsBulletins) connection.send(bulletinMessage(bulletin));
}

export const startupHandlers: HandlerTable = {
  // Accounts outside a family carry an empty code; the gateway lists every account of the login.
  reqFamilyCodes(context, connection) {
    const codes = context.world.accounts().map((account) => ({
      accountId: context.ids.toWire(account.id),
      familyCode: '',
    }));
    connection.send({ type: 'familyCodes', codes });
  },

  reqUserInfo(_context, connection, { reqId }) {
    connection.send({ type: 'userInfo', reqId, whiteBrandingId: '' });
  },

  reqSoftDollarTiers(_context, connection, { reqId }) {
    connection.send({ type: 'softDollarTiers', reqId, tiers: [] });
  },

  reqNewsProviders(_context, connection) {
    connection.send({ type: 'newsProviders', providers: [] });
  },

  reqMarketRule(_context, connection, { marketRuleId }) {
    const bands = marketRule(marketRuleId);
    if (!bands) {
      validationError(connection, -1, `Invalid market rule id ${marketRuleId}.`);
      return;
    }
    connection.send({ type: 'marketRule', marketRuleId, increments: [...bands] });
  },

  reqSmartComponents(_context, connection, { reqId, bboExchange }) {
    const venues = smartVenues(bboExchange);
    if (!venues) {
      validationError(connection, reqId, `Invalid bbo exchange "${bboExchange}".`);
      return;
    }
    connection.send({ type: 'smartComponents', reqId, components: [...venues] });
  },

  reqMktDepthExchanges(_context, connection) {
    connection.send({ type: 'mktDepthExchanges', exchanges: [...DEPTH_VENUES] });
  },

  reqNewsBulletins(context, connection, { allMessages }) {
    connection.subs.newsBulletins = true;
    if (allMessages) for (const bulletin of context.bulletins.all()) connection.send(bulletinMessage(bulletin));
  },

  cancelNewsBulletins(_context, connection) {
    connection.subs.newsBulletins = false;
  },

  reqHeadTimestamp(context, connection, { reqId, contract, formatDate }) {
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    const timestamp = formatHeadTimestamp(firstBarTime(instrument), formatDate);
    connection.send({ type: 'headTimestamp', reqId, timestamp });
  },

  // Head timestamps are answered at once: there is nothing left to cancel, and the gateway says nothing.
  cancelHeadTimestamp() {},

  reqFundamentalData(context, connection, { reqId, contract }) {
    if (!resolveOne(context, connection, reqId, contract)) return;
    connection.sendError(reqId, NO_FUNDAMENTALS.code, NO_FUNDAMENTALS.message);
  },

  // The request was refused, so nothing is running; the gateway ignores the cancel.
  cancelFundamentalData() {},
};
