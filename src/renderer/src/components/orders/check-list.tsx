import type { Check } from '../../../../shared/ticket';

/**
 * One order's checks in a confirmation table: what is not a plain pass, each warning with its own
 * acknowledgement box, and how many checks passed.
 */
export function CheckList({
  label,
  checks,
  acknowledged,
  onAcknowledge,
  locked,
}: {
  label: string;
  checks: readonly Check[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge(id: string, on: boolean): void;
  locked: boolean;
}) {
  const notable = checks.filter((c) => c.outcome !== 'pass');
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
      <p className="checks-passed">{checks.length - notable.length} checks pass</p>
    </>
  );
}
