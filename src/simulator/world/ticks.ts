/**
 * How many ticks make one unit of price. Every minTick in the catalog is 1/n for a whole n, so a price kept
 * as whole ticks and divided by n is the nearest double to its decimal: 23.01, never 23.010000000000002.
 */
export function ticksPerUnit(minTick: number): number {
  return Math.round(1 / minTick);
}

export function roundToTick(price: number, minTick: number): number {
  const perUnit = ticksPerUnit(minTick);
  return Math.round(price * perUnit) / perUnit;
}
