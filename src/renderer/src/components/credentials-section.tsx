import { useEffect, useState } from 'react';
import type { CredentialStatus } from '../../../shared/api/credentials';
import type { LaunchMode } from '../../../shared/gateway-launch';
import type { Result } from '../../../shared/result';

const MODES: { mode: LaunchMode; label: string }[] = [
  { mode: 'paper', label: 'Paper' },
  { mode: 'live', label: 'Live' },
];

/**
 * IB Gateway logins, write-only: the password field starts empty every time and is cleared after a
 * save, because the services never hand a password back. A keychain problem is shown as it is said.
 */
export function CredentialsSection() {
  const [statuses, setStatuses] = useState<CredentialStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void window.gatehouse.credentials.status().then((result) => {
      if (!current) return;
      if (result.ok) setStatuses(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, []);

  const update = (status: CredentialStatus) =>
    setStatuses((all) => [...(all ?? []).filter((s) => s.mode !== status.mode), status]);

  return (
    <section className="settings-section" aria-labelledby="credentials-heading">
      <h3 id="credentials-heading">IB Gateway logins</h3>
      <p className="hint">
        Kept only in your operating system&apos;s keychain. Gatehouse never shows a stored password.
      </p>
      {error && (
        <p role="alert" aria-label="Keychain problem" className="settings-error">
          {error}
        </p>
      )}
      {MODES.map(({ mode, label }) => (
        <CredentialForm
          key={mode}
          mode={mode}
          label={label}
          status={statuses?.find((s) => s.mode === mode) ?? null}
          loading={statuses === null && error === null}
          onStatus={update}
        />
      ))}
    </section>
  );
}

interface CredentialFormProps {
  mode: LaunchMode;
  label: string;
  status: CredentialStatus | null;
  loading: boolean;
  onStatus(status: CredentialStatus): void;
}

function CredentialForm({ mode, label, status, loading, onStatus }: CredentialFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: Promise<Result<CredentialStatus>>) => {
    setBusy(true);
    setError(null);
    const result = await call;
    setBusy(false);
    if (result.ok) onStatus(result.value);
    else setError(result.error.message);
    return result.ok;
  };
  const save = async () => {
    const saved = await run(window.gatehouse.credentials.set({ mode, username: username.trim(), password }));
    setPassword('');
    if (saved) setUsername('');
  };

  return (
    <fieldset className="credential-form" aria-label={`${label} login`}>
      <legend>{label}</legend>
      <p className="credential-status" aria-label={`${label} login status`}>
        {loading ? 'Checking the keychain…' : status?.stored ? `Stored for user ${status.username}` : 'Not stored'}
      </p>
      <label>
        {label} username
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <label>
        {label} password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      {error && (
        <p role="alert" className="settings-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy || username.trim() === '' || password === ''} onClick={() => void save()}>
          Save {label.toLowerCase()} login
        </button>
        <button
          type="button"
          disabled={busy || !status?.stored}
          onClick={() => void run(window.gatehouse.credentials.delete({ mode }))}
        >
          Delete {label.toLowerCase()} login
        </button>
      </div>
    </fieldset>
  );
}
