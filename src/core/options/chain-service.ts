import { SecType, type IBApiNext } from '@stoqey/ib';
import type { Listing } from '../../shared/market';
import type { ChainRows, OptionChain, OptionContract, Underlying, WatchedOptions } from '../../shared/options';
import { AppError } from '../../shared/result';
import type { GatewaySession } from '../gateway/gateway-session';
import type { RoomHandlers } from '../ipc/router';
import { connectedApi } from '../market/connected-api';
import { listingsByConId } from '../market/contract-search';
import type { MarketService } from '../market/market-service';
import { chainRows, optionListing, optionsOfExpiry, pickChainParameters } from './chain-contracts';
import { atTheMoneyStrike, chainExpiries, strikeWindow } from './chain-strikes';
import { HeldOptions } from './greeks-held';

/** The pool's consumer for everything the chain panel watches: its underlying and its visible options. */
export const CHAIN_CONSUMER = 'chain';
/** How long a strike window waits for the underlying's first price before it centres on the chain's middle. */
const PRICE_WAIT_MS = 2_000;
const PRICE_POLL_MS = 50;

export interface ChainServiceOptions {
  session: GatewaySession;
  market: Pick<MarketService, 'acquire' | 'release' | 'quote'>;
  now?: () => Date;
}

interface LoadedChain {
  chain: OptionChain;
  underlying: Listing;
  /** Each expiry's options, from one contract-details request; cleared when another chain is opened. */
  expiries: Map<string, Promise<OptionContract[]>>;
}

/**
 * The option chain panel's services: an underlying's expiries and strikes (reqSecDefOptParams), the rows of a
 * strike window around the money (contract details), and market data lines for the rows the window shows —
 * taken from the same pool as the watchlist's and given back when a row scrolls out or the panel closes.
 */
export class ChainService {
  private readonly session: GatewaySession;
  private readonly market: ChainServiceOptions['market'];
  private readonly now: () => Date;
  private loaded: LoadedChain | null = null;
  /** Options holding a line for the panel, with their listings (the pool keeps who holds what). */
  private readonly watched = new Map<number, Listing>();
  /** Every option a row has named since the chain opened: what `watchRows` may ask lines for. */
  private readonly known = new Map<number, Listing>();
  private readonly held: HeldOptions;

  constructor(options: ChainServiceOptions) {
    this.session = options.session;
    this.market = options.market;
    this.now = options.now ?? (() => new Date());
    this.held = new HeldOptions(this.session, this.market);
  }

  handlers(): Omit<RoomHandlers<'options.'>, 'options.coveredCallPrefill' | 'options.securedPutPrefill'> {
    return {
      'options.chain': ({ underlying }) => this.chain(underlying),
      'options.rows': ({ underlyingConId, expiry, strikesEachSide }) =>
        this.rows(underlyingConId, expiry, strikesEachSide),
      'options.watchRows': ({ conIds }) => this.watchRows(conIds),
      'options.watchHeld': ({ conIds }) => this.held.watch(conIds),
      'options.close': () => this.close(),
    };
  }

  async chain(wanted: Underlying): Promise<OptionChain> {
    const api = this.api('Opening an option chain');
    const underlying = await this.underlying(api, wanted);
    const parameters = await api
      .getSecDefOptParams(underlying.symbol, '', SecType.STK, underlying.conId)
      .catch(() => []);
    const picked = pickChainParameters(parameters, underlying.symbol);
    if (picked === undefined) throw new AppError('refused', `IB Gateway lists no options on ${underlying.symbol}.`);
    const today = this.now().toISOString().slice(0, 10).replaceAll('-', '');
    const chain: OptionChain = {
      underlying: { symbol: underlying.symbol, conId: underlying.conId, currency: underlying.currency },
      tradingClass: picked.tradingClass,
      multiplier: Number(picked.multiplier) || 100,
      expiries: chainExpiries(picked.expirations, today),
      strikes: [...new Set(picked.strikes)].sort((a, b) => a - b),
    };
    this.close();
    this.loaded = { chain, underlying, expiries: new Map() };
    // The underlying's price places the money; a line that cannot be had leaves the rows uncentred, not missing.
    this.market.acquire(underlying, CHAIN_CONSUMER);
    return chain;
  }

  async rows(underlyingConId: number, expiry: string, strikesEachSide: number): Promise<ChainRows> {
    const loaded = this.loaded;
    if (loaded === null || loaded.chain.underlying.conId !== underlyingConId) {
      throw new AppError('refused', `Open the option chain of contract ${underlyingConId} first.`);
    }
    const { chain, underlying } = loaded;
    if (!chain.expiries.some((listed) => listed.expiry === expiry)) {
      throw new AppError('refused', `${chain.underlying.symbol} has no options expiring ${expiry}.`);
    }
    let options = loaded.expiries.get(expiry);
    if (options === undefined) {
      options = optionsOfExpiry(this.api('Loading option rows'), underlying, chain.tradingClass, expiry);
      loaded.expiries.set(expiry, options);
      options.catch(() => loaded.expiries.delete(expiry));
    }
    const [listed, price] = await Promise.all([options, this.underlyingPrice(underlyingConId)]);
    const atTheMoney = atTheMoneyStrike(chain.strikes, price);
    const center = atTheMoney ?? chain.strikes[Math.floor(chain.strikes.length / 2)] ?? 0;
    const rows = chainRows(strikeWindow(chain.strikes, center, strikesEachSide), listed);
    for (const row of rows)
      for (const option of [row.call, row.put]) if (option) this.known.set(option.conId, optionListing(option));
    return { underlyingConId, expiry, atTheMoney, underlyingPrice: price, rows };
  }

  /**
   * The options the panel shows now: lines for those new to it, lines given back for those gone. When the
   * allowance runs out the rest are refused and the answer says so, rather than showing blank rows.
   */
  watchRows(conIds: readonly number[]): WatchedOptions {
    const wanted = new Set(conIds);
    for (const conId of [...this.watched.keys()]) {
      if (wanted.has(conId)) continue;
      this.watched.delete(conId);
      this.market.release(conId, CHAIN_CONSUMER);
    }
    const refused: number[] = [];
    let reason: string | null = null;
    for (const conId of wanted) {
      if (this.watched.has(conId)) continue;
      const listing = this.known.get(conId);
      if (listing === undefined) {
        throw new AppError('refused', `Option ${conId} is not in a row of the open chain; load its rows first.`);
      }
      const acquired = this.market.acquire(listing, CHAIN_CONSUMER);
      if (acquired.ok) this.watched.set(conId, listing);
      else {
        refused.push(conId);
        reason = acquired.reason;
      }
    }
    const watching = [...this.watched.keys()];
    const message =
      reason === null ? null : `${refused.length} of ${wanted.size} options in view have no quotes. ${reason}`;
    const quotes = watching.map((conId) => this.market.quote(conId)).filter((quote) => quote !== undefined);
    return { watching, refused, message, quotes };
  }

  /** The panel closed: every line it held goes back to the pool. */
  close(): void {
    for (const conId of this.watched.keys()) this.market.release(conId, CHAIN_CONSUMER);
    this.watched.clear();
    this.known.clear();
    if (this.loaded !== null) this.market.release(this.loaded.underlying.conId, CHAIN_CONSUMER);
    this.loaded = null;
  }

  dispose(): void {
    this.close();
    this.held.dispose();
  }

  private async underlying(api: IBApiNext, wanted: Underlying): Promise<Listing> {
    const symbol = wanted.symbol.toUpperCase();
    let conId = wanted.conId;
    if (conId === undefined) {
      const details = await api
        .getContractDetails({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' })
        .catch(() => []);
      conId = details[0]?.contract.conId;
    }
    const [listing] = conId === undefined ? [] : await listingsByConId(api, [conId]);
    if (listing === undefined) throw new AppError('refused', `IB Gateway does not know the stock ${symbol}.`);
    return listing;
  }

  /** Last trade, else the midpoint, else the previous close: whichever the line has first. */
  private async underlyingPrice(conId: number): Promise<number | null> {
    for (let waited = 0; ; waited += PRICE_POLL_MS) {
      const quote = this.market.quote(conId);
      const mid = quote?.bid && quote.ask ? (quote.bid + quote.ask) / 2 : null;
      const price = quote?.last ?? mid ?? quote?.close ?? null;
      if (price !== null || waited >= PRICE_WAIT_MS) return price;
      await new Promise((resolve) => setTimeout(resolve, PRICE_POLL_MS));
    }
  }

  private api(doing: string): IBApiNext {
    return connectedApi(this.session, doing);
  }
}
