import type { Quote } from '../../../../shared/market';
import type { ChainRows, OptionContract } from '../../../../shared/options';

/** One side (call or put) of a strike as the chain grid shows it. */
export interface SideFigures {
  bid: number | null;
  ask: number | null;
  last: number | null;
  iv: number | null;
  delta: number | null;
  theta: number | null;
  openInterest: number | null;
  volume: number | null;
}

/** One strike: calls left, puts right; `c` and `p` are the grid's column paths (`c.bid`, `p.delta`). */
export interface ChainGridRow {
  strike: number;
  atTheMoney: boolean;
  call: OptionContract | null;
  put: OptionContract | null;
  c: SideFigures;
  p: SideFigures;
}

export function sideFigures(quote: Quote | undefined): SideFigures {
  const option = quote?.option;
  return {
    bid: quote?.bid ?? null,
    ask: quote?.ask ?? null,
    last: quote?.last ?? null,
    iv: option?.iv ?? null,
    delta: option?.delta ?? null,
    theta: option?.theta ?? null,
    openInterest: option?.openInterest ?? null,
    volume: option?.optionVolume ?? quote?.volume ?? null,
  };
}

export function chainGridRows(rows: ChainRows, quote: (conId: number) => Quote | undefined): ChainGridRow[] {
  return rows.rows.map((row) => ({
    strike: row.strike,
    atTheMoney: row.strike === rows.atTheMoney,
    call: row.call,
    put: row.put,
    c: sideFigures(row.call ? quote(row.call.conId) : undefined),
    p: sideFigures(row.put ? quote(row.put.conId) : undefined),
  }));
}

/** The grid row each option's quote lands on, and on which side. */
export function rowsByOption(rows: ChainRows): Map<number, { strike: number; side: 'c' | 'p' }> {
  const index = new Map<number, { strike: number; side: 'c' | 'p' }>();
  for (const row of rows.rows) {
    if (row.call) index.set(row.call.conId, { strike: row.strike, side: 'c' });
    if (row.put) index.set(row.put.conId, { strike: row.strike, side: 'p' });
  }
  return index;
}

/** The options of the rows from `first` to `last` (inclusive): what holds a line while in view. */
export function optionsInView(rows: readonly ChainGridRow[], first: number, last: number): number[] {
  return rows
    .slice(Math.max(0, first), last + 1)
    .flatMap((row) => [row.call?.conId, row.put?.conId])
    .filter((conId) => conId !== undefined);
}
