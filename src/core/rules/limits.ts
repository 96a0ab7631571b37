/**
 * The person's trading limits. Every field is configurable; DEFAULT_LIMITS are the values a new
 * install starts with. Percentages are in percent (5 means 5 %), money in US dollars.
 */
export interface Limits {
  /** Largest stock or ETF order, in shares. Above it: block. */
  maxShares: number;
  /** Largest option order, in contracts. Above it: block. */
  maxOptionContracts: number;
  /** Largest futures order, in contracts. Above it: block. */
  maxFutureContracts: number;
  /** Largest currency (CASH) order, in units of the base currency. Above it: block. */
  maxFxUnits: number;
  /** Largest order value in USD (price × quantity × multiplier, converted at fxRates). Above it: block. */
  maxNotionalUsd: number;
  /** A limit or stop price further than this from the mid (or last) draws a warning. */
  priceDeviationPct: number;
  /**
   * IBKR's own price collar: a stock limit buy this far above the ask (or a sell this far below the
   * bid) is rejected by IBKR, so Gatehouse blocks it first and says why.
   */
  ibkrBboCollarPct: number;
  /** Orders sent today (all accounts) at which further orders are refused. */
  maxOrdersPerDay: number;
  /** Orders sent in the last 60 s at which further orders are refused; stops runaway loops and double clicks. */
  maxOrdersPerMinute: number;
  /**
   * While the connection is degraded, positions, balances and open orders last received longer ago than
   * this are not ruled on: the order is blocked until the connection recovers or they arrive again.
   */
  maxFactAgeDegradedMs: number;
  /** A quote older than this is stale: market and stop orders block, others warn. */
  staleQuoteMs: number;
  /** Buffer over the ask when costing a market or stop buy (slippage allowance) for the cash checks. */
  mktBufferPct: number;
  /** Shortable shares at or below this count as hard to borrow: warn. */
  hardToBorrowShares: number;
  /**
   * Commission estimate when the gateway's what-if gives none; IBKR Pro fixed-rate schedule. It is
   * taken as an amount in the order's currency: an estimate for the cash checks, not a bill.
   */
  commission: {
    /** Per share for stocks and ETFs. */
    perShare: number;
    /** Per contract for options. */
    perOptionContract: number;
    /** Per contract for futures. */
    perFutureContract: number;
    /** Minimum per stock or option order. */
    minimum: number;
    /** Cap for stock orders, in percent of the order value. */
    maxPctOfValue: number;
    /** Currency orders: percent of the order value … */
    fxPctOfValue: number;
    /** … with this minimum. */
    fxMinimum: number;
  };
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxShares: 1_000,
  maxOptionContracts: 50,
  maxFutureContracts: 10,
  maxFxUnits: 250_000,
  maxNotionalUsd: 250_000,
  priceDeviationPct: 5,
  ibkrBboCollarPct: 10,
  maxOrdersPerDay: 50,
  maxOrdersPerMinute: 5,
  maxFactAgeDegradedMs: 60_000,
  staleQuoteMs: 15_000,
  mktBufferPct: 1,
  hardToBorrowShares: 1_000,
  commission: Object.freeze({
    perShare: 0.005,
    perOptionContract: 0.65,
    perFutureContract: 0.85,
    minimum: 1,
    maxPctOfValue: 1,
    fxPctOfValue: 0.002,
    fxMinimum: 2,
  }),
});
