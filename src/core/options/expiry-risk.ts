import type { PositionRow } from '../../shared/accounts';
import { daysToExpiry, EXPIRY_FLAG_DAYS } from '../../shared/expiry-days';
import type { Notice } from '../notifications/notification-mapping';

/**
 * Assignment risk: a short option within five days of expiry that is in the money (or whose underlying price
 * is not known here, so it cannot be ruled out) may be assigned, as IBKR's exercise at expiry would do. Pure:
 * the price of each underlying comes from the caller.
 */

export interface AssignmentRisk {
  account: string;
  conId: number;
  description: string;
  symbol: string;
  right: 'C' | 'P';
  strike: number;
  /** Contracts short (positive). */
  contracts: number;
  expiry: string;
  days: number;
  /** The underlying's price, or null when none is known. */
  underlying: number | null;
}

/** Short options near expiry that are in the money, or whose underlying price is unknown. */
export function assignmentRisks(
  rows: readonly PositionRow[],
  priceOf: (symbol: string) => number | null,
  now: number,
): AssignmentRisk[] {
  const risks: AssignmentRisk[] = [];
  for (const row of rows) {
    const { right, strike, expiry } = row;
    if (row.secType !== 'OPT' || row.quantity >= 0 || !right || strike === undefined || !expiry) continue;
    const days = daysToExpiry(expiry, now);
    if (days === null || days < 0 || days > EXPIRY_FLAG_DAYS) continue;
    const underlying = priceOf(row.symbol);
    const inTheMoney = underlying === null || (right === 'C' ? underlying > strike : underlying < strike);
    if (!inTheMoney) continue;
    const { account, conId, description, symbol } = row;
    risks.push({
      account,
      conId,
      description,
      symbol,
      right,
      strike,
      contracts: -row.quantity,
      expiry,
      days,
      underlying,
    });
  }
  return risks;
}

const when = (days: number) => (days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`);

/** What the person is told: what may be assigned, when, and what assignment would do to the account. */
export function assignmentNotice(risk: AssignmentRisk): Notice {
  const shares = risk.contracts * 100;
  const outcome =
    risk.right === 'C'
      ? `assignment would sell ${shares} ${risk.symbol} at ${risk.strike}`
      : `assignment would buy ${shares} ${risk.symbol} at ${risk.strike}`;
  const where =
    risk.underlying === null
      ? `${risk.symbol}'s price is not known here, so it may be in the money`
      : `${risk.symbol} is at ${risk.underlying.toFixed(2)}, in the money`;
  return {
    kind: 'alert',
    title: `Assignment risk: short ${risk.contracts} ${risk.description} in ${risk.account}`,
    body: `Expires ${when(risk.days)}; ${where}; ${outcome}.`,
  };
}
