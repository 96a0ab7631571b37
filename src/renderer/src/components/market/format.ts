import type { Listing, MarketDataType } from '../../../../shared/market';

/** How the watchlist writes numbers: prices at the precision the instrument trades in, sizes in whole units. */

const DATA_TYPE_LABEL: Record<MarketDataType, string> = {
  live: 'Live',
  delayed: 'Delayed',
  frozen: 'Frozen',
  'delayed-frozen': 'Delayed frozen',
};

export function marketDataLabel(type: MarketDataType | null): string {
  return type === null ? '—' : DATA_TYPE_LABEL[type];
}

/** FX quotes in pips need five decimals; everything else here trades in cents or coarser. */
export function priceDecimals(secType: Listing['secType']): number {
  return secType === 'CASH' ? 5 : 2;
}

export function formatPrice(value: number | null, decimals: number): string {
  return value === null ? '' : value.toFixed(decimals);
}

export function formatSigned(value: number | null, decimals: number, suffix = ''): string {
  if (value === null) return '';
  const text = Math.abs(value).toFixed(decimals);
  const sign = value > 0 ? '+' : value < 0 && Number(text) !== 0 ? '−' : '';
  return `${sign}${text}${suffix}`;
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** FX sizes run to millions: those go compact so the column stays narrow. */
export function formatSize(value: number | null): string {
  if (value === null) return '';
  return value >= 1_000_000 ? COMPACT.format(value) : WHOLE.format(value);
}

export function formatVolume(value: number | null): string {
  if (value === null) return '';
  return value >= 100_000 ? COMPACT.format(value) : WHOLE.format(value);
}

/** "188.20–191.75": the day's low to high, as the quote's low (tick 7) and high (tick 6) say. */
export function dayRange({
  low,
  high,
  decimals,
}: {
  low: number | null;
  high: number | null;
  decimals: number;
}): string {
  if (low === null || high === null) return '—';
  return `${formatPrice(low, decimals)}–${formatPrice(high, decimals)}`;
}
