import { clientMsgName, type ClientMsgName } from '../wire/incoming-ids';

/**
 * What IB Gateway answers, for the simulated login, to the well-formed requests the simulator does not serve.
 * The login is three individual accounts without a Financial Advisor setup and without news or Wall Street
 * Horizon subscriptions, so those requests get the gateway's refusals; the rest get a plain 321 naming the
 * message. Either way the error carries the request id the client matches it on (-1 when the request has none),
 * so no client waits on silence. Two kinds of message are rightly answered with nothing: the server log level
 * (the gateway acknowledges it with nothing either) and cancels of requests that were refused, since nothing is
 * running to cancel.
 */

export type UnservedAnswer = { code: number; message: string } | 'none';

const validation = (cause: string) => `Error validating request.-'sim' : cause - ${cause}`;

const FA_IGNORED = { code: 321, message: validation('FA data operations ignored for non FA customers.') };
/** The gateway's wording for news and WSH requests from a login without the subscription. */
const NEWS_NOT_ALLOWED = { code: 10276, message: 'News feed is not allowed.' };

const ANSWERS: Partial<Record<ClientMsgName, UnservedAnswer>> = {
  SET_SERVER_LOGLEVEL: 'none',
  REQ_FA: FA_IGNORED,
  REPLACE_FA: FA_IGNORED,
  REQ_NEWS_ARTICLE: NEWS_NOT_ALLOWED,
  REQ_HISTORICAL_NEWS: NEWS_NOT_ALLOWED,
  REQ_WSH_META_DATA: NEWS_NOT_ALLOWED,
  REQ_WSH_EVENT_DATA: NEWS_NOT_ALLOWED,
  CANCEL_WSH_META_DATA: 'none',
  CANCEL_WSH_EVENT_DATA: 'none',
  CANCEL_HISTOGRAM_DATA: 'none',
};

export function unservedAnswer(msgId: number): UnservedAnswer {
  const name = clientMsgName(msgId);
  const answer = name === undefined ? undefined : ANSWERS[name];
  return answer ?? { code: 321, message: validation(`The simulator does not serve message id ${msgId}.`) };
}
