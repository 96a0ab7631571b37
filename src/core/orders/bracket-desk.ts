import { randomUUID } from 'node:crypto';
import type { IBApiNext } from '@stoqey/ib';
import type { BracketPreview, BracketRequest, BracketResult, BracketSubmit } from '../../shared/bracket';
import type { BracketRole, OrderPreview, SubmitResult } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { OrderTicket } from '../../shared/ticket';
import { LEG_NAMES } from '../rules/group-rules';
import { bracketLinks, bracketTickets, bracketWords, type LegLinks } from './bracket-legs';
import type { AuditEntry } from './order-audit';
import type { Checked, LegGroup, Rechecked } from './order-evaluation';

/**
 * IBKR's bracket as one decision: every leg previewed and ruled as that leg of its group, and at submit
 * every leg re-ruled before any is sent — one refused leg and nothing goes out. The ids are reserved
 * together, the one intent (with the group's id) is on disk before the first leg leaves, and the legs go
 * out entry first with only the last transmitted, so IBKR never holds half a bracket working.
 */

export interface BracketDeps {
  preview(ticket: OrderTicket, group: LegGroup): Promise<OrderPreview>;
  /** Gives a preview's quote line back (a bracket whose other leg could not be previewed). */
  discard(previewId: string): void;
  readyToSend(): Promise<IBApiNext>;
  reserveOrderIds(api: IBApiNext, n: number): Promise<number[]>;
  recheck(previewId: string, acknowledgements: readonly string[]): Promise<Rechecked>;
  transmit(checked: Checked, orderId: number, links: LegLinks): Promise<Extract<SubmitResult, { outcome: 'sent' }>>;
  audit(entry: AuditEntry): Promise<unknown>;
  afterIntentForTests?: () => void;
  newId?: () => string;
}

interface KeptBracket {
  words: string;
  entry: OrderTicket;
  legs: { role: BracketRole; previewId: string }[];
  /** Once the bracket has gone out: its result, returned again to a repeated submit. */
  sent: BracketResult | null;
  /** A submit under way; a second one waits for it rather than racing it. */
  busy: Promise<BracketResult> | null;
}

/** Brackets kept for their submit (each leg's preview has its own, shorter, lifetime). */
const KEPT = 100;

export class BracketDesk {
  private readonly kept = new Map<string, KeptBracket>();

  constructor(private readonly deps: BracketDeps) {}

  async preview(request: BracketRequest): Promise<BracketPreview> {
    const groupId = (this.deps.newId ?? randomUUID)();
    const tickets = bracketTickets(request);
    const settled = await Promise.allSettled(
      tickets.map(({ role, ticket }) => this.deps.preview(ticket, { leg: { groupId, role }, entry: request.entry })),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      for (const s of settled) if (s.status === 'fulfilled') this.deps.discard(s.value.previewId);
      throw failed.reason;
    }
    const legs = settled.map((s, i) => ({
      role: tickets[i]!.role,
      preview: (s as PromiseFulfilledResult<OrderPreview>).value,
    }));
    const words = bracketWords(request, legs[0]!.preview.words);
    this.keep(groupId, {
      words,
      entry: request.entry,
      legs: legs.map((l) => ({ role: l.role, previewId: l.preview.previewId })),
      sent: null,
      busy: null,
    });
    return { groupId, words, legs, blocked: legs.some((l) => l.preview.blocked) };
  }

  async submit(request: BracketSubmit): Promise<BracketResult> {
    const bracket = this.kept.get(request.groupId);
    if (bracket === undefined) throw new AppError('refused', 'This bracket is unknown or too old; preview it again.');
    if (bracket.sent) return bracket.sent;
    if (bracket.busy) return bracket.busy;
    bracket.busy = this.send(request, bracket).finally(() => (bracket.busy = null));
    return bracket.busy;
  }

  private async send(request: BracketSubmit, bracket: KeptBracket): Promise<BracketResult> {
    const { groupId, acknowledgements } = request;
    const api = await this.deps.readyToSend();
    const [rechecked, ids] = await Promise.all([
      Promise.all(bracket.legs.map((l) => this.deps.recheck(l.previewId, acknowledgements))),
      this.deps.reserveOrderIds(api, bracket.legs.length),
    ]);
    const refused = rechecked.flatMap((r, i) => (r.outcome === 'refused' ? [LEG_NAMES[bracket.legs[i]!.role]] : []));
    if (refused.length > 0) {
      for (const r of rechecked) if (r.outcome === 'checked') r.evaluation.uncount();
      const reason = `Nothing sent: the ${refused.join(' and the ')} ${refused.length === 1 ? 'was' : 'were'} refused, and a bracket goes out whole or not at all.`;
      const legs = bracket.legs.map((l, i) => {
        const r = rechecked[i]!;
        const result: SubmitResult =
          r.outcome === 'refused' ? r : { outcome: 'refused', reason, checks: r.evaluation.checks };
        return { role: l.role, previewId: l.previewId, result };
      });
      return { groupId, outcome: 'refused', reason, legs };
    }
    const checked = rechecked as Checked[];
    const acknowledged = acknowledgements.length > 0 ? ` Acknowledged: ${acknowledgements.join(', ')}.` : '';
    // One intent for the whole bracket, on disk before the first leg leaves; each leg then gets its sent record.
    try {
      await this.deps.audit({
        kind: 'submit-intent',
        account: bracket.entry.account,
        orderId: ids[0]!,
        previewId: bracket.legs[0]!.previewId,
        groupId,
        ticket: bracket.entry,
        checks: checked.flatMap((c) => c.evaluation.checks),
        message: `${bracket.words} (orders ${ids.join(', ')}).${acknowledged}`,
      });
    } catch (error) {
      for (const c of checked) c.evaluation.uncount();
      throw error;
    }
    this.deps.afterIntentForTests?.();
    const links = bracketLinks(ids, groupId);
    const legs: BracketResult['legs'] = [];
    for (const [i, leg] of bracket.legs.entries()) {
      const result = await this.deps.transmit(checked[i]!, ids[i]!, links[i]!);
      legs.push({ role: leg.role, previewId: leg.previewId, result });
    }
    bracket.sent = { groupId, outcome: 'sent', reason: null, legs };
    return bracket.sent;
  }

  private keep(groupId: string, bracket: KeptBracket): void {
    this.kept.set(groupId, bracket);
    for (const id of this.kept.keys()) {
      if (this.kept.size <= KEPT) break;
      this.kept.delete(id);
    }
  }
}
