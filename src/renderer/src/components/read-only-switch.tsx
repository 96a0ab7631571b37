import { useState } from 'react';
import { report } from '../stores/notice-store';
import { useSessionStore } from '../stores/session-store';

/**
 * Read-only on/off. The box shows the person's choice at once; the session's answer (the new state it
 * returns) replaces it. If the change fails, the box falls back to what the session says, and the failure
 * is reported.
 */
export function ReadOnlySwitch() {
  const readOnly = useSessionStore((s) => s.session?.readOnly ?? false);
  const [pending, setPending] = useState<boolean | null>(null);
  const change = async (next: boolean) => {
    setPending(next);
    const session = await report(window.gatehouse.session.setReadOnly({ readOnly: next }));
    if (session) useSessionStore.setState({ session, error: null });
    setPending(null);
  };
  return (
    <label className="read-only-switch">
      <input type="checkbox" checked={pending ?? readOnly} onChange={(e) => void change(e.target.checked)} />
      Read-only
    </label>
  );
}
