import { useEffect, useState } from 'react';
import { DEFAULT_HOTKEYS, HOTKEY_ACTIONS, HOTKEY_LABELS, type HotkeySettings } from '../../../../shared/hotkeys';
import { useHotkeyStore } from '../../stores/hotkey-store';

/** The configurable shortcuts; the services refuse a clash or a key that would type into fields. */
export function HotkeysSection() {
  const saved = useHotkeyStore((s) => s.keys);
  const [draft, setDraft] = useState<HotkeySettings>(saved ?? DEFAULT_HOTKEYS);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  useEffect(() => {
    if (useHotkeyStore.getState().keys !== null) return;
    void window.gatehouse.hotkeys.get().then((result) => {
      if (!result.ok) return;
      useHotkeyStore.setState({ keys: result.value });
      setDraft(result.value);
    });
  }, []);
  const save = async () => {
    const result = await window.gatehouse.hotkeys.set(draft);
    if (result.ok) {
      useHotkeyStore.setState({ keys: result.value });
      setMessage({ tone: 'info', text: 'Saved.' });
    } else {
      setMessage({ tone: 'error', text: [result.error.message, ...(result.error.issues ?? [])].join(' ') });
    }
  };
  return (
    <section className="settings-section" aria-labelledby="hotkeys-heading">
      <h3 id="hotkeys-heading">Keyboard shortcuts</h3>
      {HOTKEY_ACTIONS.map((action) => (
        <label key={action}>
          {HOTKEY_LABELS[action]}
          <input value={draft[action]} onChange={(e) => setDraft({ ...draft, [action]: e.target.value })} />
        </label>
      ))}
      <button type="button" onClick={() => void save()}>
        Save shortcuts
      </button>
      {message && <p role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
