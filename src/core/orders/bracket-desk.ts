import { randomUUID } from 'node:crypto';
import type { IBApiNext } from '@stoqey/ib';
import type { BracketPreview, BracketRequest, BracketResult, BracketSubmit } from '../../shared/bracket';
import type { BracketRole, OrderPreview, SubmitResult } from '../../shared/orders';
import type { OrderTicket } from '../../shared/ticket';
import { LEG_NAMES } from '../rules/group-rules';
import { bracketLinks, bracketTickets, bracketWords, type LegLinks } from './bracket-legs';
import type { AuditEntry } from './order-audit';
import type { Checked, LegGroup, Rechecked } from './order-evaluation';
import { acknowledgedText, KeptGroups, previewEveryLeg } from './kept-groups';

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
}

export class BracketDesk {
  private readonly kept = new KeptGroups<KeptBracket, BracketResult>('bracket', (r) => r.outcome === 'sent');

  constructor(private readonly deps: BracketDeps) {}

  async preview(request: BracketRequest): Promise<BracketPreview> {
    const groupId = (this.deps.newId ?? randomUUID)();
    const tickets = bracketTickets(request);
    const previews = await previewEveryLeg(
      tickets.map(({ role, ticket }) => this.deps.preview(ticket, { leg: { groupId, role }, entry: request.entry })),
      this.deps.discard,
    );
    const legs = previews.map((preview, i) => ({ role: tickets[i]!.role, preview }));
    const words = bracketWords(request, legs[0]!.preview.words);
    this.kept.keep(groupId, {
      words,
      entry: request.entry,
      legs: legs.map((l) => ({ role: l.role, previewId: l.preview.previewId })),
    });
    return { groupId, words, legs, blocked: legs.some((l) => l.preview.blocked) };
  }

  submit(request: BracketSubmit): Promise<BracketResult> {
    return this.kept.submit(request.groupId, (bracket) => this.send(request, bracket));
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
        message: `${bracket.words} (orders ${ids.join(', ')}).${acknowledgedText(acknowledgements)}`,
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
    return { groupId, outcome: 'sent', reason: null, legs };
  }
}
