import { randomUUID } from 'node:crypto';
import type { OrderPreview, SubmitResult } from '../../shared/orders';

export type PreviewLookup = { found: true; preview: OrderPreview } | { found: false; reason: string };

/**
 * Previews by id, and the one submit each may lead to. A preview lives for ttlMs; a submit that sent
 * an order is remembered for the life of the process, so submitting the same preview id again — a
 * double click, a retried request — returns that order instead of placing a second one. A submit that
 * was refused (a warning not acknowledged, a check that now blocks) may be tried again.
 */
export class PreviewStore {
  private readonly previews = new Map<string, OrderPreview>();
  private readonly submits = new Map<string, Promise<SubmitResult>>();

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
  add(preview: Omit<OrderPreview, 'previewId' | 'createdAt' | 'expiresAt'>): OrderPreview {
    this.prune();
    const createdAt = this.now();
    const stored: OrderPreview = { ...preview, previewId: this.newId(), createdAt, expiresAt: createdAt + this.ttlMs };
    this.previews.set(stored.previewId, stored);
    return stored;
  }

  get(previewId: string): PreviewLookup {
    const preview = this.previews.get(previewId);
    if (preview === undefined) {
      return {
        found: false,
        reason: 'This preview is unknown (Gatehouse may have restarted); preview the order again.',
      };
    }
    if (this.now() > preview.expiresAt && !this.submits.has(previewId)) {
      return { found: false, reason: 'This preview has expired; preview the order again to check it on fresh data.' };
    }
    return { found: true, preview };
  }

  /**
   * Runs `submit` for a preview unless an earlier submit of it sent an order (or is still running):
   * then that one's result is returned, marked repeated. Calls for the same id are serialised.
   */
  once(previewId: string, submit: () => Promise<SubmitResult>): Promise<SubmitResult> {
    const earlier = this.submits.get(previewId);
    const attempt = (earlier ?? Promise.resolve(null)).then(
      (previous): Promise<SubmitResult> | SubmitResult => {
        if (previous?.outcome === 'sent') return { ...previous, repeated: true };
        return submit();
      },
      () => submit(),
    );
    this.submits.set(previewId, attempt);
    return attempt;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, preview] of this.previews) {
      if (now > preview.expiresAt && !this.submits.has(id)) this.previews.delete(id);
    }
    // Oldest first (Map keeps insertion order); previews that sent an order stay for idempotency.
    for (const id of this.previews.keys()) {
      if (this.previews.size < this.maxPreviews) break;
      if (!this.submits.has(id)) this.previews.delete(id);
    }
  }
}
