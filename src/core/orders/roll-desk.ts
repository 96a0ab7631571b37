import { randomUUID } from 'node:crypto';
import type { ContractDetails, IBApiNext, Contract as IbContract, Order } from '@stoqey/ib';
import type { OrderPreview, QuoteUsed, SubmitResult } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { RollPreview, RollRequest, RollResult, RollSubmit } from '../../shared/roll';
import { OrderTicketSchema, type Check, type Contract, type OrderTicket } from '../../shared/ticket';
import { hasBlock, warningsToAcknowledge } from '../rules';
import { legAcknowledgements, rollLegChecks, rollPriceCheck, type RollRole } from '../rules/roll-rules';
import {
  optionName,
  rollContract,
  rollIbOrder,
  rollNetMarket,
  rollWords,
  type RollOption,
  type RollOrder,
} from '../options/roll-order';
import type { AuditEntry } from './order-audit';
import { refusalOf, type Checked, type Rechecked, type RollLeg } from './order-evaluation';
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

function rollOption(details: ContractDetails): RollOption {
  const c = details.contract;
  return {
    conId: c.conId ?? Number.NaN,
    symbol: c.symbol ?? '',
    currency: c.currency ?? 'USD',
    // Contract details may add the expiry's time and zone ("20261218 16:00 US/Eastern"); the date is what names it.
    lastTradeDate: (c.lastTradeDateOrContractMonth ?? '').slice(0, 8),
    strike: c.strike ?? Number.NaN,
    right: c.right === 'P' ? 'P' : 'C',
  };
}

const legTicket = (account: string, option: RollOption, action: 'BUY' | 'SELL', contracts: number) =>
  OrderTicketSchema.parse({
    account,
    contract: {
      symbol: option.symbol,
      secType: 'OPT',
      currency: option.currency,
      exchange: 'SMART',
      conId: option.conId,
      lastTradeDate: option.lastTradeDate,
      strike: option.strike,
      right: option.right,
    },
    action,
    quantity: contracts,
    orderType: 'MKT',
    tif: 'DAY',
  });

const sides = (quote: QuoteUsed | null) =>
  quote !== null && quote.bid !== null && quote.ask !== null && quote.bid > 0 && quote.ask > 0
    ? { bid: quote.bid, ask: quote.ask }
    : null;

/** The net market from the legs' quotes; null when a leg has no two-sided quote. */
function netMarket(close: QuoteUsed | null, open: QuoteUsed | null) {
  const c = sides(close);
  const o = sides(open);
  return c && o ? rollNetMarket({ close: c, open: o }) : null;
}

export class RollDesk {
  private readonly kept = new KeptGroups<KeptRoll, RollResult>('roll', (r) => r.result.outcome === 'sent');

  constructor(private readonly deps: RollDeps) {}

  async preview(request: RollRequest): Promise<RollPreview> {
    const closeDetails = await this.deps.details({ ...request.close, secType: 'OPT' });
    const close = rollOption(closeDetails);
    if (closeDetails.contract.secType !== 'OPT') {
      throw new AppError('refused', `Only an option can be rolled; ${request.close.symbol} is not one.`);
    }
    const open = rollOption(
      await this.deps.details({
        symbol: close.symbol,
        secType: 'OPT',
        currency: close.currency,
        exchange: 'SMART',
        lastTradeDate: request.open.lastTradeDate,
        strike: request.open.strike,
        right: close.right,
        ...(closeDetails.contract.multiplier ? { multiplier: Number(closeDetails.contract.multiplier) } : {}),
      }),
    );
    if (open.conId === close.conId) throw new AppError('refused', `${optionName(close)} cannot be rolled into itself.`);
    const { account, contracts, netLimit } = request;
    const [closePreview, openPreview] = (await previewEveryLeg(
      [
        this.deps.preview(legTicket(account, close, 'BUY', contracts), { closing: null }),
        this.deps.preview(legTicket(account, open, 'SELL', contracts), { closing: { conId: close.conId, contracts } }),
      ],
      this.deps.discard,
    )) as [OrderPreview, OrderPreview];
    const order: RollOrder = { account, close, open, contracts, netLimit };
    const words = rollWords(order, closePreview.account.label);
    const market = netMarket(closePreview.quote, openPreview.quote);
    const checks = [
      ...rollLegChecks('close', closePreview.checks),
      ...rollLegChecks('open', openPreview.checks),
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
    return {
      groupId,
      words,
      checks,
      blocked: hasBlock(checks),
      toAcknowledge: warningsToAcknowledge(checks),
      legs: [
        { role: 'close', words: closePreview.words, quote: closePreview.quote },
        { role: 'open', words: openPreview.words, quote: openPreview.quote },
      ],
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
    if (close.outcome === 'refused' || open.outcome === 'refused') {
      const refused = close.outcome === 'refused' ? close : (open as Extract<Rechecked, { outcome: 'refused' }>);
      const leg = refused === close ? 'buy-to-close' : 'sell-to-open';
      const reason = `Nothing sent: the ${leg} leg was refused on fresh data, and a roll goes out whole or not at all. ${refused.reason}`;
      const checks = roll.legs.flatMap((l, i) => {
        const r = rechecked[i]!;
        return rollLegChecks(l.role, r.outcome === 'refused' ? r.checks : r.evaluation.checks);
      });
      return { groupId, result: { outcome: 'refused', reason, checks } };
    }
    const market = netMarket(close.evaluation.quote, open.evaluation.quote);
    const checks = [
      ...rollLegChecks('close', close.evaluation.checks),
      ...rollLegChecks('open', open.evaluation.checks),
      rollPriceCheck(roll.order.netLimit, market, roll.order.close.currency),
    ];
    const reason = refusalOf(checks, acknowledgements);
    if (reason !== null) return { groupId, result: { outcome: 'refused', reason, checks } };
    const orderId = ids[0]!;
    // One intent for the roll, on disk before the combo leaves.
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
    const sent = await this.deps.transmit({ ...open, evaluation: { ...open.evaluation, checks } }, orderId, {
      contract: rollContract(roll.order),
      order: rollIbOrder(roll.order, { orderRef: open.preview.previewId, whatIf: false }),
      words: roll.words,
    });
    this.deps.discard(close.preview.previewId);
    return { groupId, result: sent };
  }
}
