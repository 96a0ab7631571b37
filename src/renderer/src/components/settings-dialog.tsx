import { CredentialsSection } from './credentials-section';
import { GatewayLaunchSection } from './gateway-launch-section';
import { ModalDialog } from './modal-dialog';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <ModalDialog title="Settings" onCancel={onClose} className="settings-dialog">
      <CredentialsSection />
      <GatewayLaunchSection />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
