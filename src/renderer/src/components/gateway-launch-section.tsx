import { useEffect, useState } from 'react';
import type { GatewaySettings } from '../../../shared/api/gateway-settings';
import type { LaunchMode } from '../../../shared/gateway-launch';

/** The optional IB Gateway start through IBC, and how long armed live trading may sit idle. */
export function GatewayLaunchSection() {
  const [draft, setDraft] = useState<GatewaySettings | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void window.gatehouse.gatewaySettings.get().then((result) => {
      if (!current) return;
      if (result.ok) setDraft(result.value);
      else setMessage({ tone: 'error', text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, []);

  if (!draft) {
    return (
      <section className="settings-section" aria-labelledby="gateway-heading">
        <h3 id="gateway-heading">IB Gateway</h3>
        {message ? <p role="alert">{message.text}</p> : <p>Loading…</p>}
      </section>
    );
  }

  const launch = draft.launch;
  const setLaunch = (patch: Partial<GatewaySettings['launch']>) =>
    setDraft({ ...draft, launch: { ...launch, ...patch } });
  const toggleMode = (mode: LaunchMode, on: boolean) =>
    setLaunch({
      modes: on ? [...launch.modes.filter((m) => m !== mode), mode] : launch.modes.filter((m) => m !== mode),
    });
  const save = async () => {
    setBusy(true);
    const result = await window.gatehouse.gatewaySettings.set(draft);
    setBusy(false);
    if (result.ok) {
      setDraft(result.value);
      setMessage({ tone: 'info', text: 'Saved. It applies the next time Gatehouse connects in that mode.' });
    } else {
      setMessage({ tone: 'error', text: [result.error.message, ...(result.error.issues ?? [])].join(' ') });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="gateway-heading">
      <h3 id="gateway-heading">IB Gateway</h3>
      <label className="inline">
        <input type="checkbox" checked={launch.enabled} onChange={(e) => setLaunch({ enabled: e.target.checked })} />
        Start IB Gateway with the stored login
      </label>
      <label>
        IB Gateway folder
        <input
          value={launch.gatewayPath}
          placeholder="~/Jts/ibgateway/1030"
          onChange={(e) => setLaunch({ gatewayPath: e.target.value })}
          spellCheck={false}
        />
      </label>
      <label>
        IBC folder
        <input
          value={launch.ibcPath}
          placeholder="~/ibc"
          onChange={(e) => setLaunch({ ibcPath: e.target.value })}
          spellCheck={false}
        />
      </label>
      <fieldset className="inline-group" aria-label="Start IB Gateway for">
        <legend>Start it for</legend>
        {(['paper', 'live'] as const).map((mode) => (
          <label key={mode} className="inline">
            <input
              type="checkbox"
              checked={launch.modes.includes(mode)}
              onChange={(e) => toggleMode(mode, e.target.checked)}
            />
            {mode === 'paper' ? 'Paper' : 'Live'}
          </label>
        ))}
      </fieldset>
      <label>
        Disarm live trading after this many idle minutes
        <input
          type="number"
          min={1}
          max={480}
          value={draft.liveIdleDisarmMinutes}
          onChange={(e) => setDraft({ ...draft, liveIdleDisarmMinutes: e.target.valueAsNumber })}
        />
      </label>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`settings-${message.tone}`}>
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          Save gateway settings
        </button>
      </div>
    </section>
  );
}
