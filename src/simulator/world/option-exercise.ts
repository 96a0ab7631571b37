import { applyFill, type AccountBook } from './account-book';
import { type Instrument, type SimRejection } from './types';

/**
 * Exercise, lapse and assignment, booked as IBKR books them: the option position closes at zero and the
 * underlying changes hands at the strike, 100 shares a contract, with no commission.
 */

export type ExerciseAction = 'exercise' | 'lapse';

export interface Settlement {
  account: string;
  optionConId: number;
  /** Contracts closed: positive for a long position exercised or lapsed, negative for a short one assigned. */
  contracts: number;
  /** Shares of the underlying bought (positive) or delivered (negative); 0 for a lapse. */
  shares: number;
  strike: number;
}

function processingError(cause: string): SimRejection {
  return { code: 322, message: `Error processing request.-'sim' : cause - ${cause}` };
}

function inTheMoney(option: Instrument, spot: number): boolean {
  return option.right === 'C' ? spot > option.strike : spot < option.strike;
}

/** Closes `contracts` of the option at zero and moves the underlying at the strike. */
function settle(book: AccountBook, option: Instrument, underlying: Instrument, contracts: number, deliver: boolean) {
  applyFill(book, {
    instrument: option,
    action: contracts > 0 ? 'SELL' : 'BUY',
    quantity: Math.abs(contracts),
    price: 0,
    commission: 0,
  });
  if (!deliver) return 0;
  // A call's holder buys the shares, a put's holder sells them; the writer does the opposite.
  const shares = contracts * option.multiplier * (option.right === 'C' ? 1 : -1);
  applyFill(book, {
    instrument: underlying,
    action: shares > 0 ? 'BUY' : 'SELL',
    quantity: Math.abs(shares),
    price: option.strike,
    commission: 0,
  });
  return shares;
}

/**
 * exerciseOptions: the holder exercises or lets lapse `quantity` of a long position. Without `override` an
 * out-of-the-money option does not exercise and an in-the-money one does not lapse, IBKR's natural action.
 */
export function exerciseOption(
  book: AccountBook,
  option: Instrument,
  underlying: Instrument,
  request: { action: ExerciseAction; quantity: number; override: boolean; spot: number },
): { ok: true; settlement: Settlement } | { ok: false; rejection: SimRejection } {
  const { action, quantity, override, spot } = request;
  if (!Number.isInteger(quantity) || quantity <= 0)
    return {
      ok: false,
      rejection: processingError(`The ${action} quantity must be a whole number above 0, not ${quantity}.`),
    };
  const held = book.holdings.get(option.conId)?.quantity ?? 0;
  if (quantity > held)
    return {
      ok: false,
      rejection: processingError(
        `The ${action} quantity ${quantity} exceeds the long position of ${Math.max(0, held)} in ${option.localSymbol}.`,
      ),
    };
  const natural = inTheMoney(option, spot) ? 'exercise' : 'lapse';
  if (action !== natural && !override)
    return {
      ok: false,
      rejection: processingError(
        `${option.localSymbol} is ${natural === 'exercise' ? 'in' : 'out of'} the money: set override to ${action} it.`,
      ),
    };
  const shares = settle(book, option, underlying, quantity, action === 'exercise');
  return {
    ok: true,
    settlement: {
      account: book.info.id,
      optionConId: option.conId,
      contracts: quantity,
      shares,
      strike: option.strike,
    },
  };
}

/** Assignment at expiry: every short position in an in-the-money option (or the one named) is exercised against. */
export function assignShortOptions(
  book: AccountBook,
  shortOptions: readonly { option: Instrument; underlying: Instrument; spot: number }[],
): Settlement[] {
  const settlements: Settlement[] = [];
  for (const { option, underlying, spot } of shortOptions) {
    const held = book.holdings.get(option.conId)?.quantity ?? 0;
    if (held >= 0 || !inTheMoney(option, spot)) continue;
    const shares = settle(book, option, underlying, held, true);
    settlements.push({
      account: book.info.id,
      optionConId: option.conId,
      contracts: held,
      shares,
      strike: option.strike,
    });
  }
  return settlements;
}
