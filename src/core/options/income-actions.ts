import { SecType, type ContractDetails, type IBApiNext } from '@stoqey/ib';
import type { IncomePrefill, IncomeRequest } from '../../shared/income';
import type { Quote } from '../../shared/market';
import type { OptionRight } from '../../shared/options';
import { AppError } from '../../shared/result';
import type { Contract } from '../../shared/ticket';
import type { GatewaySession } from '../gateway/gateway-session';
import type { Handlers } from '../ipc/router';
import { connectedApi } from '../market/connected-api';
import { pickDetails } from '../market/contract-search';
import { GatewayReader } from '../orders/gateway-reader';
import { resolvedContract } from '../orders/ib-order';
import type { RuleContext } from '../rules/rule-context';
import { pickChainParameters } from './chain-contracts';
import { chainExpiries } from './chain-strikes';
import { cashSecureFor, shareCoverFor } from './covered-facts';
import { coveredCallSize, firstOutOfTheMoney, nextMonthlyExpiry, securedPutSize } from './income-pick';

export interface IncomeActionsOptions {
  session: GatewaySession;
  /** The rules' view of the account, for the underlying stock: its shares, cash and resting orders. */
  accountContext(account: string, details: ContractDetails): Promise<RuleContext>;
  now?: () => Date;
}

/**
 * The IRA income row actions: "Sell covered call" on a stock position and "Sell cash-secured put" on a
 * watchlist row. Each answers with a ticket (next monthly, first strike out of the money, limit at the bid)
 * sized by what the account has not yet committed, read the way the order rules read it, so the preview's
 * covering sentence agrees with the size.
 */
export class IncomeActions {
  private readonly now: () => Date;

  constructor(private readonly options: IncomeActionsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  handlers(): Pick<Handlers, 'options.coveredCallPrefill' | 'options.securedPutPrefill'> {
    return {
      'options.coveredCallPrefill': (request) => this.prefill(request, 'C'),
      'options.securedPutPrefill': (request) => this.prefill(request, 'P'),
    };
  }

  async prefill(request: IncomeRequest, right: OptionRight): Promise<IncomePrefill> {
    const api = connectedApi(this.options.session, right === 'C' ? 'Sizing a covered call' : 'Sizing a secured put');
    const reader = new GatewayReader(api);
    const stock = pickDetails(await api.getContractDetails({ conId: request.conId }).catch(() => []));
    if (stock === undefined) throw new AppError('refused', `IB Gateway knows no contract ${request.conId}.`);
    const { symbol = '', currency = 'USD' } = stock.contract;
    if (stock.contract.secType !== 'STK') {
      throw new AppError('refused', `Contract ${request.conId} is not a stock: only shares are written against.`);
    }
    const [option, context] = await Promise.all([
      this.option(api, reader, stock, right),
      this.options.accountContext(request.account, stock),
    ]);
    const multiplier = option.contract.multiplier ?? 100;
    const size =
      right === 'C'
        ? coveredCallSize(shareCoverFor(context), symbol, multiplier)
        : securedPutSize(cashSecureFor(context), option.contract.strike ?? Number.NaN, multiplier, currency);
    if (size.contracts === 0) return { ticket: null, contracts: 0, sentence: size.sentence };
    const bid = option.quote?.bid;
    return {
      ticket: {
        account: request.account,
        contract: option.contract,
        action: 'SELL',
        quantity: size.contracts,
        orderType: 'LMT',
        tif: 'DAY',
        ...(bid !== null && bid !== undefined && bid > 0 ? { limitPrice: bid } : {}),
      },
      contracts: size.contracts,
      sentence: size.sentence,
    };
  }

  /** The option the action writes, with its quote: next monthly, first strike out of the money. */
  private async option(
    api: IBApiNext,
    reader: GatewayReader,
    stock: ContractDetails,
    right: OptionRight,
  ): Promise<{ contract: Contract; quote: Quote | null }> {
    const symbol = stock.contract.symbol ?? '';
    const parameters = await api.getSecDefOptParams(symbol, '', SecType.STK, stock.contract.conId ?? 0).catch(() => []);
    const chain = pickChainParameters(parameters, symbol);
    if (chain === undefined) throw new AppError('refused', `IB Gateway lists no options on ${symbol}.`);
    const today = this.now().toISOString().slice(0, 10).replaceAll('-', '');
    const expiry = nextMonthlyExpiry(chainExpiries(chain.expirations, today), today);
    if (expiry === null) throw new AppError('refused', `${symbol} lists no monthly expiry far enough out to write.`);
    const stockQuote = await reader.quote(resolvedContract(stock, 'SMART'), false);
    const strike = firstOutOfTheMoney(chain.strikes, underlyingPrice(stockQuote), right);
    if (strike === null) {
      throw new AppError(
        'unavailable',
        `No out-of-the-money ${symbol} strike could be placed: no price for ${symbol}.`,
      );
    }
    const wanted: Contract = {
      symbol,
      secType: 'OPT',
      currency: stock.contract.currency ?? 'USD',
      exchange: 'SMART',
      lastTradeDate: expiry,
      strike,
      right,
      multiplier: Number(chain.multiplier) || 100,
    };
    const details = await reader.contract(wanted);
    const contract: Contract = { ...wanted, conId: details.contract.conId };
    return { contract, quote: await reader.quote(resolvedContract(details, 'SMART'), false) };
  }
}

/** Last trade, else the midpoint, else the previous close. */
function underlyingPrice(quote: Quote | null): number | null {
  const mid = quote?.bid && quote.ask ? (quote.bid + quote.ask) / 2 : null;
  return quote?.last ?? mid ?? quote?.close ?? null;
}
