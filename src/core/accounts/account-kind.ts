import type { Account } from '../../shared/accounts';
import { KIND_LABELS, UNKNOWN_KIND_LABEL, type AccountKind, type KindSource } from '../../shared/enums';

/**
 * IBKR's AccountType tag says "IRA" without saying Roth or Traditional: both get the IRA rules, and
 * the person can name the exact kind in settings. A tag that names no IRA and no business is taken as
 * individual. No tag at all (it has not arrived) is no kind: null, which the order rules refuse to
 * rule on (known-facts-rules), never a guess.
 */
export function kindFromAccountType(tag: string | null): AccountKind | null {
  const t = (tag ?? '').trim().toUpperCase();
  if (t === '') return null;
  if (t.includes('ROTH')) return 'roth-ira';
  if (t.includes('IRA')) return 'traditional-ira';
  if (t.includes('CORP') || t.includes('LLC') || t.includes('PARTNERSHIP') || t.includes('TRUST')) return 'business';
  return 'individual';
}

export type AccountIdentity = Pick<Account, 'kind' | 'label' | 'kindOverridden' | 'labelOverridden'> & {
  kindSource: KindSource | null;
};

/**
 * Kind and label: the person's override first, then IBKR's tag. A bare "IRA" tag is ruled as an IRA
 * (traditional-ira) but labelled just "IRA": calling it Traditional would be a guess the label must not make.
 */
export function accountIdentity(
  tag: string | null,
  override: { kind?: AccountKind; label?: string } | undefined,
): AccountIdentity {
  const fromTag = kindFromAccountType(tag);
  const kind = override?.kind ?? fromTag;
  const kindSource: KindSource | null = override?.kind !== undefined ? 'settings' : fromTag !== null ? 'ibkr' : null;
  const guessedIra = kindSource === 'ibkr' && kind === 'traditional-ira' && !/TRAD/i.test(tag ?? '');
  const own = override?.label?.trim();
  const defaultLabel = kind === null ? UNKNOWN_KIND_LABEL : guessedIra ? 'IRA' : KIND_LABELS[kind];
  return {
    kind,
    kindSource,
    label: own || defaultLabel,
    kindOverridden: kindSource === 'settings',
    labelOverridden: Boolean(own),
  };
}
