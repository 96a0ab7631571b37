import './toasts.css';
import { dismissToast, useNotificationStore, type Toast } from '../../stores/notification-store';

/** Fills, cancels, rejections, connection changes and alerts, newest last; a rejection is an alert. */
export function Toasts() {
  const toasts = useNotificationStore((s) => s.toasts);
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastCard key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastCard({ toast }: { toast: Toast }) {
  const urgent = toast.kind === 'rejected' || toast.kind === 'connection-lost';
  return (
    <div className={`toast toast-${toast.kind}`} role={urgent ? 'alert' : 'status'} aria-label={toast.title}>
      <strong>{toast.title}</strong>
      <span>{toast.body}</span>
      <button type="button" onClick={() => dismissToast(toast.id)} aria-label={`Close: ${toast.title}`}>
        Close
      </button>
    </div>
  );
}
