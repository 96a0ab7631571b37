import type { ChainExpiry } from '../../../../shared/options';
import { formatExpiry } from '../../format';

/** A chain's expiries as people say them, each marked monthly or weekly. */
export function ExpirySelect({
  expiries,
  value,
  onChoose,
}: {
  expiries: readonly ChainExpiry[];
  value: string | null;
  onChoose(expiry: string): void;
}) {
  return (
    <select value={value ?? ''} onChange={(event) => onChoose(event.target.value)} disabled={expiries.length === 0}>
      {expiries.map((entry) => (
        <option key={entry.expiry} value={entry.expiry}>
          {formatExpiry(entry.expiry)} · {entry.kind}
        </option>
      ))}
    </select>
  );
}
