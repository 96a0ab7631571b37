import type { ChainExpiry, ChainRow, OptionContract, OptionRight } from '../../../../shared/options';
import { formatPrice } from '../../format';

/** The roll dialog's defaults, from the chain: where a short option is rolled to unless the person says otherwise. */

/** The first monthly expiry after the one rolled out of (IBKR lists expiries as YYYYMMDD); null when none is listed. */
export function nextMonthlyAfter(expiries: readonly ChainExpiry[], current: string): string | null {
  const later = expiries.filter((e) => e.kind === 'monthly' && e.expiry > current).map((e) => e.expiry);
  return later.sort()[0] ?? null;
}

/** The option of the right at a strike of the rows, when one is listed there. */
export function listedAt(rows: readonly ChainRow[], right: OptionRight, strike: number): OptionContract | null {
  const row = rows.find((r) => r.strike === strike);
  return (right === 'C' ? row?.call : row?.put) ?? null;
}

/** The same strike when it is listed for the right, else the nearest listed one (the lower on a tie). */
export function nearestListedStrike(rows: readonly ChainRow[], right: OptionRight, strike: number): number | null {
  let best: number | null = null;
  for (const row of rows) {
    if (listedAt(rows, right, row.strike) === null) continue;
    const closer = best === null || Math.abs(row.strike - strike) < Math.abs(best - strike);
    if (closer) best = row.strike;
  }
  return best;
}

/** A leg's market as the roll's dialogs show it: "bid 8.00, ask 8.10", a side with no price as —. */
export function legSidesText(sides: { bid: number | null; ask: number | null } | null): string {
  if (sides === null) return 'no quote yet';
  const price = (value: number | null) => (value === null ? '—' : formatPrice(value, 2));
  return `bid ${price(sides.bid)}, ask ${price(sides.ask)}`;
}
