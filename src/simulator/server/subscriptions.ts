import { type DepthSubscription } from './depth-handlers';
import { type SnapshotState } from './quote-cadence';
import { type ScannerSubscription } from './scanner-handlers';
import { type RealtimeBarSubscription, type TickByTickSubscription } from './realtime-feed';

/** What one client has subscribed to, so ticks and account updates reach only those who asked. */

export interface MarketSubscription {
  reqId: number;
  conId: number;
  /** 1 live, 3 delayed: what this subscription was served as. */
  marketDataType: number;
  shortable: boolean;
  /** The line's aggregated snapshots at IBKR's cadence (unused in 'every-step' mode). */
  snapshots: SnapshotState;
}

export interface HistorySubscription {
  reqId: number;
  conId: number;
  barSizeSeconds: number;
  whatToShow: 'TRADES' | 'MIDPOINT' | 'BID' | 'ASK';
  formatDate: number;
  lastSentAt: number;
}

/** Last values sent, keyed per line; used to send only what changed, as the gateway does. */
export type SentValues = Map<string, string>;

export interface SummarySubscription {
  reqId: number;
  tags: Set<string>;
  sent: SentValues;
}

export interface AccountMultiSubscription {
  accounts: string[];
  modelCode: string;
  ledgerAndNLV: boolean;
  sent: SentValues;
}

export class ConnectionSubscriptions {
  /** The marketDataType the client asked for with reqMarketDataType (1 live … 4 delayed-frozen). */
  requestedMarketDataType = 1;
  autoBind = false;
  readonly market = new Map<number, MarketSubscription>();
  readonly history = new Map<number, HistorySubscription>();
  readonly tickByTick = new Map<number, TickByTickSubscription>();
  readonly realtimeBars = new Map<number, RealtimeBarSubscription>();
  readonly depth = new Map<number, DepthSubscription>();
  readonly scanners = new Map<number, ScannerSubscription>();
  readonly summaries = new Map<number, SummarySubscription>();
  /** reqPositions: null when not subscribed. */
  positions: SentValues | null = null;
  /** reqPositionsMulti: reqId → account filter ('' for all) and what was sent. */
  readonly positionsMulti = new Map<number, { account: string; modelCode: string; sent: SentValues }>();
  /** reqAccountUpdatesMulti: reqId → the accounts (world ids) streamed and what was sent. */
  readonly accountUpdatesMulti = new Map<number, AccountMultiSubscription>();
  /** reqAccountUpdates: the one account being streamed. */
  accountUpdates: { account: string; sent: SentValues } | null = null;
  /** reqNewsBulletins: bulletins are pushed until cancelNewsBulletins. */
  newsBulletins = false;
  readonly pnl = new Map<number, string>();
  readonly pnlSingle = new Map<number, { account: string; conId: number }>();

  /** 1101 (data lost): market data, history updates, ticks, bars and depth are gone; the client must ask again. */
  dropMarketData(): void {
    this.market.clear();
    this.history.clear();
    this.tickByTick.clear();
    this.realtimeBars.clear();
    this.depth.clear();
  }

  /** The instruments this client streams live (quote lines, tick-by-tick, real-time bars, depth). */
  watchedConIds(): number[] {
    const lines = [...this.market.values(), ...this.tickByTick.values(), ...this.realtimeBars.values()];
    return [...lines.map((line) => line.conId), ...[...this.depth.values()].map((line) => line.shape.conId)];
  }
}
