import { useEffect } from 'react';
import type { NotificationKind, NotificationSettings } from '../../../../shared/notifications';
import { report } from '../../stores/notice-store';
import { saveNotificationSettings, useNotificationStore } from '../../stores/notification-store';

const KIND_LABELS: Record<NotificationKind, string> = {
  fill: 'Fills',
  'partial-fill': 'Partial fills',
  rejected: 'Rejections',
  cancelled: 'Cancels',
  'connection-lost': 'Connection lost',
  'connection-restored': 'Connection restored',
  alert: 'Price alerts',
};

/** Which notifications show, whether the OS shows them too, and the fill sound; each change saves at once. */
export function NotificationSettingsSection() {
  const settings = useNotificationStore((s) => s.settings);
  useEffect(() => {
    if (settings !== null) return;
    void report(window.gatehouse.notifications.settings()).then((loaded) => {
      if (loaded) useNotificationStore.setState({ settings: loaded });
    });
  }, [settings]);
  if (settings === null) return null;
  const save = (next: NotificationSettings) => void saveNotificationSettings(next);
  return (
    <section className="settings-section" aria-labelledby="notifications-heading">
      <h3 id="notifications-heading">Notifications</h3>
      {(Object.keys(KIND_LABELS) as NotificationKind[]).map((kind) => (
        <label className="inline" key={kind}>
          <input
            type="checkbox"
            checked={settings.kinds[kind]}
            onChange={(e) => save({ ...settings, kinds: { ...settings.kinds, [kind]: e.target.checked } })}
          />
          {KIND_LABELS[kind]}
        </label>
      ))}
      <label className="inline">
        <input type="checkbox" checked={settings.os} onChange={(e) => save({ ...settings, os: e.target.checked })} />
        Also as system notifications
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={settings.fillSound}
          onChange={(e) => save({ ...settings, fillSound: e.target.checked })}
        />
        Sound on fills
      </label>
    </section>
  );
}
