import type { Quote, QuoteBatch } from '../../../shared/market';

/** What one frame applies: the latest quote of each instrument, and the batches it acknowledges. */
export interface FrameBatch {
  quotes: Quote[];
  seqs: number[];
}

/**
 * Batches that arrive within one frame, merged so the page applies them once: several socket batches
 * between two frames would otherwise be several store updates and grid transactions, each restyling the
 * same cells, of which only the last is ever painted. The latest quote of an instrument wins (a batch
 * holds the whole state of each instrument in it); every batch's seq is kept so each is acknowledged.
 */
export class FrameBatches {
  private readonly quotes = new Map<number, Quote>();
  private seqs: number[] = [];
  private frameAsked = false;

  /** `askFrame` calls back once before the next frame is painted (requestAnimationFrame in the page). */
  constructor(
    private readonly askFrame: (callback: () => void) => void,
    private readonly apply: (frame: FrameBatch) => void,
  ) {}

  add(batch: QuoteBatch): void {
    for (const quote of batch.quotes) {
      // Deleted first, so the merged order is the order of the latest quotes.
      this.quotes.delete(quote.conId);
      this.quotes.set(quote.conId, quote);
    }
    this.seqs.push(batch.seq);
    if (this.frameAsked) return;
    this.frameAsked = true;
    this.askFrame(() => this.flush());
  }

  /** Applies what is held now: the frame's callback, or a page that will paint no frame (hidden). */
  flush(): void {
    this.frameAsked = false;
    if (this.seqs.length === 0) return;
    const frame = { quotes: [...this.quotes.values()], seqs: this.seqs };
    this.quotes.clear();
    this.seqs = [];
    this.apply(frame);
  }
}
