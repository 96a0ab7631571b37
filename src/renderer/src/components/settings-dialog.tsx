import { CredentialsSection } from './credentials-section';
import { GatewayLaunchSection } from './gateway-launch-section';
import { ModalDialog } from './modal-dialog';
import { lazy, Suspense } from 'react';

// Loaded when the dialog opens: nothing of them is needed before the first positions paint.
const NotificationSettingsSection = lazy(() =>
  import('./notifications/notification-settings-section').then((m) => ({ default: m.NotificationSettingsSection })),
);
const HotkeysSection = lazy(() => import('./hotkeys/hotkeys-section').then((m) => ({ default: m.HotkeysSection })));
const LayoutSettingsSection = lazy(() =>
  import('./layout/layout-settings-section').then((m) => ({ default: m.LayoutSettingsSection })),
);

export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <ModalDialog title="Settings" onCancel={onClose} className="settings-dialog">
      <CredentialsSection />
      <GatewayLaunchSection />
      <Suspense>
        <NotificationSettingsSection />
        <HotkeysSection />
        <LayoutSettingsSection />
      </Suspense>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
