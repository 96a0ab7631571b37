import { useState } from 'react';
import type { Check } from '../../../../shared/ticket';

/** The warnings a confirmation's person has acknowledged, by check id, and the box that ticks or clears one. */
export function useAcknowledged(): [ReadonlySet<string>, (id: string, on: boolean) => void] {
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const acknowledge = (id: string, on: boolean) => setAcknowledged((current) => toggled(current, id, on));
  return [acknowledged, acknowledge];
}

/** A set with `id` added (on) or taken out. */
export function toggled<T>(set: ReadonlySet<T> | undefined, id: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * One order's checks in a confirmation table: what is not a plain pass, each warning with its own
 * acknowledgement box, and how many checks passed. `shownWhenPassing` keeps a passing check in view whose
 * sentence the person decides on (what covers or secures an option).
 */
export function CheckList({
  label,
  checks,
  acknowledged,
  onAcknowledge,
  locked,
  shownWhenPassing,
}: {
  label: string;
  checks: readonly Check[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge(id: string, on: boolean): void;
  locked: boolean;
  shownWhenPassing?: (check: Check) => boolean;
}) {
  const notable = checks.filter((c) => c.outcome !== 'pass' || (shownWhenPassing?.(c) ?? false));
  const passing = checks.filter((c) => c.outcome === 'pass').length;
  return (
    <>
      <ul className="checks" aria-label={label}>
        {notable.map((check) => (
          <li key={check.id} className={`check check-${check.outcome}`}>
            <strong>{check.rule}</strong>: {check.message}
            {check.outcome === 'warn' && (
              <label className="inline acknowledge">
                <input
                  type="checkbox"
                  checked={acknowledged.has(check.id)}
                  disabled={locked}
                  onChange={(e) => onAcknowledge(check.id, e.target.checked)}
                />
                Acknowledge: {check.rule}
              </label>
            )}
          </li>
        ))}
      </ul>
      <p className="checks-passed">{passing} checks pass</p>
    </>
  );
}
