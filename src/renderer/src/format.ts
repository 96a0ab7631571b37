import type { Listing } from '../../shared/market';

/**
 * How the window writes numbers, in one place: grid figures with thousands separators and "—" for
 * unknown, prices at the precision the instrument trades in, sizes compact when they run to millions.
 */

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** "12,345.60"; "—" when unknown. */
export const formatMoney = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : MONEY.format(value);

/** "12,345.60 USD" (no currency when none is given); `unknown` when there is no figure. */
export function formatAmount(value: number | null, currency: string | null, unknown = '—'): string {
  return value === null ? unknown : `${MONEY.format(value)}${currency ? ` ${currency}` : ''}`;
}

/** "1,500", "2.5"; "—" when unknown. */
export const formatQuantity = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : QUANTITY.format(value);

/** "12.34 %"; "—" when unknown. */
export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${value.toFixed(2)} %`;

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

/** "Dec 18 2026": an expiry as people say it. */
export function formatExpiry(expiry: string): string {
  const date = new Date(Date.UTC(Number(expiry.slice(0, 4)), Number(expiry.slice(4, 6)) - 1, Number(expiry.slice(6))));
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
