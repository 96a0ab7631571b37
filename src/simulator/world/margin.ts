import { type AccountKind, type Instrument } from './types';

/** Margin-account rates, Reg T–like as IBKR applies them intraday. */
export const STOCK_LONG_MARGIN = 0.25;
const STOCK_SHORT_MARGIN = 0.3;
/** Short option: premium plus 20 % of the underlying less the out-of-the-money amount, at least 10 %. */
const SHORT_OPTION_BASE = 0.2;
const SHORT_OPTION_FLOOR = 0.1;
/** IRAs carry futures at twice the exchange margin. */
const IRA_FUTURES_FACTOR = 2;

export interface Requirement {
  init: number;
  maint: number;
}

export interface MarginInput {
  instrument: Instrument;
  quantity: number;
  price: number;
  /** Options only: the underlying's price, which short-option margin is a share of. */
  underlyingPrice: number;
}

const NONE: Requirement = { init: 0, maint: 0 };
const both = (amount: number): Requirement => ({ init: amount, maint: amount });

/**
 * The margin one position ties up, in the instrument's currency. An IRA is a cash account: its stock is
 * paid for in full (100 %), its short calls are covered by shares and its short puts secured by cash.
 */
export function requirement(kind: AccountKind, position: MarginInput): Requirement {
  const { instrument, quantity, price } = position;
  const size = Math.abs(quantity);
  const value = size * price * instrument.multiplier;
  switch (instrument.secType) {
    case 'STK':
      if (kind === 'IRA') return both(value);
      return both(value * (quantity > 0 ? STOCK_LONG_MARGIN : STOCK_SHORT_MARGIN));
    case 'OPT':
      // A long option is paid in full and lends nothing, so it neither needs margin nor counts in ELV.
      if (quantity >= 0) return NONE;
      return both(value + shortOptionCushion(kind, position) * size * instrument.multiplier);
    case 'FUT': {
      const factor = kind === 'IRA' ? IRA_FUTURES_FACTOR : 1;
      return {
        init: instrument.initMarginPerUnit * size * factor,
        maint: instrument.maintMarginPerUnit * size * factor,
      };
    }
    case 'CASH':
      return NONE;
  }
}

/**
 * Per share of a short option, on top of its premium. In an IRA a put is secured by its strike in cash and
 * a call by shares, which already carry their own 100 %.
 */
function shortOptionCushion(kind: AccountKind, { instrument, underlyingPrice }: MarginInput): number {
  const { strike, right } = instrument;
  if (kind === 'IRA') return right === 'P' ? strike : 0;
  const outOfMoney = right === 'C' ? Math.max(0, strike - underlyingPrice) : Math.max(0, underlyingPrice - strike);
  const floorBase = right === 'C' ? underlyingPrice : strike;
  return Math.max(SHORT_OPTION_BASE * underlyingPrice - outOfMoney, SHORT_OPTION_FLOOR * floorBase);
}
