import type { PositionRow } from '../../shared/accounts';
import type { Listing, Quote } from '../../shared/market';
import type { EventBus } from '../ipc/event-bus';
import type { Notice } from '../notifications/notification-mapping';
import { assignmentNotice, assignmentRisks } from './expiry-risk';

export interface ExpiryWatchOptions {
  events: Pick<EventBus, 'subscribe'>;
  /** Every account's position rows as the workspace shows them. */
  positions(): readonly PositionRow[];
  /** The watchlist, and the latest quote of a listing someone holds a line for. */
  watchlist(): readonly Listing[];
  quote(conId: number): Quote | undefined;
  notify(notice: Notice): void;
  now?: () => number;
}

/**
 * An underlying's price from what the window already has: a stock position's market price, else the
 * watchlist's quote (last, else the mid). No line is opened for it: a covered call's shares are held, and a
 * cash-secured put is written from the watchlist; where neither gives a price the notice says so.
 */
export function underlyingPrice(
  symbol: string,
  rows: readonly PositionRow[],
  watchlist: readonly Listing[],
  quote: (conId: number) => Quote | undefined,
): number | null {
  const held = rows.find((row) => row.secType === 'STK' && row.symbol === symbol && row.marketPrice !== null);
  if (held?.marketPrice) return held.marketPrice;
  const listing = watchlist.find((entry) => entry.secType === 'STK' && entry.symbol === symbol);
  const latest = listing ? quote(listing.conId) : undefined;
  if (!latest) return null;
  if (latest.last !== null && latest.last > 0) return latest.last;
  return latest.bid !== null && latest.ask !== null && latest.bid > 0 && latest.ask > 0
    ? (latest.bid + latest.ask) / 2
    : null;
}

/**
 * Tells the person once a day about each short option at risk of assignment (expiry-risk.ts), looking again
 * whenever the positions change.
 */
export class ExpiryWatch {
  private readonly told = new Set<string>();
  private readonly stop: () => void;
  private readonly now: () => number;

  constructor(private readonly options: ExpiryWatchOptions) {
    this.now = options.now ?? Date.now;
    this.stop = options.events.subscribe((event) => {
      if (event === 'accounts.update') this.check();
    });
  }

  check(): void {
    const rows = this.options.positions();
    const priceOf = (symbol: string) =>
      underlyingPrice(symbol, rows, this.options.watchlist(), (conId) => this.options.quote(conId));
    for (const risk of assignmentRisks(rows, priceOf, this.now())) {
      // Once per position per day to expiry: a new day brings a new reminder, a new update does not.
      const key = `${risk.account}:${risk.conId}:${risk.days}`;
      if (this.told.has(key)) continue;
      this.told.add(key);
      this.options.notify(assignmentNotice(risk));
    }
  }

  dispose(): void {
    this.stop();
  }
}
