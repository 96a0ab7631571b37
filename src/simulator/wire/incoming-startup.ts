import type { FieldReader } from './field-reader';
import { readContractCore } from './incoming-contract';
import type { ClientMsgName } from './incoming-ids';
import { emptyContract, type ClientRequest, type WireContract } from './messages';

/**
 * Decoders of the start-up and reference requests (see messages-startup.ts). Messages added after IBKR stopped
 * versioning each message (family codes, market rules, user info, …) have no version field; the older ones
 * still carry one, read and ignored.
 */

type Decoder = (r: FieldReader, serverVersion: number) => ClientRequest;

const version = (r: FieldReader): void => void r.readInt('version');

export const startupDecoders: Partial<Record<ClientMsgName, Decoder>> = {
  REQ_ACCOUNT_UPDATES_MULTI: (r) => {
    version(r);
    return {
      type: 'reqAccountUpdatesMulti',
      reqId: r.readRequestId(),
      account: r.readString('account'),
      modelCode: r.readString('modelCode'),
      ledgerAndNLV: r.readBool('ledgerAndNLV'),
    };
  },
  CANCEL_ACCOUNT_UPDATES_MULTI: (r) => {
    version(r);
    return { type: 'cancelAccountUpdatesMulti', reqId: r.readRequestId() };
  },
  REQ_FAMILY_CODES: () => ({ type: 'reqFamilyCodes' }),
  REQ_USER_INFO: (r) => ({ type: 'reqUserInfo', reqId: r.readRequestId() }),
  REQ_SOFT_DOLLAR_TIERS: (r) => ({ type: 'reqSoftDollarTiers', reqId: r.readRequestId() }),
  REQ_NEWS_PROVIDERS: () => ({ type: 'reqNewsProviders' }),
  REQ_MARKET_RULE: (r) => ({ type: 'reqMarketRule', marketRuleId: r.readInt('marketRuleId') }),
  REQ_SMART_COMPONENTS: (r) => ({
    type: 'reqSmartComponents',
    reqId: r.readRequestId(),
    bboExchange: r.readString('bboExchange'),
  }),
  REQ_MKT_DEPTH_EXCHANGES: () => ({ type: 'reqMktDepthExchanges' }),
  REQ_NEWS_BULLETINS: (r) => {
    version(r);
    return { type: 'reqNewsBulletins', allMessages: r.readBool('allMsgs') };
  },
  CANCEL_NEWS_BULLETINS: (r) => {
    version(r);
    return { type: 'cancelNewsBulletins' };
  },
  REQ_HEAD_TIMESTAMP: (r) => {
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    contract.includeExpired = r.readBool('contract.includeExpired');
    return {
      type: 'reqHeadTimestamp',
      reqId,
      contract,
      useRTH: r.readBool('useRTH'),
      whatToShow: r.readString('whatToShow'),
      formatDate: r.readInt('formatDate'),
    };
  },
  CANCEL_HEAD_TIMESTAMP: (r) => ({ type: 'cancelHeadTimestamp', reqId: r.readRequestId() }),
  // A shorter contract than the usual twelve fields: no expiry, strike, right, multiplier or trading class.
  REQ_FUNDAMENTAL_DATA: (r) => {
    version(r);
    const reqId = r.readRequestId();
    const contract = readFundamentalContract(r);
    const reportType = r.readString('reportType');
    r.readString('fundamentalDataOptions'); // LINKING (70): reserved, one 'tag=value;' string
    return { type: 'reqFundamentalData', reqId, contract, reportType };
  },
  CANCEL_FUNDAMENTAL_DATA: (r) => {
    version(r);
    return { type: 'cancelFundamentalData', reqId: r.readRequestId() };
  },
};

function readFundamentalContract(r: FieldReader): WireContract {
  const contract = emptyContract();
  contract.conId = r.readInt('contract.conId');
  contract.symbol = r.readString('contract.symbol');
  contract.secType = r.readString('contract.secType');
  contract.exchange = r.readString('contract.exchange');
  contract.primaryExchange = r.readString('contract.primaryExch');
  contract.currency = r.readString('contract.currency');
  contract.localSymbol = r.readString('contract.localSymbol');
  return contract;
}
