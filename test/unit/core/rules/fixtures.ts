import {
  DEFAULT_LIMITS,
  evaluateRules,
  type Instrument,
  type Limits,
  type RuleContext,
} from '../../../../src/core/rules';
import type { KnownFacts, RuleAccount } from '../../../../src/core/rules/rule-context';
import { OrderTicketSchema, type Check, type OrderTicket, type OrderTicketInput } from '../../../../src/shared/ticket';

/** A small world for rule tests: each case states only what matters and inherits the rest. */

export const NOW = 1_750_000_000_000;

export const ROTH: RuleAccount = { id: 'DU1000001', kind: 'roth-ira', label: 'Roth IRA' };
export const TRAD_IRA: RuleAccount = { id: 'DU1000004', kind: 'traditional-ira', label: 'Traditional IRA' };
export const INDIVIDUAL: RuleAccount = { id: 'DU1000002', kind: 'individual', label: 'Individual' };
export const BUSINESS: RuleAccount = { id: 'DU1000003', kind: 'business', label: 'THK Enterprises' };

export const AAPL_CONID = 265598;

export const AAPL: Instrument = {
  conId: AAPL_CONID,
  symbol: 'AAPL',
  secType: 'STK',
  currency: 'USD',
  multiplier: 1,
  stockType: 'COMMON',
  shortableShares: 50_000_000,
};
export const SAP: Instrument = { ...AAPL, conId: 14204, symbol: 'SAP', currency: 'EUR' };
export const EPD: Instrument = { ...AAPL, conId: 4389, symbol: 'EPD', stockType: 'MLP' };
export const AAPL_CALL: Instrument = {
  conId: 700_001,
  symbol: 'AAPL',
  secType: 'OPT',
  currency: 'USD',
  multiplier: 100,
  stockType: '',
  shortableShares: null,
  strike: 150,
  right: 'C',
  lastTradeDate: '20251219',
  underlyingConId: AAPL_CONID,
};
export const AAPL_PUT: Instrument = { ...AAPL_CALL, conId: 700_002, right: 'P' };
export const ES: Instrument = {
  conId: 495_512_563,
  symbol: 'ES',
  secType: 'FUT',
  currency: 'USD',
  multiplier: 50,
  stockType: '',
  shortableShares: null,
  lastTradeDate: '20251219',
};
export const EURUSD: Instrument = {
  conId: 12_087_792,
  symbol: 'EUR',
  secType: 'CASH',
  currency: 'USD',
  multiplier: 1,
  stockType: '',
  shortableShares: null,
};

/** A live quote one second old: bid/ask around `mid`. */
export const quoteAround = (mid: number, spread = 0.2): NonNullable<RuleContext['quote']> => ({
  bid: mid - spread / 2,
  ask: mid + spread / 2,
  last: mid,
  marketDataType: 'live',
  receivedAt: NOW - 1_000,
});

export type TicketSpec = Partial<Omit<OrderTicketInput, 'contract' | 'account'>>;

export interface Spec {
  account?: RuleAccount;
  instrument?: Instrument;
  ticket?: TicketSpec;
  ctx?: Partial<Omit<RuleContext, 'account' | 'instrument' | 'limits' | 'facts'>>;
  /** What the gateway has sent; unless told, everything arrived a second ago on a healthy connection. */
  facts?: Partial<KnownFacts>;
  limits?: Partial<Limits>;
}

/** The ticket for a spec: the account's id, the instrument's contract, a 100-lot limit buy at 150 unless told. */
export function ticketFor(spec: Spec = {}): OrderTicket {
  const account = spec.account ?? INDIVIDUAL;
  const inst = spec.instrument ?? AAPL;
  const contract: OrderTicketInput['contract'] = {
    symbol: inst.symbol,
    secType: inst.secType,
    currency: inst.currency,
    conId: inst.conId,
    ...(inst.secType === 'OPT' ? { strike: inst.strike, right: inst.right, lastTradeDate: inst.lastTradeDate } : {}),
    ...(inst.secType === 'FUT' ? { lastTradeDate: inst.lastTradeDate?.slice(0, 6) } : {}),
  };
  const input: OrderTicketInput = {
    account: account.id,
    contract,
    action: 'BUY',
    quantity: 100,
    orderType: 'LMT',
    limitPrice: 150,
    tif: 'DAY',
    ...spec.ticket,
  };
  // Drop prices that the spec set to undefined (e.g. a MKT order), then parse: fixtures must be valid.
  const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return OrderTicketSchema.parse(cleaned);
}

/** The accounts the fixture login reports (managedAccounts). */
export const REPORTED = [ROTH, TRAD_IRA, INDIVIDUAL, BUSINESS].map((a) => a.id);

/** The context for a spec: paper mode, everything healthy, $100,000 settled USD, no positions. */
export function contextFor(spec: Spec = {}): RuleContext {
  const instrument = spec.instrument ?? AAPL;
  return {
    mode: 'paper',
    liveArmed: false,
    readOnly: false,
    account: spec.account ?? INDIVIDUAL,
    facts: {
      reportedAccounts: REPORTED,
      kindSource: 'ibkr',
      positionsAt: NOW - 1_000,
      cashAt: NOW - 1_000,
      openOrdersAt: NOW - 1_000,
      degraded: false,
      ...spec.facts,
    },
    instrument,
    mlpSymbols: [],
    quote: quoteAround(150),
    now: NOW,
    positions: [],
    cash: [{ currency: 'USD', settled: 100_000, total: 100_000 }],
    fxRates: { USD: 1, EUR: 1.1 },
    pendingBuysUsd: 0,
    pendingSells: {},
    whatIf: null,
    whatIfAnswer: { state: 'answered' },
    orderCounts: { today: 0, lastMinute: 0 },
    ...spec.ctx,
    limits: { ...DEFAULT_LIMITS, ...spec.limits },
  };
}

export function checksFor(spec: Spec = {}): Check[] {
  return evaluateRules(ticketFor(spec), contextFor(spec));
}

/** The one check with this id, or undefined when the rule did not apply; fails if there are two. */
export function checkFor(spec: Spec, id: string): Check | undefined {
  const found = checksFor(spec).filter((c) => c.id === id);
  if (found.length > 1) throw new Error(`rule ${id} yielded ${found.length} checks`);
  return found[0];
}

export const outcomeOf = (spec: Spec, id: string) => checkFor(spec, id)?.outcome;

/** Position rows for this account. */
export const position = (inst: Instrument, quantity: number) => ({
  conId: inst.conId,
  symbol: inst.symbol,
  secType: inst.secType,
  quantity,
  multiplier: inst.multiplier,
  ...(inst.right ? { right: inst.right } : {}),
  ...(inst.strike !== undefined ? { strike: inst.strike } : {}),
  ...(inst.lastTradeDate ? { lastTradeDate: inst.lastTradeDate } : {}),
});

export const usd = (settled: number, total = settled) => ({ currency: 'USD', settled, total });
