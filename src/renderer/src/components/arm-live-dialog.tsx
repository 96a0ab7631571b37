import { useState } from 'react';
import { report } from '../stores/notice-store';
import { ModalDialog } from './modal-dialog';

/** Arming live trading takes typing the word, so no stray click or Enter can do it. */
export function ArmLiveDialog({ onClose }: { onClose(): void }) {
  const [typed, setTyped] = useState('');
  const arm = async () => {
    if (await report(window.gatehouse.session.armLive({ confirmation: typed }))) onClose();
  };
  return (
    <ModalDialog title="Arm live trading" onCancel={onClose}>
      <p>
        Orders from Gatehouse will go to your <strong>live</strong> accounts and use real money until you disarm or
        quit.
      </p>
      <label>
        Type LIVE to arm live trading
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={typed !== 'LIVE'} onClick={() => void arm()}>
          Arm live trading
        </button>
      </div>
    </ModalDialog>
  );
}
