import { mixSeed, mulberry32 } from './random';
import { ticksPerUnit } from './ticks';
import { type Quote } from './types';

/**
 * A few levels of depth each side, built around the live touch: level 0 is the quote's bid (ask) and size,
 * deeper levels one minTick apart with sizes drawn from the price and the touch, so the book moves with the
 * walk. SMART depth names a venue per row, as IBKR's aggregated book does.
 */

/** More rows than this are not modelled; IBKR itself answers with what it has. */
export const MAX_DEPTH_ROWS = 10;
const SMART_VENUES = ['NASDAQ', 'ARCA', 'BATS', 'EDGX', 'IEX', 'NYSE', 'MEMX'] as const;
const MAX_DEPTH_LOTS = 40;

export interface DepthRow {
  price: number;
  size: number;
  /** The venue (SMART depth) or '' (a single exchange's book). */
  marketMaker: string;
}

export interface DepthBook {
  bids: DepthRow[];
  asks: DepthRow[];
}

export interface DepthShape {
  conId: number;
  minTick: number;
  /** Sizes come in these lots (100 shares, 1 contract). */
  lot: number;
  rows: number;
  smart: boolean;
}

export function depthBook(shape: DepthShape, quote: Readonly<Quote>): DepthBook {
  const perUnit = ticksPerUnit(shape.minTick);
  const rows = Math.min(shape.rows, MAX_DEPTH_ROWS);
  const side = (touch: number, touchSize: number, direction: 1 | -1): DepthRow[] => {
    const touchTicks = Math.round(touch * perUnit);
    const levels: DepthRow[] = [];
    for (let level = 0; level < rows; level += 1) {
      const ticks = touchTicks + direction * level;
      if (ticks < 1) break;
      const random = mulberry32(mixSeed(shape.conId, ticks, touchSize, direction));
      const size = level === 0 ? touchSize : shape.lot * (1 + Math.floor(random() * MAX_DEPTH_LOTS));
      const venue = shape.smart ? (SMART_VENUES[Math.floor(random() * SMART_VENUES.length)] ?? '') : '';
      levels.push({ price: ticks / perUnit, size, marketMaker: venue });
    }
    return levels;
  };
  return { bids: side(quote.bid, quote.bidSize, -1), asks: side(quote.ask, quote.askSize, 1) };
}

/** 0 insert, 1 update, 2 delete, at a position of one side. */
export interface DepthChange {
  operation: 0 | 1 | 2;
  position: number;
  row: DepthRow;
}

/**
 * The operations that turn one side's rows into the next, in the order a client applies them: rows whose
 * price left the book are deleted (deepest first), new prices are inserted where they belong and rows that
 * stayed but changed size or venue are updated. Applying them in order to `before` gives `after`.
 */
export function depthChanges(before: readonly DepthRow[], after: readonly DepthRow[]): DepthChange[] {
  const changes: DepthChange[] = [];
  const kept = new Set(after.map((row) => row.price));
  const current = [...before];
  for (let position = current.length - 1; position >= 0; position -= 1) {
    const row = current[position] as DepthRow;
    if (kept.has(row.price)) continue;
    changes.push({ operation: 2, position, row });
    current.splice(position, 1);
  }
  after.forEach((row, position) => {
    const there = current[position];
    if (there?.price !== row.price) {
      changes.push({ operation: 0, position, row });
      current.splice(position, 0, row);
    } else if (there.size !== row.size || there.marketMaker !== row.marketMaker) {
      changes.push({ operation: 1, position, row });
      current[position] = row;
    }
  });
  return changes;
}
