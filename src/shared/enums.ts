/**
 * The closed sets of words that the schemas check and the window offers, as plain constants. The window
 * needs only these, never a schema: validation is the services' job, and the schema library is code the
 * window would otherwise compile and run before its first positions could be painted.
 */

export const ACCOUNT_KINDS = ['roth-ira', 'traditional-ira', 'individual', 'business'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const KIND_LABELS: Record<AccountKind, string> = {
  'roth-ira': 'Roth IRA',
  'traditional-ira': 'Traditional IRA',
  individual: 'Individual',
  business: 'Business',
};

/** Where an account's kind came from: IBKR's AccountType tag, or the person's setting. */
export const KIND_SOURCES = ['ibkr', 'settings'] as const;
export type KindSource = (typeof KIND_SOURCES)[number];

/** The badge of an account whose AccountType has not arrived and whose kind the person has not set. */
export const UNKNOWN_KIND_LABEL = 'Type not yet known';

/**
 * IRAs (Roth and Traditional) are cash accounts with IBKR's IRA restrictions (DESIGN.md §4). An unknown
 * kind (null) is not an IRA here; whoever rules on an order blocks it until the kind is known.
 */
export function isIra(kind: AccountKind | null): boolean {
  return kind === 'roth-ira' || kind === 'traditional-ira';
}

export const ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL', 'TRAIL LIMIT'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** How an allocation sizes each account's child order. */
export const ALLOCATION_MODES = ['same', 'split-net-liq', 'percent-net-liq', 'per-account', 'risk'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];

/** IBKR's Adaptive algo priorities (algoStrategy "Adaptive", algoParams adaptivePriority). */
export const ADAPTIVE_PRIORITIES = ['Patient', 'Normal', 'Urgent'] as const;
export type AdaptivePriority = (typeof ADAPTIVE_PRIORITIES)[number];

export const TIMES_IN_FORCE = ['DAY', 'GTC'] as const;
export type TimeInForce = (typeof TIMES_IN_FORCE)[number];

export const CHART_RANGE_NAMES = ['1D', '5D', '1M', '6M', '1Y'] as const;
export type ChartRange = (typeof CHART_RANGE_NAMES)[number];

export const AUDIT_KINDS = [
  'preview',
  'submit-intent',
  /** A change to a working order (same order id), written before the placeOrder that carries it. */
  'modify-intent',
  'submit-refused',
  'sent',
  'status',
  'fill',
  'rejected',
  'gateway-message',
  'cancelled',
  'cancel-request',
  'kill-switch',
  'rearm',
  'reconciled',
  /** The gateway said nothing about an order for the watchdog's time: nothing is re-sent. */
  'no-answer',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Whether `value` is one of `words`, narrowing it to that set. */
export function isOneOf<W extends string>(words: readonly W[], value: string): value is W {
  return (words as readonly string[]).includes(value);
}
