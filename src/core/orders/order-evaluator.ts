import type { Contract as IbContract } from '@stoqey/ib';
import { AppError } from '../../shared/result';
import type { Check, OrderTicket } from '../../shared/ticket';
import { evaluateRules } from '../rules';
import { exitLegContext, legChecks } from '../rules/group-rules';
import { rollOpenContext } from '../rules/roll-rules';
import type { OptionTerms } from '../rules/rule-context';
import { modifyGroup, ocaOf, type ModifyGroup } from './bracket-legs';
import { GatewayReader, type WhatIfResult } from './gateway-reader';
import { ibOrder, resolvedContract } from './ib-order';
import type { KillSwitchDesk } from './kill-switch-desk';
import { modifyTarget } from './modify-target';
import {
  EXIT_WHAT_IF,
  refusalOf,
  type Evaluation,
  type LegGroup,
  type PreviewFacts,
  type RollLeg,
} from './order-evaluation';
import type { OrderFacts } from './order-facts';
import type { OrderPreview } from '../../shared/orders';
import {
  buildRuleContext,
  quoteForRules,
  ticketAccount,
  type GatewayFacts,
  type GatewayOpenOrder,
  type Received,
} from './rule-context-builder';
import { orderCheckError } from './unexpected-error';
import { whatIfAtSubmit } from './what-if-reuse';
import type { OrderPieces } from './order-pieces';

/** A preview reads afresh; a submit re-checks what its preview read. */
export type Stage =
  | { kind: 'preview'; key: string }
  | { kind: 'submit'; preview: OrderPreview; facts: PreviewFacts; acknowledgements: readonly string[] };

export interface OrderEvaluatorOptions extends Pick<
  OrderPieces,
  'session' | 'settings' | 'connection' | 'timeouts' | 'now' | 'logError' | 'counter' | 'ids' | 'quotes'
> {
  facts: OrderFacts;
  killSwitch: Pick<KillSwitchDesk, 'check'>;
  /** Options named by rolls this process previewed: a resting roll's legs, which IBKR names by conId only. */
  optionTerms(): ReadonlyMap<number, OptionTerms>;
}

const NOT_COUNTED = (): void => {};

/** Gathers what the rules need for one order and rules on it, at preview and again at submit. */
export class OrderEvaluator {
  constructor(private readonly options: OrderEvaluatorOptions) {}

  /**
   * Everything the rules need, and the checks it gives. A preview reads the contract and the gateway's
   * what-if, and takes a quote line it holds until the order is sent or discarded. The re-check at
   * submit needs no round trip: it reads that held (live, age-checked) quote, the positions and account
   * summary this connection streams, and the held open-orders book, and reuses the preview's what-if
   * while the preview is young. Whatever is not held (no quote line free, nothing loaded yet) is read
   * fresh from the gateway.
   */
  async evaluate(
    ticket: OrderTicket,
    stage: Stage,
    group: LegGroup | null,
    roll: RollLeg | null = null,
  ): Promise<Evaluation> {
    const { facts: accountFacts, quotes, now } = this.options;
    const api = this.options.connection().api;
    const reader = new GatewayReader(api, this.options.timeouts());
    const details = stage.kind === 'submit' ? stage.facts.details : await reader.contract(ticket.contract);
    const contract = resolvedContract(details, ticket.contract.exchange);
    const held =
      stage.kind === 'preview'
        ? quotes.hold(stage.key, details, this.options.timeouts().quoteMs)
        : Promise.resolve(quotes.current(stage.preview.previewId));
    const exit = group !== null && group.leg.role !== 'entry';
    const reuse = stage.kind === 'submit' && !exit ? whatIfAtSubmit(stage.preview, stage.facts.whatIf, now()) : null;
    const ordersRead = accountFacts.openOrders(reader);
    const [quote, positions, summaries, orders, whatIf] = await Promise.all([
      held.then((q) => (q === undefined ? reader.quote(contract, details.contract.secType === 'STK') : q)),
      accountFacts.positions(),
      accountFacts.summaries(),
      ordersRead,
      // A roll's legs are not asked alone: IBKR judges the combo, not one half of it.
      (exit || roll ? EXIT_WHAT_IF : null) ?? reuse?.whatIf ?? this.askWhatIf(reader, contract, ticket, ordersRead),
    ]);
    const session = this.options.session.current();
    let target: GatewayOpenOrder | null = null;
    let linked: ModifyGroup | null = null;
    if (ticket.modifyOrderId !== undefined) {
      if (orders === null) {
        throw new AppError(
          'unavailable',
          'IB Gateway has not sent the open orders on this connection, so the order to change cannot be found; try again in a moment.',
        );
      }
      const found = modifyTarget(orders.value, ticket, details.contract.conId ?? Number.NaN, session.clientId);
      if (typeof found === 'string') throw new AppError('refused', found);
      target = found;
      linked = modifyGroup(found, orders.value);
    }
    const summary = summaries && { value: summaries.value.get(ticket.account) ?? new Map(), at: summaries.at };
    const facts: GatewayFacts = {
      details,
      quote,
      positions,
      summary,
      // The order a modify replaces is not pending on top of its replacement.
      // Nor are the other orders of its OCA group: only one of them can fill.
      openOrders: orders && {
        value: orders.value.filter((o) => o !== target && !linked?.alternatives.has(o.orderId)),
        at: orders.at,
      },
      whatIf: whatIf.figures,
      whatIfAnswer: whatIf.answer,
    };
    const settings = this.options.settings();
    const override = settings.accountOverrides[ticket.account];
    let context;
    try {
      const built = buildRuleContext({
        ticket,
        facts,
        session: { ...session, degraded: session.state === 'degraded' },
        override,
        limits: settings.orders,
        orderCounts: this.options.counter.counts(now()),
        now: now(),
        optionTerms: this.options.optionTerms(),
      });
      const entry = exit ? group.entry : linked?.entry;
      const closing = roll?.closing;
      context = entry ? exitLegContext(built, entry) : closing ? rollOpenContext(built, closing) : built;
    } catch (error) {
      throw orderCheckError(error, this.options.logError);
    }
    const killCheck = this.options.killSwitch.check();
    const ruled: Check[] = [
      ...(killCheck ? [killCheck] : []),
      ...evaluateRules(ticket, context),
      ...(reuse ? [reuse.check] : []),
    ];
    const checks = group ? legChecks(group.leg.role, ruled, group.entry) : ruled;
    // Counted in the same step as the order caps read the counts: a sibling re-checked at the same time sees it.
    const uncount =
      stage.kind === 'submit' && refusalOf(checks, stage.acknowledgements) === null
        ? this.options.counter.take(now())
        : NOT_COUNTED;
    return {
      api,
      details,
      contract,
      checks,
      uncount,
      links: linked?.links ?? null,
      account: ticketAccount(ticket.account, summary?.value ?? null, override),
      session,
      whatIf,
      target,
      quote: quoteForRules(quote),
    };
  }

  /** The gateway's what-if; a modify's carries the order's OCA group, so IBKR counts its alternatives once. */
  private async askWhatIf(
    reader: GatewayReader,
    contract: IbContract,
    ticket: OrderTicket,
    orders: Promise<Received<GatewayOpenOrder[]>>,
  ): Promise<WhatIfResult> {
    const modified = ticket.modifyOrderId;
    const group = modified === undefined ? {} : ocaOf((await orders)?.value.find((o) => o.orderId === modified));
    const id = await this.options.ids.next(this.options.connection().api);
    return reader.whatIf(id, contract, {
      ...ibOrder(ticket, { orderRef: 'gatehouse-what-if', whatIf: true }),
      ...group,
    });
  }
}
