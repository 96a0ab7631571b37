/**
 * How near a dated contract is to its last trading day, for the positions grid's expiry flag and the
 * assignment-risk notice. Calendar days between UTC dates, so the count does not drift with the hour.
 */

/** A position this many days or fewer from its expiry is flagged (the "within 5 days"). */
export const EXPIRY_FLAG_DAYS = 5;

/** Whole calendar days from `now`'s date to the expiry (YYYYMMDD): 0 on the day, negative after; null when unreadable. */
export function daysToExpiry(expiry: string | undefined, now: number): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(expiry ?? '');
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const today = new Date(now);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.UTC(year, month - 1, day) - start) / 86_400_000);
}

/** The flag's words, or null when the position is not near its expiry: "Expires today", "Expires in 3 days". */
export function expiryFlag(expiry: string | undefined, now: number): string | null {
  const days = daysToExpiry(expiry, now);
  if (days === null || days > EXPIRY_FLAG_DAYS) return null;
  if (days < 0) return 'Expired';
  if (days === 0) return 'Expires today';
  return `Expires in ${days} day${days === 1 ? '' : 's'}`;
}
