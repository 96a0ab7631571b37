import { type AccountInfo, type Instrument, type OrderAction } from './types';

export interface CashLine {
  total: number;
  settled: number;
}

/** What an account holds of one instrument. Amounts are in the instrument's currency. */
export interface Holding {
  quantity: number;
  /** Per unit, multiplier and commissions included, as IBKR reports it. */
  avgCost: number;
  realized: number;
  /**
   * What today's P&L is measured against: the position at the previous close plus today's trades at their
   * prices and commissions. Daily P&L = market value − dayBasis.
   */
  dayBasis: number;
}

export interface AccountBook {
  info: AccountInfo;
  cash: Map<string, CashLine>;
  holdings: Map<number, Holding>;
}

export interface Fill {
  instrument: Instrument;
  action: OrderAction;
  quantity: number;
  price: number;
  commission: number;
}

export function cashLine(book: AccountBook, currency: string): CashLine {
  let line = book.cash.get(currency);
  if (!line) {
    line = { total: 0, settled: 0 };
    book.cash.set(currency, line);
  }
  return line;
}

export function holding(book: AccountBook, conId: number): Holding {
  let held = book.holdings.get(conId);
  if (!held) {
    held = { quantity: 0, avgCost: 0, realized: 0, dayBasis: 0 };
    book.holdings.set(conId, held);
  }
  return held;
}

export function cloneBook(book: AccountBook): AccountBook {
  return {
    info: book.info,
    cash: new Map([...book.cash].map(([currency, line]) => [currency, { ...line }])),
    holdings: new Map([...book.holdings].map(([conId, held]) => [conId, { ...held }])),
  };
}

/**
 * Books one execution: position, average cost, realized P&L and cash. Returns the P&L this fill realized,
 * net of commissions (the opening one rides in the average cost), in the instrument's currency.
 */
export function applyFill(book: AccountBook, fill: Fill): number {
  const { instrument, quantity, price, commission } = fill;
  const signed = fill.action === 'BUY' ? quantity : -quantity;
  if (instrument.secType === 'CASH') {
    convert(book, instrument, signed, price, commission);
    return 0;
  }
  const unitCost = price * instrument.multiplier;
  const realized = bookPosition(holding(book, instrument.conId), signed, unitCost, commission);
  const line = cashLine(book, instrument.currency);
  if (instrument.secType === 'FUT') {
    // No notional changes hands for a future; its P&L reaches cash when realized, and variation margin
    // settles daily, so it is settled cash at once. The opening commission arrives with that P&L.
    line.total += realized;
    line.settled += realized;
  } else if (signed > 0) {
    line.total -= signed * unitCost + commission;
    line.settled -= signed * unitCost + commission;
  } else {
    // Sale proceeds settle T+1: they count in total cash but cannot fund a cash account's buy until then.
    line.total += -signed * unitCost - commission;
  }
  return realized;
}

export function settle(book: AccountBook): void {
  for (const line of book.cash.values()) line.settled = line.total;
}

function bookPosition(held: Holding, signed: number, unitCost: number, commission: number): number {
  const size = Math.abs(signed);
  const closing = held.quantity * signed < 0 ? Math.min(size, Math.abs(held.quantity)) : 0;
  const opening = size - closing;
  const commissionPerUnit = commission / size;
  const realized = closing * (Math.sign(held.quantity) * (unitCost - held.avgCost) - commissionPerUnit);
  if (opening > 0) {
    // A fill that closes and then reverses leaves nothing of the old position to average with.
    const kept = closing > 0 ? 0 : Math.abs(held.quantity);
    const openingCost = unitCost + Math.sign(signed) * commissionPerUnit;
    held.avgCost = (kept * held.avgCost + opening * openingCost) / (kept + opening);
  }
  held.quantity += signed;
  if (held.quantity === 0) held.avgCost = 0;
  held.realized += realized;
  held.dayBasis += signed * unitCost + commission;
  return realized;
}

/**
 * An IDEALPRO conversion moves cash between currencies and leaves no position. Both legs count as settled
 * at once, so an IRA can convert and then buy in the new currency — the "convert first" path.
 */
function convert(book: AccountBook, pair: Instrument, signed: number, price: number, commission: number): void {
  const base = cashLine(book, pair.symbol);
  const quote = cashLine(book, pair.currency);
  const quoteDelta = -signed * price - commission;
  base.total += signed;
  base.settled += signed;
  quote.total += quoteDelta;
  quote.settled += quoteDelta;
}
