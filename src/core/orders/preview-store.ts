import { randomUUID } from 'node:crypto';
import type { OrderPreview, SubmitResult } from '../../shared/orders';

export type PreviewLookup<Facts> =
  { found: true; preview: OrderPreview; facts: Facts } | { found: false; reason: string };

/**
 * Previews by id, with the gateway facts the submit re-check may reuse, and the one submit each may lead
 * to. A preview lives for ttlMs (the store keeps at most maxPreviews). Once a submit has sent an order
 * the preview and its facts are dropped and only the result is kept, for the life of the process: a
 * second submit of that id — a double click, a retried request — returns that order instead of placing
 * another, and a day of orders costs a few hundred bytes each, not the preview's checks and contract
 * details. A submit that was refused (a warning not acknowledged, a check that now blocks) or failed may
 * be tried again.
 */
export class PreviewStore<Facts> {
  private readonly previews = new Map<string, { preview: OrderPreview; facts: Facts }>();
  private readonly inFlight = new Map<string, Promise<SubmitResult>>();
  private readonly sent = new Map<string, Extract<SubmitResult, { outcome: 'sent' }>>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5 * 60_000,
    private readonly maxPreviews = 500,
    private readonly newId: () => string = randomUUID,
  ) {}

  get lifetimeMs(): number {
    return this.ttlMs;
  }

  /** Stores a preview under a fresh id and returns it with the id and lifetime filled in. */
  add(preview: Omit<OrderPreview, 'previewId' | 'createdAt' | 'expiresAt'>, facts: Facts): OrderPreview {
    this.prune();
    const createdAt = this.now();
    const stored: OrderPreview = { ...preview, previewId: this.newId(), createdAt, expiresAt: createdAt + this.ttlMs };
    this.previews.set(stored.previewId, { preview: stored, facts });
    return stored;
  }

  get(previewId: string): PreviewLookup<Facts> {
    const entry = this.previews.get(previewId);
    if (entry === undefined) {
      return {
        found: false,
        reason: 'This preview is unknown (Gatehouse may have restarted); preview the order again.',
      };
    }
    if (this.now() > entry.preview.expiresAt) {
      return { found: false, reason: 'This preview has expired; preview the order again to check it on fresh data.' };
    }
    return { found: true, ...entry };
  }

  /**
   * Runs `submit` for a live preview unless an earlier submit of it sent an order: then that one's result
   * is returned, marked repeated. Calls for the same id are serialised.
   */
  once(
    previewId: string,
    submit: (preview: OrderPreview, facts: Facts) => Promise<SubmitResult>,
  ): Promise<SubmitResult> {
    const attempt = () => this.attempt(previewId, submit);
    const result = (this.inFlight.get(previewId) ?? Promise.resolve()).then(attempt, attempt);
    this.inFlight.set(previewId, result);
    const settle = () => {
      if (this.inFlight.get(previewId) === result) this.inFlight.delete(previewId);
    };
    result.then(settle, settle);
    return result;
  }

  private async attempt(
    previewId: string,
    submit: (preview: OrderPreview, facts: Facts) => Promise<SubmitResult>,
  ): Promise<SubmitResult> {
    const earlier = this.sent.get(previewId);
    if (earlier !== undefined) return { ...earlier, repeated: true };
    const lookup = this.get(previewId);
    if (!lookup.found) return { outcome: 'refused', reason: lookup.reason, checks: [] };
    const result = await submit(lookup.preview, lookup.facts);
    if (result.outcome === 'sent') {
      // The checks were shown when it was sent; a repeat answers with the order alone.
      this.sent.set(previewId, { ...result, checks: [] });
      this.previews.delete(previewId);
    }
    return result;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, { preview }] of this.previews) {
      if (now > preview.expiresAt && !this.inFlight.has(id)) this.previews.delete(id);
    }
    // Oldest first (Map keeps insertion order).
    for (const id of this.previews.keys()) {
      if (this.previews.size < this.maxPreviews) break;
      if (!this.inFlight.has(id)) this.previews.delete(id);
    }
  }
}
