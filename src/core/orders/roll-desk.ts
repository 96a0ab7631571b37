import { randomUUID } from 'node:crypto';
import type { ContractDetails, IBApiNext, Contract as IbContract, Order } from '@stoqey/ib';
import type { OrderPreview, SubmitResult } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { RollPreview, RollRequest, RollResult, RollSubmit } from '../../shared/roll';
import type { Check, Contract, OrderTicket } from '../../shared/ticket';
import { hasBlock, warningsToAcknowledge } from '../rules';
import type { OptionTerms } from '../rules/rule-context';
import { legAcknowledgements, rollChecks, rollPriceCheck, type RollRole } from '../rules/roll-rules';
import { optionName, rollContract, rollIbOrder, rollLegWords, rollWords, type RollOrder } from '../options/roll-order';
import type { WhatIfResult } from './gateway-reader';
import type { AuditEntry } from './order-audit';
import { refusalOf, type Checked, type Rechecked, type RollLeg } from './order-evaluation';
import { comboWhatIf, legTicket, netMarket, rollOption, termsOf } from './roll-legs';
import { acknowledgedText, KeptGroups, previewEveryLeg } from './kept-groups';

/**
 * A roll as one decision and one order: both legs resolved by contract details and previewed through the
 * order service (the open leg ruled once the close leg has filled), their checks shown as the roll's, and at
 * submit both re-ruled on fresh data before one BAG order goes out under one id with one audit intent.
 */

/** How the order service places a combo in place of a leg's own contract and order. */
export interface ComboPlacement {
  contract: IbContract;
  order: Order;
  words: string;
}

export interface RollDeps {
  details(contract: Contract): Promise<ContractDetails>;
  preview(ticket: OrderTicket, roll: RollLeg): Promise<OrderPreview>;
  discard(previewId: string): void;
  readyToSend(): Promise<IBApiNext>;
  /** The gateway's what-if of an order (the BAG, here). */
  whatIf(contract: IbContract, order: Order): Promise<WhatIfResult>;
  reserveOrderIds(api: IBApiNext, n: number): Promise<number[]>;
  recheck(previewId: string, acknowledgements: readonly string[]): Promise<Rechecked>;
  transmit(
    checked: Checked,
    orderId: number,
    combo: ComboPlacement,
  ): Promise<Extract<SubmitResult, { outcome: 'sent' }>>;
  audit(entry: AuditEntry): Promise<unknown>;
  newId?: () => string;
}

interface KeptRoll {
  order: RollOrder;
  words: string;
  legs: { role: RollRole; previewId: string; checks: readonly Check[] }[];
}

const WHAT_IF_REF = 'gatehouse-what-if';

/** Legs' terms remembered for the rules to read resting rolls by (combo-pending.ts); the oldest go first. */
const TERMS_KEPT = 200;

export class RollDesk {
  private readonly kept = new KeptGroups<KeptRoll, RollResult>('roll', (r) => r.result.outcome === 'sent');
  private readonly terms = new Map<number, OptionTerms>();

  constructor(private readonly deps: RollDeps) {}

  /**
   * The terms of the options rolls have named: IBKR's open order names a resting combo's legs by conId only,
   * and the new leg is not a position until the roll fills.
   */
  legTerms(): ReadonlyMap<number, OptionTerms> {
    return this.terms;
  }

  private remember(details: ContractDetails): void {
    const conId = details.contract.conId;
    if (conId === undefined) return;
    this.terms.delete(conId);
    this.terms.set(conId, termsOf(details));
    for (const id of this.terms.keys()) {
      if (this.terms.size <= TERMS_KEPT) break;
      this.terms.delete(id);
    }
  }

  async preview(request: RollRequest): Promise<RollPreview> {
    const closeDetails = await this.deps.details({ ...request.close, secType: 'OPT' });
    const close = rollOption(closeDetails);
    if (closeDetails.contract.secType !== 'OPT') {
      throw new AppError('refused', `Only an option can be rolled; ${request.close.symbol} is not one.`);
    }
    const openDetails = await this.deps.details({
      symbol: close.symbol,
      secType: 'OPT',
      currency: close.currency,
      exchange: 'SMART',
      lastTradeDate: request.open.lastTradeDate,
      strike: request.open.strike,
      right: close.right,
      ...(closeDetails.contract.multiplier ? { multiplier: Number(closeDetails.contract.multiplier) } : {}),
    });
    const open = rollOption(openDetails);
    this.remember(closeDetails);
    this.remember(openDetails);
    if (open.conId === close.conId) throw new AppError('refused', `${optionName(close)} cannot be rolled into itself.`);
    const { account, contracts, netLimit } = request;
    const order: RollOrder = { account, close, open, contracts, netLimit };
    const whatIf = comboWhatIf(
      this.deps.whatIf(rollContract(order), rollIbOrder(order, { orderRef: WHAT_IF_REF, whatIf: true })),
    );
    const [closePreview, openPreview] = (await previewEveryLeg(
      [
        this.deps.preview(legTicket(account, close, 'BUY', contracts), { closing: null }),
        this.deps.preview(legTicket(account, open, 'SELL', contracts), { closing: { conId: close.conId, contracts } }),
      ],
      this.deps.discard,
    )) as [OrderPreview, OrderPreview];
    const words = rollWords(order, closePreview.account.label);
    const market = netMarket(closePreview.quote, openPreview.quote);
    const checks = [
      ...rollChecks([
        { role: 'close', checks: closePreview.checks },
        { role: 'open', checks: openPreview.checks },
      ]),
      rollPriceCheck(netLimit, market, close.currency),
    ];
    const groupId = (this.deps.newId ?? randomUUID)();
    this.kept.keep(groupId, {
      order,
      words,
      legs: [
        { role: 'close', previewId: closePreview.previewId, checks: closePreview.checks },
        { role: 'open', previewId: openPreview.previewId, checks: openPreview.checks },
      ],
    });
    const leg = (role: RollRole, p: OrderPreview) => ({
      role,
      previewId: p.previewId,
      words: rollLegWords(order, role),
      quote: p.quote,
    });
    return {
      groupId,
      mode: openPreview.mode,
      words,
      ...(await whatIf),
      checks,
      blocked: hasBlock(checks),
      toAcknowledge: warningsToAcknowledge(checks),
      legs: [leg('close', closePreview), leg('open', openPreview)],
      netMarket: market,
    };
  }

  submit(request: RollSubmit): Promise<RollResult> {
    return this.kept.submit(request.groupId, (roll) => this.send(request, roll));
  }

  private async send(request: RollSubmit, roll: KeptRoll): Promise<RollResult> {
    const { groupId, acknowledgements } = request;
    const api = await this.deps.readyToSend();
    const [rechecked, ids] = await Promise.all([
      Promise.all(
        roll.legs.map((leg) =>
          this.deps.recheck(leg.previewId, legAcknowledgements(leg.role, leg.checks, acknowledgements)),
        ),
      ),
      this.deps.reserveOrderIds(api, 1),
    ]);
    const [close, open] = rechecked as [Rechecked, Rechecked];
    // Each leg the re-check cleared was counted against the order caps; a roll not sent gives both back.
    const uncountAll = () => {
      for (const r of rechecked) if (r.outcome === 'checked') r.evaluation.uncount();
    };
    if (close.outcome === 'refused' || open.outcome === 'refused') {
      uncountAll();
      const refused = close.outcome === 'refused' ? close : (open as Extract<Rechecked, { outcome: 'refused' }>);
      const leg = refused === close ? 'buy-to-close' : 'sell-to-open';
      const reason = `Nothing sent: the ${leg} leg was refused on fresh data, and a roll goes out whole or not at all. ${refused.reason}`;
      const checks = rollChecks(
        roll.legs.map((l, i) => {
          const r = rechecked[i]!;
          return { role: l.role, checks: r.outcome === 'refused' ? r.checks : r.evaluation.checks };
        }),
      );
      return { groupId, result: { outcome: 'refused', reason, checks } };
    }
    const market = netMarket(close.evaluation.quote, open.evaluation.quote);
    const checks = [
      ...rollChecks([
        { role: 'close', checks: close.evaluation.checks },
        { role: 'open', checks: open.evaluation.checks },
      ]),
      rollPriceCheck(roll.order.netLimit, market, roll.order.close.currency),
    ];
    const reason = refusalOf(checks, acknowledgements);
    if (reason !== null) {
      uncountAll();
      return { groupId, result: { outcome: 'refused', reason, checks } };
    }
    // One BAG order counts once: the open leg's count goes with it, the close leg's is given back.
    close.evaluation.uncount();
    const orderId = ids[0]!;
    // One intent for the roll, on disk before the combo leaves.
    try {
      await this.deps.audit({
        kind: 'submit-intent',
        account: roll.order.account,
        orderId,
        previewId: open.preview.previewId,
        groupId,
        ticket: open.preview.ticket,
        checks,
        message: `${roll.words} (order ${orderId}).${acknowledgedText(acknowledgements)}`,
      });
    } catch (error) {
      open.evaluation.uncount();
      throw error;
    }
    const sent = await this.deps.transmit({ ...open, evaluation: { ...open.evaluation, checks } }, orderId, {
      contract: rollContract(roll.order),
      order: rollIbOrder(roll.order, { orderRef: open.preview.previewId, whatIf: false }),
      words: roll.words,
    });
    this.deps.discard(close.preview.previewId);
    return { groupId, result: sent };
  }
}
