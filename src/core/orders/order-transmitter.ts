import type { IBApiNext } from '@stoqey/ib';
import { describeOrder } from '../../shared/order-words';
import type { OrderPreview, SubmitResult, TrackedOrder } from '../../shared/orders';
import type { LegLinks } from './bracket-legs';
import { ibOrder } from './ib-order';
import { filledOf } from './modify-target';
import type { Checked, PreviewFacts, Rechecked } from './order-evaluation';
import type { OrderWatchdog } from './order-watchdog';
import type { ComboPlacement } from './roll-desk';
import type { SentOrders } from './working-orders';
import type { OrderPieces } from './order-pieces';
import { acknowledgedText } from './kept-groups';

export interface OrderTransmitterOptions extends Pick<OrderPieces, 'ids' | 'tracker' | 'quotes' | 'audit' | 'now'> {
  /** The connection to send on, once its open orders have been reconciled. */
  readyToSend(): Promise<IBApiNext>;
  recheck(preview: OrderPreview, facts: PreviewFacts, acknowledgements: readonly string[]): Promise<Rechecked>;
  sent: SentOrders;
  watchdog: OrderWatchdog;
  /** TEST ONLY (the crash test): called after the submit intent is on disk and before placeOrder. */
  afterIntentForTests?: () => void;
}

/**
 * Sends re-checked orders: takes the order id once the connection is reconciled, writes the intent,
 * tracks the order and places it. Lone orders, bracket legs and roll combos all leave here.
 */
export class OrderTransmitter {
  constructor(private readonly options: OrderTransmitterOptions) {}

  /** A lone order (or a modify): re-checked, then sent under a fresh id (or the id it replaces). */
  async send(preview: OrderPreview, facts: PreviewFacts, acknowledgements: readonly string[]): Promise<SubmitResult> {
    if (facts.roll) return { outcome: 'refused', reason: 'This is one leg of a roll: send the roll.', checks: [] };
    if (preview.leg) {
      return { outcome: 'refused', reason: 'This is one leg of a bracket: send the bracket, not the leg.', checks: [] };
    }
    const { ids } = this.options;
    const api = await this.options.readyToSend();
    const modifying = preview.ticket.modifyOrderId;
    // The connection's first id is read alongside the re-check. The id itself is taken once the order is
    // cleared, in the same step as its intent is queued, so orders cleared together leave in id order.
    const [rechecked, idsReady] = await Promise.allSettled([
      this.options.recheck(preview, facts, acknowledgements),
      modifying ?? ids.ready(api),
    ]);
    if (rechecked.status === 'rejected') throw rechecked.reason;
    const checked = rechecked.value;
    if (checked.outcome === 'refused') return checked;
    if (idsReady.status === 'rejected') {
      checked.evaluation.uncount();
      throw idsReady.reason;
    }
    return this.transmit(checked, modifying ?? ids.take(), checked.evaluation.links ?? {}, true);
  }

  /**
   * Places a re-checked order under its id with the links that tie it to its group. A lone order writes its
   * intent here, before it leaves; a bracket's one intent is written by the bracket desk before any leg.
   */
  async transmit(
    checked: Checked,
    orderId: number,
    links: LegLinks,
    writeIntent: boolean,
    combo: ComboPlacement | null = null,
  ): Promise<Extract<SubmitResult, { outcome: 'sent' }>> {
    const { tracker, audit } = this.options;
    const { preview, evaluation, acknowledgements } = checked;
    const { ticket, previewId, allocationId, leg } = preview;
    const { api, contract, checks, account, session, target, uncount } = evaluation;
    const modifying = ticket.modifyOrderId;
    const words = combo?.words ?? describeOrder(ticket, account.label);
    const groupId = leg?.groupId ?? null;
    const about = { mode: session.mode, account: ticket.account, orderId, previewId, allocationId, groupId, ticket };
    if (writeIntent) {
      // The intent is on disk before the order leaves: a crash after this line is found on restart.
      try {
        await audit.write({
          kind: modifying === undefined ? 'submit-intent' : 'modify-intent',
          ...about,
          checks,
          message: `${words}.${acknowledgedText(acknowledgements)}`,
        });
      } catch (error) {
        uncount();
        throw error;
      }
      this.options.afterIntentForTests?.();
    }
    const at = this.options.now();
    const filled = target ? filledOf(target) : 0;
    const order: TrackedOrder = {
      orderId,
      previewId,
      account: ticket.account,
      words,
      ticket,
      phase: 'sending',
      ibStatus: null,
      filled,
      remaining: ticket.quantity - filled,
      avgFillPrice: tracker.get(orderId)?.avgFillPrice ?? null,
      message: null,
      ibCode: null,
      submittedAt: at,
      updatedAt: at,
      ...(leg ? { leg } : {}),
    };
    const placed = combo?.order ?? { ...ibOrder(ticket, { orderRef: previewId, whatIf: false }), ...links };
    tracker.track(order);
    const sentContract = combo?.contract ?? contract;
    this.options.sent.record(orderId, sentContract, { ...placed, account: ticket.account });
    api.placeOrder(orderId, sentContract, placed);
    this.options.watchdog.watch(orderId);
    this.options.quotes.release(previewId);
    await audit.write({ kind: 'sent', ...about, ...(writeIntent ? {} : { checks }) });
    return { outcome: 'sent', order: tracker.get(orderId) ?? order, repeated: false, checks };
  }
}
