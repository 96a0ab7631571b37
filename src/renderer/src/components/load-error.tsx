/** A load that failed says what failed and offers to try again, rather than waiting forever. */
export function LoadError({ label, message, onRetry }: { label: string; message: string; onRetry(): void }) {
  return (
    <div role="alert" aria-label={label} className="load-error">
      <span>{message}</span>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
