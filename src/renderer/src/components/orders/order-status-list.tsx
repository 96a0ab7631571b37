import type { OrderPhase } from '../../../../shared/orders';
import { openTicket, useOrderStore } from '../../stores/ticket-store';

const PHASE_LABELS: Record<OrderPhase, string> = {
  sending: 'Sending',
  working: 'Working',
  held: 'Held (waits for parent)',
  filled: 'Filled',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
  invalid: 'Invalid',
};

/** The orders sent from this window and what the gateway last said about each. */
export function OrderStatusList() {
  const orders = Object.values(useOrderStore((s) => s.orders)).sort((a, b) => b.submittedAt - a.submittedAt);
  return (
    <section className="panel order-status" aria-label="Order status">
      <h2>
        Orders sent{' '}
        <button type="button" onClick={() => openTicket()} title="F2 or Ctrl+T">
          New order (F2)
        </button>
      </h2>
      {orders.length === 0 ? (
        <p className="empty">No orders sent from this window yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">Filled</th>
              <th scope="col">Gateway says</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.orderId} aria-label={`Order ${o.orderId}`}>
                <td>{o.orderId}</td>
                <td>{o.words}</td>
                <td className={`phase-${o.phase}`}>
                  {PHASE_LABELS[o.phase]}
                  {o.ibStatus && o.ibStatus !== PHASE_LABELS[o.phase] ? ` (${o.ibStatus})` : ''}
                </td>
                <td>
                  {o.filled} / {o.filled + o.remaining}
                  {o.avgFillPrice !== null ? ` @ ${o.avgFillPrice}` : ''}
                </td>
                <td>{o.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
