import { type PriceWalk } from './price-walk';
import { type Instrument } from './types';

/** How the world prices holdings: marks in the instrument's currency, and a rate into USD for each currency. */
export interface Valuer {
  instrument(conId: number): Instrument;
  mark(conId: number): number;
  usdPer(currency: string): number;
}

/**
 * Marks at the last trade and converts at the FX pair's midpoint. Every currency the books hold needs a
 * pair against USD in the catalog; a missing one is a catalog bug and throws.
 */
export function createValuer(instruments: ReadonlyMap<number, Instrument>, walk: PriceWalk): Valuer {
  const pairs = new Map<string, { conId: number; inverted: boolean }>();
  for (const instrument of instruments.values()) {
    if (instrument.secType !== 'CASH') continue;
    if (instrument.currency === 'USD') pairs.set(instrument.symbol, { conId: instrument.conId, inverted: false });
    else if (instrument.symbol === 'USD') pairs.set(instrument.currency, { conId: instrument.conId, inverted: true });
  }
  return {
    instrument(conId) {
      const instrument = instruments.get(conId);
      if (!instrument) throw new Error(`No instrument with conId ${conId}`);
      return instrument;
    },
    mark: (conId) => walk.quote(conId).last,
    usdPer(currency) {
      if (currency === 'USD') return 1;
      const pair = pairs.get(currency);
      if (!pair) throw new Error(`No ${currency}/USD pair to value ${currency} with`);
      const mid = walk.mid(pair.conId);
      return pair.inverted ? 1 / mid : mid;
    },
  };
}
