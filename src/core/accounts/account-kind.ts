import type { Account } from '../../shared/accounts';
import { KIND_LABELS, type AccountKind } from '../../shared/enums';

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

export type AccountIdentity = Pick<Account, 'kind' | 'label' | 'kindOverridden' | 'labelOverridden'>;

/**
 * Kind and label: the person's override first, then IBKR's tag. A bare "IRA" tag is ruled as an IRA
 * (traditional-ira) but labelled just "IRA": calling it Traditional would be a guess the label must not make.
 */
export function accountIdentity(
  tag: string | null,
  override: { kind?: AccountKind; label?: string } | undefined,
): AccountIdentity {
  const kind = override?.kind ?? kindFromAccountType(tag);
  const guessedIra = override?.kind === undefined && kind === 'traditional-ira' && !/TRAD/i.test(tag ?? '');
  const own = override?.label?.trim();
  return {
    kind,
    label: own || (guessedIra ? 'IRA' : KIND_LABELS[kind]),
    kindOverridden: override?.kind !== undefined,
    labelOverridden: Boolean(own),
  };
}
