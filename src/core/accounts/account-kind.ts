import type { AccountKind } from '../../shared/ticket';

export const KIND_LABELS: Record<AccountKind, string> = {
  'roth-ira': 'Roth IRA',
  'traditional-ira': 'Traditional IRA',
  individual: 'Individual',
  business: 'Business',
};

/**
 * IBKR's AccountType tag says "IRA" without saying Roth or Traditional: both get the IRA rules, and
 * the person can name the exact kind in settings. A tag that names no IRA and no business is taken as
 * individual; the orders service refuses orders for an account whose tag has not arrived at all.
 */
export function kindFromAccountType(tag: string | null): AccountKind {
  const t = (tag ?? '').toUpperCase();
  if (t.includes('ROTH')) return 'roth-ira';
  if (t.includes('IRA')) return 'traditional-ira';
  if (t.includes('CORP') || t.includes('LLC') || t.includes('PARTNERSHIP') || t.includes('TRUST')) return 'business';
  return 'individual';
}
