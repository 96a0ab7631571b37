import { type AccountBook, type Holding } from './account-book';
import { type Valuer } from './valuer';
import { type Instrument, type PnL, type PnLSingle, type Position } from './types';

interface Figures {
  price: number;
  value: number;
  unrealized: number;
  daily: number;
}

/** One holding's value and P&L in its instrument's currency. */
function figures(held: Holding, instrument: Instrument, valuer: Valuer): Figures {
  const price = valuer.mark(instrument.conId);
  const value = held.quantity * price * instrument.multiplier;
  return { price, value, unrealized: value - held.quantity * held.avgCost, daily: value - held.dayBasis };
}

/** Open positions, figures in the instrument's currency as IBKR's portfolio updates report them. */
export function positionsOf(book: AccountBook, valuer: Valuer): Position[] {
  const positions: Position[] = [];
  for (const [conId, held] of book.holdings) {
    if (held.quantity === 0) continue;
    const { price, value, unrealized } = figures(held, valuer.instrument(conId), valuer);
    positions.push({
      account: book.info.id,
      conId,
      quantity: held.quantity,
      avgCost: held.avgCost,
      marketPrice: price,
      marketValue: value,
      unrealizedPnl: unrealized,
      realizedPnl: held.realized,
    });
  }
  return positions;
}

/** reqPnL: the whole account in USD. Positions closed today still count for daily and realized P&L. */
export function pnlOf(book: AccountBook, valuer: Valuer): PnL {
  const total: PnL = { daily: 0, unrealized: 0, realized: 0 };
  for (const conId of book.holdings.keys()) {
    const single = pnlSingleOf(book, conId, valuer);
    if (!single) continue;
    total.daily += single.daily;
    total.unrealized += single.unrealized;
    total.realized += single.realized;
  }
  return total;
}

/** reqPnLSingle, in USD; undefined when the account has neither held nor traded the instrument today. */
export function pnlSingleOf(book: AccountBook, conId: number, valuer: Valuer): PnLSingle | undefined {
  const held = book.holdings.get(conId);
  if (!held) return undefined;
  const instrument = valuer.instrument(conId);
  const fx = valuer.usdPer(instrument.currency);
  const { value, unrealized, daily } = figures(held, instrument, valuer);
  return {
    position: held.quantity,
    value: value * fx,
    daily: daily * fx,
    unrealized: unrealized * fx,
    realized: held.realized * fx,
  };
}
