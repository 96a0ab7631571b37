import './chain.css';
import { useEffect } from 'react';
import type { Account } from '../../../../shared/accounts';
import type { Exposure } from '../../../../shared/greeks-exposure';
import { startHeldGreeks, useHeldGreeksStore } from '../../stores/held-greeks-store';
import { formatSigned } from '../../format';

const shares = (delta: number) => `Δ ${formatSigned(Math.round(delta), 0)} sh`;
const perDay = (theta: number) => `Θ ${formatSigned(theta, 2).replace(/^([+−]?)/, '$1$')}/day`;

function ExposureList({ label, exposures }: { label: string; exposures: Exposure[] }) {
  return (
    <li>
      <span className="greeks-owner">{label}</span>
      {exposures.map((exposure) => (
        <span key={exposure.underlying} className="greeks-exposure">
          <strong>{exposure.underlying}</strong> {shares(exposure.delta)} · {perDay(exposure.thetaPerDay)}
          {exposure.missing > 0 &&
            ` (${exposure.missing} option${exposure.missing === 1 ? '' : 's'} without greeks yet)`}
        </span>
      ))}
    </li>
  );
}

/**
 * Above the positions: for each underlying an option is held on, the delta in shares (stock and options
 * together) and the theta in dollars a day — per account in the per-account view, all together otherwise.
 */
export function GreeksStrip({ accounts, consolidated }: { accounts: Account[]; consolidated: boolean }) {
  useEffect(() => startHeldGreeks(), []);
  const book = useHeldGreeksStore((s) => s.book);
  const options = useHeldGreeksStore((s) => s.options);
  const unwatched = useHeldGreeksStore((s) => s.unwatched);
  if (book === null || options.size === 0) return null;
  const optioned = new Set([...options.values()].map((option) => option.symbol));
  const withOptions = (exposures: Exposure[]) => exposures.filter((exposure) => optioned.has(exposure.underlying));
  const owners = consolidated
    ? [{ label: 'All accounts', exposures: withOptions(book.consolidated) }]
    : accounts.map((account) => ({
        label: `${account.label} ${account.id}`,
        exposures: withOptions(book.accounts.get(account.id) ?? []),
      }));
  return (
    <ul className="greeks-strip" aria-label="Portfolio greeks">
      {owners
        .filter((owner) => owner.exposures.length > 0)
        .map((owner) => (
          <ExposureList key={owner.label} label={owner.label} exposures={owner.exposures} />
        ))}
      {unwatched > 0 && <li role="alert">{unwatched} held options have no quote line: market data lines are full.</li>}
    </ul>
  );
}
