import { useEffect, useState } from 'react';
import { AUDIT_KINDS, type AuditKind } from '../../../../shared/enums';
import type { AuditPage } from '../../../../shared/orders';
import { auditCsv } from '../../export/audit-csv';
import { downloadText } from '../../export/download';
import { useOrderStore } from '../../stores/ticket-store';

/** The audit log, one day at a time, newest first; filtered on the server by account, kind and text. */
export function AuditPanel() {
  const [account, setAccount] = useState('');
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [text, setText] = useState('');
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reload when an order changes, so a new intent or fill shows without a click.
  const version = useOrderStore((s) => s.orders);

  useEffect(() => {
    let stale = false;
    const filter = {
      ...(account ? { account } : {}),
      ...(kind ? { kind } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
    void window.gatehouse.orders.audit({ filter }).then((result) => {
      if (stale) return;
      if (result.ok) {
        setPage(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      stale = true;
    };
  }, [account, kind, text, version]);

  return (
    <section className="panel audit-panel" aria-label="Audit log">
      <h2>Audit log{page?.day ? ` — ${page.day}` : ''}</h2>
      <button
        type="button"
        aria-label="Export audit log to CSV"
        title="Save the records listed (this day, these filters) to a CSV file"
        disabled={!page?.day || page.records.length === 0}
        onClick={() => page?.day && downloadText(`gatehouse-audit-${page.day}.csv`, auditCsv(page.records))}
      >
        CSV
      </button>
      <div className="audit-filters">
        <label>
          Account
          <input value={account} onChange={(e) => setAccount(e.target.value.toUpperCase())} size={10} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as AuditKind | '')}>
            <option value="">All</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text
          <input value={text} onChange={(e) => setText(e.target.value)} type="search" />
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {page && page.damagedLines > 0 && (
        <p className="empty">
          {page.damagedLines} damaged {page.damagedLines === 1 ? 'line was' : 'lines were'} skipped (a record cut short
          by a crash).
        </p>
      )}
      {page && page.records.length === 0 ? (
        <p className="empty">No audit records match.</p>
      ) : (
        <table aria-label="Audit records">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">Account</th>
              <th scope="col">Order</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {page?.records.map((r, i) => (
              <tr key={`${r.at}-${i}`}>
                <td>{r.at.slice(11, 23)}</td>
                <td>{r.kind}</td>
                <td>{r.account ?? ''}</td>
                <td>{r.orderId ?? ''}</td>
                <td>
                  {[
                    r.ibStatus,
                    r.ibCode !== null ? `IB ${r.ibCode}` : null,
                    r.message,
                    r.fill ? `filled ${r.fill.quantity} @ ${r.fill.price}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
