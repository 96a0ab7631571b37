import type { TradingMode } from '../../shared/session';
import type { AccountKind, KindSource } from '../../shared/enums';
import type { OptionRight, SecType } from '../../shared/ticket';
import type { Limits } from './limits';

/**
 * Everything the rules look at besides the ticket: plain data, gathered by the orders service at
 * preview and again at submit. The rules never fetch anything, read a clock or keep state, so the
 * same ticket and context always give the same checks.
 *
 * Unknown values are null, never a guess; a rule that needs an unknown value fails closed (it blocks
 * or warns and says the figure could not be checked).
 */
export interface RuleContext {
  /** The session's mode. */
  mode: TradingMode;
  /** Live trading armed for this session (always false outside live mode). */
  liveArmed: boolean;
  /** Order entry switched off in settings. */
  readOnly: boolean;
  /** The account the ticket is for. */
  account: RuleAccount;
  /** What the gateway has told the current connection, and when: the facts the rules may not guess. */
  facts: KnownFacts;
  /** The contract as resolved by the gateway (contract details plus tick 236). */
  instrument: Instrument;
  /** The person's MLP/UBTI list (symbols), in addition to contracts whose stockType is 'MLP'. */
  mlpSymbols: readonly string[];
  /** The latest quote for the instrument; null when there is none. */
  quote: Quote | null;
  /** Epoch ms at which the rules are evaluated (to age the quote). */
  now: number;
  /** Positions of this account only; null when the gateway has not sent them on this connection. */
  positions: readonly Position[] | null;
  /** Cash balances of this account only, one per currency; null when not received on this connection. */
  cash: readonly CashBalance[] | null;
  /** US dollars per one unit of each currency; USD is 1. A missing currency means the rate is unknown. */
  fxRates: Readonly<Record<string, number>>;
  /**
   * Cost in USD of this account's open BUY orders that have not filled; it is counted against the
   * account's settled USD cash (the IRA cash checks), since those orders will spend it first. NaN when
   * the open orders are not known.
   */
  pendingBuysUsd: number;
  /** Quantity on this account's open SELL orders, by contract id; null when the open orders are not known. */
  pendingSells: Readonly<Record<number, number>> | null;
  /** This account's open option SELL orders, for what they commit of shares and cash (absent: none known). */
  pendingOptionSales?: readonly PendingOptionSale[];
  /** The gateway's what-if preview of this order; null when there is none (see whatIfAnswer for why). */
  whatIf: WhatIf | null;
  /** How the gateway answered the what-if. */
  whatIfAnswer: WhatIfAnswer;
  limits: Limits;
  /** Orders sent (all accounts): today, and in the last 60 seconds. */
  orderCounts: { today: number; lastMinute: number };
}

/** An open option sell order, as far as covering and securing care. */
export interface PendingOptionSale {
  conId: number;
  /** The underlying's symbol. */
  symbol: string;
  right: OptionRight;
  strike: number;
  multiplier: number;
  /** Contracts still to fill. */
  quantity: number;
  /**
   * Set on the sell leg of a resting combo (a roll) whose other leg buys back a short option of the same
   * right: the cover or cash that closed leg frees when the combo fills, since both legs fill together.
   */
  frees?: { strike: number; multiplier: number; quantity: number };
}

/** An option's terms, as a held position or a roll's contract details name them: what a combo's legs are. */
export interface OptionTerms {
  symbol: string;
  right: OptionRight;
  strike: number;
  multiplier: number;
}

export interface RuleAccount {
  id: string;
  /** Null while IBKR's AccountType has not arrived and the person has set no kind: the order is blocked. */
  kind: AccountKind | null;
  /** What the person calls it, e.g. "Roth IRA"; used in messages. */
  label: string;
}

export interface Instrument {
  conId: number;
  symbol: string;
  secType: SecType;
  currency: string;
  /** 1 for stocks and currency pairs, e.g. 100 for US equity options, 50 for ES. */
  multiplier: number;
  /** IBKR's contract-details stockType: 'COMMON', 'ETF', 'MLP', 'ADR', 'REIT', … ('' when none). */
  stockType: string;
  /** Shares available to borrow (tick 236); null when unknown. */
  shortableShares: number | null;
  strike?: number;
  right?: OptionRight;
  lastTradeDate?: string;
  /** For options: the contract id of the underlying stock. */
  underlyingConId?: number;
}

export type MarketDataType = 'live' | 'frozen' | 'delayed' | 'delayed-frozen';

export interface Quote {
  /** Prices in the instrument's currency; null (or ≤ 0, as IBKR sends -1) when absent. */
  bid: number | null;
  ask: number | null;
  last: number | null;
  marketDataType: MarketDataType;
  /** Epoch ms of the latest update. */
  receivedAt: number;
}

export interface Position {
  conId: number;
  symbol: string;
  secType: SecType;
  /** Signed: negative is short. */
  quantity: number;
  right?: OptionRight;
  strike?: number;
  lastTradeDate?: string;
  multiplier: number;
}

export interface CashBalance {
  currency: string;
  /** Settled cash: what a cash account may spend. */
  settled: number;
  /** Settled plus unsettled. */
  total: number;
}

/** The gateway's what-if preview (IBKR OrderState), in the account's base currency (USD). */
export interface WhatIf {
  initMarginChange: number;
  maintMarginChange: number;
  equityWithLoanAfter: number;
  /** Commission in the order's currency; null when the gateway gave none. */
  commission: number | null;
}

/**
 * Facts about the account and the connection that every rule leans on. Times are epoch ms of the latest
 * answer received on the current connection; null means none has arrived since it was made (after a
 * reconnect, or the socket cycled for a 1101, whatever was known before is stale).
 */
export interface KnownFacts {
  /** The accounts the gateway reported for this login (managedAccounts). */
  reportedAccounts: readonly string[];
  /** Where the account's kind came from; null when neither IBKR's tag nor the person has said. */
  kindSource: KindSource | null;
  positionsAt: number | null;
  /** The account's balances and cash by currency (the account summary and its ledger). */
  cashAt: number | null;
  openOrdersAt: number | null;
  /** The connection is degraded (upstream lost, a farm down, a late heartbeat): old facts may be stale. */
  degraded: boolean;
}

/** The gateway's what-if: answered with figures, refused with IBKR's reason, or not answered in time. */
export type WhatIfAnswer =
  { state: 'answered' } | { state: 'refused'; reason: string } | { state: 'no-answer'; reason: string };
