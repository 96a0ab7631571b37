import type { ContractDetails } from '@stoqey/ib';
import type { Listing, Quote } from '../../shared/market';
import { SecTypeSchema } from '../../shared/ticket';
import type { AcquireResult } from '../market/subscription-pool';

/** The part of the market service the ticket needs: its shared, reference-counted quote lines. */
export interface QuoteLines {
  acquire(listing: Listing, consumer: string): AcquireResult;
  release(conId: number, consumer: string): void;
  quote(conId: number): Quote | undefined;
}

interface Hold {
  conId: number;
  /** The name the line is held under in the pool. */
  consumer: string;
  since: number;
}

const POLL_MS = 10;

/**
 * Each preview holds a quote line of the market service from the preview until it is sent, discarded or
 * expires, so the re-check at submit reads the live quote (whose age the market data rule checks)
 * instead of subscribing again. The line is shared with the watchlist and charts: no extra reqMktData
 * when the instrument is already watched.
 */
export class TicketQuotes {
  private readonly holds = new Map<string, Hold>();

  constructor(
    private readonly lines: QuoteLines,
    private readonly now: () => number,
    private readonly holdMs: number,
  ) {}

  /**
   * Takes a line under `key` and waits (at most waitMs) until the quote has prices and, for stocks,
   * the shortable shares. Returns what arrived, or undefined when no line could be had (every line in
   * use): the caller then reads a one-off quote.
   */
  async hold(key: string, details: ContractDetails, waitMs: number): Promise<Quote | null | undefined> {
    this.expire();
    const listing = listingOf(details);
    if (listing === null) return undefined;
    const name = `ticket:${key}`;
    const acquired = this.lines.acquire(listing, name);
    if (!acquired.ok) return undefined;
    this.holds.set(key, { conId: listing.conId, consumer: name, since: this.now() });
    const wantShortable = listing.secType === 'STK';
    const deadline = Date.now() + waitMs;
    for (;;) {
      const quote = this.lines.quote(listing.conId);
      if (quote !== undefined && complete(quote, wantShortable)) return quote;
      if (Date.now() >= deadline) return quote !== undefined && priced(quote) ? quote : null;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Files a hold under another key: the preview's id is known only once the preview is stored. */
  rename(from: string, to: string): void {
    const hold = this.holds.get(from);
    if (hold === undefined) return;
    this.holds.delete(from);
    this.holds.set(to, hold);
  }

  /** The live quote a preview holds; undefined when it holds none (then the caller reads one afresh). */
  current(previewId: string): Quote | null | undefined {
    const hold = this.holds.get(previewId);
    if (hold === undefined) return undefined;
    return this.lines.quote(hold.conId) ?? null;
  }

  release(previewId: string): void {
    const hold = this.holds.get(previewId);
    if (hold === undefined) return;
    this.holds.delete(previewId);
    this.lines.release(hold.conId, hold.consumer);
  }

  releaseAll(): void {
    for (const previewId of [...this.holds.keys()]) this.release(previewId);
  }

  /** A preview nobody sent nor discarded (a closed window) gives its line back when the preview expires. */
  private expire(): void {
    const cutoff = this.now() - this.holdMs;
    for (const [previewId, hold] of this.holds) if (hold.since < cutoff) this.release(previewId);
  }
}

const priced = (q: Quote) => (q.bid !== null && q.ask !== null) || q.last !== null;
const complete = (q: Quote, wantShortable: boolean) => priced(q) && (!wantShortable || q.shortableShares !== null);

/** The listing the market service subscribes to: the resolved contract, routed SMART like the watchlist. */
export function listingOf(details: ContractDetails): Listing | null {
  const c = details.contract;
  const secType = SecTypeSchema.safeParse(c.secType);
  if (!c.conId || !c.symbol || !secType.success || !c.currency) return null;
  return {
    conId: c.conId,
    symbol: c.symbol,
    secType: secType.data,
    exchange: c.exchange || 'SMART',
    primaryExchange: c.primaryExch ?? '',
    currency: c.currency,
    description: (details.longName ?? c.localSymbol ?? c.symbol).slice(0, 120),
  };
}
