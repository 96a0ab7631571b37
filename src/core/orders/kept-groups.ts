import type { OrderPreview } from '../../shared/orders';
import { AppError } from '../../shared/result';

/** Groups kept for their submit (each leg's preview has its own, shorter, lifetime). */
const KEPT = 100;

/**
 * Orders that go out together (a bracket, a roll), kept from their preview to their submit, the newest
 * hundred. Each is sent at most once: a repeated submit gets the sent result again, and a submit while
 * one is under way waits for it rather than racing it. A refusal is not final; the person may try again.
 */
export class KeptGroups<G, R> {
  private readonly kept = new Map<string, { group: G; sent: R | null; busy: Promise<R> | null }>();

  /** `what` names the group in the refusal of an unknown one ("bracket", "roll"). */
  constructor(
    private readonly what: string,
    private readonly isSent: (result: R) => boolean,
  ) {}

  keep(groupId: string, group: G): void {
    this.kept.set(groupId, { group, sent: null, busy: null });
    for (const id of this.kept.keys()) {
      if (this.kept.size <= KEPT) break;
      this.kept.delete(id);
    }
  }

  async submit(groupId: string, send: (group: G) => Promise<R>): Promise<R> {
    const kept = this.kept.get(groupId);
    if (kept === undefined) throw new AppError('refused', `This ${this.what} is unknown or too old; preview it again.`);
    if (kept.sent) return kept.sent;
    if (kept.busy) return kept.busy;
    kept.busy = send(kept.group)
      .then((result) => {
        if (this.isSent(result)) kept.sent = result;
        return result;
      })
      .finally(() => (kept.busy = null));
    return kept.busy;
  }
}

/** Every leg previewed, or none: if one fails, the others' quote lines are given back and its error thrown. */
export async function previewEveryLeg(
  previews: readonly Promise<OrderPreview>[],
  discard: (previewId: string) => void,
): Promise<OrderPreview[]> {
  const settled = await Promise.allSettled(previews);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of settled) if (s.status === 'fulfilled') discard(s.value.previewId);
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<OrderPreview>).value);
}

/** The acknowledgements as the audit log's sentence ends: empty when there were none. */
export const acknowledgedText = (acknowledgements: readonly string[]): string =>
  acknowledgements.length > 0 ? ` Acknowledged: ${acknowledgements.join(', ')}.` : '';
