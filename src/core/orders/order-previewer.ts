import { describeOrder } from '../../shared/order-words';
import type { OrderPreview } from '../../shared/orders';
import type { OrderTicket } from '../../shared/ticket';
import { hasBlock, warningsToAcknowledge } from '../rules';
import { refusalOf, type LegGroup, type PreviewFacts, type Rechecked, type RollLeg } from './order-evaluation';
import type { OrderEvaluator } from './order-evaluator';
import type { PreviewStore } from './preview-store';
import { whatIfProblem } from './what-if-reuse';
import type { OrderPieces } from './order-pieces';

export interface OrderPreviewerOptions extends Pick<OrderPieces, 'quotes' | 'audit'> {
  evaluator: OrderEvaluator;
  previews: PreviewStore<PreviewFacts>;
}

/**
 * The ticket's preview (its evaluation, what-if and held quote, on the audit log) and the re-check of a
 * preview at submit, which puts a refusal on the audit log before it returns.
 */
export class OrderPreviewer {
  private pendingHolds = 0;

  constructor(private readonly options: OrderPreviewerOptions) {}

  /**
   * One order's preview; an allocation's child carries the allocation's id into the preview and the audit
   * log, a bracket leg its group (ruled as that leg).
   */
  async preview(
    ticket: OrderTicket,
    allocationId: string | null = null,
    group: LegGroup | null = null,
    roll: RollLeg | null = null,
  ): Promise<OrderPreview> {
    const { evaluator, previews, quotes, audit } = this.options;
    // The quote line is taken before the preview has an id; it is filed under the id once there is one.
    const holdKey = `pending:${++this.pendingHolds}`;
    let evaluation;
    try {
      evaluation = await evaluator.evaluate(ticket, { kind: 'preview', key: holdKey }, group, roll);
    } catch (error) {
      quotes.release(holdKey);
      throw error;
    }
    const { checks, account, session, whatIf, quote, details } = evaluation;
    const preview = previews.add(
      {
        ticket,
        account,
        mode: session.mode,
        words: describeOrder(ticket, account.label),
        checks,
        blocked: hasBlock(checks),
        toAcknowledge: warningsToAcknowledge(checks),
        whatIf: whatIf.figures,
        whatIfProblem: whatIfProblem(whatIf.answer),
        quote,
        allocationId,
        ...(group ? { leg: group.leg } : {}),
      },
      { details, whatIf, group, roll },
    );
    quotes.rename(holdKey, preview.previewId);
    await audit.write({
      kind: 'preview',
      mode: session.mode,
      account: ticket.account,
      orderId: ticket.modifyOrderId ?? null,
      previewId: preview.previewId,
      allocationId,
      groupId: group?.leg.groupId ?? null,
      ticket,
      checks,
      message: preview.words,
    });
    return preview;
  }

  /** The re-check of a preview still held, for the group desks, which send it themselves. */
  async recheckPreview(previewId: string, acknowledgements: readonly string[]): Promise<Rechecked> {
    const lookup = this.options.previews.get(previewId);
    if (!lookup.found) return { outcome: 'refused', reason: lookup.reason, checks: [] };
    return this.recheck(lookup.preview, lookup.facts, acknowledgements);
  }

  /** Every rule again on fresh data; a refusal (a block, a warning not acknowledged) is on disk when it returns. */
  async recheck(preview: OrderPreview, facts: PreviewFacts, acknowledgements: readonly string[]): Promise<Rechecked> {
    const { ticket, previewId, allocationId } = preview;
    const evaluation = await this.options.evaluator.evaluate(
      ticket,
      { kind: 'submit', preview, facts, acknowledgements },
      facts.group,
      facts.roll,
    );
    const { checks, session } = evaluation;
    const reason = refusalOf(checks, acknowledgements);
    if (reason === null) return { outcome: 'checked', preview, evaluation, acknowledgements };
    await this.options.audit.write({
      kind: 'submit-refused',
      mode: session.mode,
      account: ticket.account,
      orderId: ticket.modifyOrderId ?? null,
      previewId,
      allocationId,
      groupId: preview.leg?.groupId ?? null,
      ticket,
      checks,
      message: reason,
    });
    return { outcome: 'refused', reason, checks };
  }
}
