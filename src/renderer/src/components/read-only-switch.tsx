import { report } from '../stores/notice-store';
import { useSessionStore } from '../stores/session-store';

export function ReadOnlySwitch() {
  const readOnly = useSessionStore((s) => s.session?.readOnly ?? false);
  return (
    <label className="read-only-switch">
      <input
        type="checkbox"
        checked={readOnly}
        onChange={(e) => void report(window.gatehouse.session.setReadOnly({ readOnly: e.target.checked }))}
      />
      Read-only
    </label>
  );
}
