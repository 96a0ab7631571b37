import type { ContractDetails, OrderState } from '@stoqey/ib';
import type { Quote as MarketQuote } from '../../shared/market';
import type { OrderLimitSettings } from '../../shared/order-limits';
import type { QuoteUsed, TicketAccount, WhatIfFigures } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { TradingMode } from '../../shared/session';
import type { AccountOverride } from '../../shared/settings';
import { SecTypeSchema, type OrderTicket, type SecType } from '../../shared/ticket';
import { accountIdentity } from '../accounts/account-kind';
import { DEFAULT_LIMITS, type Limits } from '../rules/limits';
import { comboPending, optionTerms, type ComboLeg } from './combo-pending';
import type {
  CashBalance,
  Instrument,
  OptionTerms,
  PendingOptionSale,
  Position,
  RuleContext,
  WhatIfAnswer,
} from '../rules/rule-context';

/**
 * Turns what the gateway said (contract details, a quote, positions, the ledger, open orders, the
 * what-if) into the rules' RuleContext. Pure: the reading happens in gateway-reader, so this can be
 * tested with plain data. Where the gateway did not say, the value is NaN or null and the rules fail
 * closed, never a guess.
 */

/** `account → tag → currency → value`, as IBApiNext's account summary delivers it. */
export type SummaryValues = ReadonlyMap<string, ReadonlyMap<string, { value: string }>>;

export interface GatewayPosition {
  account: string;
  contract: {
    conId?: number;
    symbol?: string;
    secType?: string;
    right?: string;
    strike?: number;
    lastTradeDateOrContractMonth?: string;
    multiplier?: number | string;
  };
  pos: number;
}

export interface GatewayOpenOrder {
  orderId: number;
  contract: {
    conId?: number;
    secType?: string;
    multiplier?: number | string;
    currency?: string;
    symbol?: string;
    right?: string;
    strike?: number;
    /** A combo's (BAG's) legs, named by conId only. */
    comboLegs?: ComboLeg[];
  };
  order: {
    account?: string;
    /** The API client that placed it: only that client may modify it. */
    clientId?: number;
    action?: string;
    totalQuantity?: number;
    orderType?: string;
    lmtPrice?: number;
    auxPrice?: number;
    trailStopPrice?: number;
    lmtPriceOffset?: number;
    filledQuantity?: number;
    whatIf?: boolean;
    orderRef?: string;
    /** A bracket child's parent order id (0 or absent for none), and the one-cancels-all group it is in. */
    parentId?: number;
    ocaGroup?: string;
    ocaType?: number;
  };
  orderState: { status?: string };
  orderStatus?: { remaining?: number; status?: string; avgFillPrice?: number };
}

/**
 * What the gateway said, each with the time it arrived on the current connection. A null value (and
 * time) is something the gateway has not sent since the connection was made: the rules block on it.
 */
export interface GatewayFacts {
  details: Pick<ContractDetails, 'contract' | 'stockType' | 'underConId'>;
  quote: MarketQuote | null;
  /** Every account's positions (the gateway sends them all); only the ticket's account is used. */
  positions: Received<readonly GatewayPosition[]>;
  /** This account's summary values (AccountType, SettledCash, the $LEDGER:ALL lines). */
  summary: Received<SummaryValues>;
  openOrders: Received<readonly GatewayOpenOrder[]>;
  whatIf: WhatIfFigures | null;
  whatIfAnswer: WhatIfAnswer;
}

/** A value and the epoch ms it arrived; null when it has not arrived on this connection. */
export type Received<T> = { value: T; at: number } | null;

export interface SessionFacts {
  mode: TradingMode;
  liveArmed: boolean;
  readOnly: boolean;
  /** The accounts the gateway reported for this login (managedAccounts). */
  accounts: readonly string[];
  /** The connection is up but degraded (upstream lost, a farm down, a late heartbeat). */
  degraded: boolean;
}

export interface ContextInputs {
  /** Only its account is read: the context is the account's, whatever the order. */
  ticket: Pick<OrderTicket, 'account'>;
  facts: GatewayFacts;
  session: SessionFacts;
  override: AccountOverride | undefined;
  limits: OrderLimitSettings;
  orderCounts: { today: number; lastMinute: number };
  now: number;
  /** Options' terms by conId beyond the positions' (a roll's new leg): what resting combos' legs are. */
  optionTerms?: ReadonlyMap<number, OptionTerms>;
}

const num = (value: string | number | undefined | null): number => {
  if (value === undefined || value === null || value === '') return Number.NaN;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
};

const summaryValue = (summary: SummaryValues | null, tag: string, currency: string): string | undefined =>
  summary?.get(tag)?.get(currency)?.value;

/** The account as the rules and the ticket see it: the person's override first, then IBKR's AccountType tag. */
export function ticketAccount(
  id: string,
  summary: SummaryValues | null,
  override: AccountOverride | undefined,
): TicketAccount {
  const tag = summary?.get('AccountType')?.values().next().value?.value || null;
  const { kind, kindSource, label } = accountIdentity(tag, override);
  return { id, kind, kindSource, label, ibAccountType: tag };
}

export function limitsFrom(settings: OrderLimitSettings): Limits {
  return {
    ...DEFAULT_LIMITS,
    maxShares: settings.maxShares,
    maxNotionalUsd: settings.maxNotionalUsd,
    priceDeviationPct: settings.priceDeviationPct,
    maxOrdersPerDay: settings.maxOrdersPerDay,
    maxOrdersPerMinute: settings.maxOrdersPerMinute,
  };
}

function secTypeOf(value: string | undefined): SecType | null {
  const parsed = SecTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What the ticket's contract resolved to; throws when the gateway gave a kind of contract the rules do not cover. */
export function instrumentFrom(details: GatewayFacts['details'], quote: MarketQuote | null): Instrument {
  const c = details.contract;
  const secType = secTypeOf(c.secType);
  if (secType === null) throw new AppError('refused', `Gatehouse does not trade ${String(c.secType)} contracts.`);
  const multiplier = num(c.multiplier);
  const instrument: Instrument = {
    conId: num(c.conId),
    symbol: c.symbol ?? '',
    secType,
    currency: c.currency ?? '',
    multiplier: secType === 'STK' || secType === 'CASH' ? 1 : multiplier,
    stockType: details.stockType ?? '',
    shortableShares: quote?.shortableShares ?? null,
  };
  if (secType === 'OPT' || secType === 'FUT') instrument.lastTradeDate = c.lastTradeDateOrContractMonth ?? '';
  if (secType === 'OPT') {
    instrument.strike = num(c.strike);
    if (c.right === 'C' || c.right === 'P') instrument.right = c.right;
    if (details.underConId) instrument.underlyingConId = details.underConId;
  }
  return instrument;
}

export function positionsFor(account: string, positions: readonly GatewayPosition[]): Position[] {
  const out: Position[] = [];
  for (const p of positions) {
    if (p.account !== account || p.pos === 0) continue;
    const secType = secTypeOf(p.contract.secType);
    if (secType === null) continue;
    const position: Position = {
      conId: num(p.contract.conId),
      symbol: p.contract.symbol ?? '',
      secType,
      quantity: num(p.pos),
      multiplier: secType === 'OPT' || secType === 'FUT' ? num(p.contract.multiplier) : 1,
    };
    if (p.contract.right === 'C' || p.contract.right === 'P') position.right = p.contract.right;
    if (p.contract.strike) position.strike = p.contract.strike;
    if (p.contract.lastTradeDateOrContractMonth) position.lastTradeDate = p.contract.lastTradeDateOrContractMonth;
    out.push(position);
  }
  return out;
}

/**
 * Cash per currency from the `$LEDGER:ALL` lines. Settled cash: the ledger's SettledCash where the
 * gateway sends it per currency, else the account's SettledCash tag for the base currency (USD);
 * unknown otherwise (NaN), which the IRA cash rules refuse to guess about.
 */
export function cashFrom(summary: SummaryValues | null): { cash: CashBalance[]; fxRates: Record<string, number> } {
  const fxRates: Record<string, number> = { USD: 1 };
  const currencies = new Set<string>();
  for (const tag of ['CashBalance', 'TotalCashBalance']) {
    for (const currency of summary?.get(tag)?.keys() ?? [])
      if (currency !== 'BASE' && currency !== '') currencies.add(currency);
  }
  const cash: CashBalance[] = [];
  for (const currency of currencies) {
    const total = num(
      summaryValue(summary, 'TotalCashBalance', currency) ?? summaryValue(summary, 'CashBalance', currency),
    );
    const ledgerSettled = summaryValue(summary, 'SettledCash', currency);
    const settled =
      ledgerSettled !== undefined
        ? num(ledgerSettled)
        : currency === 'USD'
          ? num(summaryValue(summary, 'SettledCash', 'USD'))
          : Number.NaN;
    cash.push({ currency, total, settled });
    const rate = num(summaryValue(summary, 'ExchangeRate', currency));
    if (currency !== 'USD' && rate > 0) fxRates[currency] = rate;
  }
  return { cash, fxRates };
}

/** IBKR sends Double.MAX_VALUE for a price it has not set: that is no price. */
const ibPrice = (value: number | undefined) => (value === undefined || value >= 1e300 ? undefined : value);

/**
 * What a working buy may pay per unit: its limit, its stop, or a trailing stop's current trigger (plus
 * the limit offset of a trailing stop limit: IBKR's openOrder carries the trigger as it moves).
 */
function workingBuyPrice(order: GatewayOpenOrder['order']): number | undefined {
  switch (order.orderType) {
    case 'STP':
      return order.auxPrice;
    case 'TRAIL':
      return ibPrice(order.trailStopPrice);
    case 'TRAIL LIMIT':
      return (ibPrice(order.trailStopPrice) ?? Number.NaN) + (order.lmtPriceOffset ?? Number.NaN);
    default:
      return order.lmtPrice;
  }
}

// A pending cancel may still fill, so it still counts.
const WORKING = new Set(['PendingSubmit', 'PreSubmitted', 'Submitted', 'ApiPending', 'PendingCancel']);

/**
 * This account's open orders as the rules count them: sells by contract, and buys' cost in USD (at
 * their limit or stop price; an open market buy has no price to count, so the total is unknown). A combo
 * counts as its legs (combo-pending.ts), whose terms `terms` gives by conId.
 */
export function pendingFrom(
  account: string,
  orders: readonly GatewayOpenOrder[] | null,
  fxRates: Readonly<Record<string, number>>,
  terms: ReadonlyMap<number, OptionTerms> = new Map(),
): {
  pendingBuysUsd: number;
  pendingSells: Record<number, number> | null;
  pendingOptionSales: PendingOptionSale[];
} {
  if (orders === null) return { pendingBuysUsd: Number.NaN, pendingSells: null, pendingOptionSales: [] };
  let pendingBuysUsd = 0;
  const pendingSells: Record<number, number> = {};
  const pendingOptionSales: PendingOptionSale[] = [];
  for (const o of orders) {
    // A what-if answer arrives as an openOrder too; it is not an order.
    if (o.order.account !== account || o.order.whatIf) continue;
    const status = o.orderStatus?.status ?? o.orderState.status ?? '';
    if (!WORKING.has(status)) continue;
    const remaining = o.orderStatus?.remaining ?? num(o.order.totalQuantity) - (o.order.filledQuantity ?? 0);
    const conId = num(o.contract.conId);
    const rate = (o.contract.currency ?? 'USD') === 'USD' ? 1 : (fxRates[o.contract.currency ?? ''] ?? Number.NaN);
    if (o.contract.secType === 'BAG') {
      const combo = comboPending(
        {
          symbol: o.contract.symbol ?? '',
          action: o.order.action ?? '',
          legs: o.contract.comboLegs ?? [],
          remaining,
          netPrice: num(o.order.lmtPrice),
        },
        terms,
      );
      pendingBuysUsd += combo.debit * rate;
      for (const [leg, quantity] of combo.sells) pendingSells[leg] = (pendingSells[leg] ?? 0) + quantity;
      pendingOptionSales.push(...combo.sales);
      continue;
    }
    if (o.order.action === 'SELL') {
      pendingSells[conId] = (pendingSells[conId] ?? 0) + remaining;
      const sale = optionSale(o, remaining);
      if (sale) pendingOptionSales.push(sale);
      continue;
    }
    if (o.contract.secType === 'FUT') continue;
    const price = workingBuyPrice(o.order);
    const multiplier = o.contract.secType === 'OPT' ? num(o.contract.multiplier) : 1;
    pendingBuysUsd += remaining * num(price) * multiplier * rate;
  }
  return { pendingBuysUsd, pendingSells, pendingOptionSales };
}

/** An open option sell, for what it commits of shares or cash; undefined for anything else. */
function optionSale(o: GatewayOpenOrder, remaining: number): PendingOptionSale | undefined {
  const { contract } = o;
  if (contract.secType !== 'OPT' || (contract.right !== 'C' && contract.right !== 'P')) return undefined;
  return {
    conId: num(contract.conId),
    symbol: contract.symbol ?? '',
    right: contract.right,
    strike: num(contract.strike),
    multiplier: num(contract.multiplier),
    quantity: remaining,
  };
}

export function quoteForRules(quote: MarketQuote | null): QuoteUsed | null {
  if (quote === null) return null;
  return {
    bid: quote.bid,
    ask: quote.ask,
    last: quote.last,
    marketDataType: quote.marketDataType,
    receivedAt: quote.updatedAt,
  };
}

/** The what-if as the rules read it; a figure the gateway left out is NaN, so a rule that needs it blocks. */
function whatIfForRules(whatIf: WhatIfFigures | null): RuleContext['whatIf'] {
  if (whatIf === null) return null;
  return {
    initMarginChange: whatIf.initMarginChange ?? Number.NaN,
    maintMarginChange: whatIf.maintMarginChange ?? Number.NaN,
    equityWithLoanAfter: whatIf.equityWithLoanAfter ?? Number.NaN,
    commission: whatIf.commission,
  };
}

/**
 * IBKR's OrderState for a what-if. IBKR sends Double.MAX_VALUE for figures it did not compute; those
 * become null.
 */
export function whatIfFromOrderState(state: Partial<OrderState>): WhatIfFigures {
  const figure = (value: number | string | undefined) => {
    const n = num(value);
    return Number.isFinite(n) && Math.abs(n) < 1e300 ? n : null;
  };
  return {
    commission: figure(state.commission),
    commissionCurrency: state.commissionCurrency || null,
    initMarginChange: figure(state.initMarginChange),
    maintMarginChange: figure(state.maintMarginChange),
    initMarginAfter: figure(state.initMarginAfter),
    maintMarginAfter: figure(state.maintMarginAfter),
    equityWithLoanAfter: figure(state.equityWithLoanAfter),
    warning: state.warningText || null,
  };
}

export function buildRuleContext(inputs: ContextInputs): RuleContext {
  const { ticket, facts, session } = inputs;
  // The summary holds every account; an account it says nothing about has no balances yet.
  const summary = facts.summary !== null && facts.summary.value.size > 0 ? facts.summary : null;
  const { cash, fxRates } = cashFrom(summary?.value ?? null);
  const account = ticketAccount(ticket.account, summary?.value ?? null, inputs.override);
  const terms = optionTerms(facts.positions?.value ?? null, inputs.optionTerms);
  const pending = pendingFrom(ticket.account, facts.openOrders?.value ?? null, fxRates, terms);
  return {
    mode: session.mode,
    liveArmed: session.liveArmed,
    readOnly: session.readOnly,
    account: { id: account.id, kind: account.kind, label: account.label },
    facts: {
      reportedAccounts: session.accounts,
      kindSource: account.kindSource,
      positionsAt: facts.positions?.at ?? null,
      cashAt: summary?.at ?? null,
      openOrdersAt: facts.openOrders?.at ?? null,
      degraded: session.degraded,
    },
    instrument: instrumentFrom(facts.details, facts.quote),
    mlpSymbols: inputs.limits.mlpSymbols,
    quote: quoteForRules(facts.quote),
    now: inputs.now,
    positions: facts.positions === null ? null : positionsFor(ticket.account, facts.positions.value),
    cash: summary === null ? null : cash,
    fxRates,
    pendingBuysUsd: pending.pendingBuysUsd,
    pendingSells: pending.pendingSells,
    pendingOptionSales: pending.pendingOptionSales,
    whatIf: whatIfForRules(facts.whatIf),
    whatIfAnswer: facts.whatIfAnswer,
    limits: limitsFrom(inputs.limits),
    orderCounts: inputs.orderCounts,
  };
}
