import { useEffect, useState } from 'react';
import { useHotkeyStore } from '../../stores/hotkey-store';
import { useNoticeStore } from '../../stores/notice-store';
import { engageKillSwitch, rearm, useOrderStore } from '../../stores/ticket-store';
import { ModalDialog } from '../modal-dialog';

/** The header's kill switch: confirm, then cancel everything and hold new orders until re-armed. */
export function KillSwitchButton() {
  const engaged = useOrderStore((s) => s.killSwitch?.engaged ?? false);
  const [asking, setAsking] = useState<'kill' | 'rearm' | null>(null);
  // The shortcut asks the same question as the button: nothing is cancelled from a key press alone.
  useEffect(
    () =>
      useHotkeyStore.subscribe((now, before) => {
        if (now.killAsked !== before.killAsked && !useOrderStore.getState().killSwitch?.engaged) setAsking('kill');
      }),
    [],
  );
  return (
    <>
      {engaged ? (
        <button type="button" onClick={() => setAsking('rearm')}>
          Re-arm order entry…
        </button>
      ) : (
        <button type="button" className="danger" onClick={() => setAsking('kill')}>
          Kill switch
        </button>
      )}
      {asking === 'kill' && <KillDialog onClose={() => setAsking(null)} />}
      {asking === 'rearm' && <RearmDialog onClose={() => setAsking(null)} />}
    </>
  );
}

function KillDialog({ onClose }: { onClose(): void }) {
  const pull = async () => {
    const error = await engageKillSwitch();
    if (error) useNoticeStore.getState().push('error', error.message);
    onClose();
  };
  return (
    <ModalDialog title="Cancel all orders and disarm?" onCancel={onClose}>
      <p>
        Every open order in every account is cancelled (including orders placed elsewhere), live trading is disarmed,
        and no new order is sent until you re-arm order entry.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Keep orders
        </button>
        <button type="button" className="danger" onClick={() => void pull()}>
          Cancel all orders and disarm
        </button>
      </div>
    </ModalDialog>
  );
}

function RearmDialog({ onClose }: { onClose(): void }) {
  const [typed, setTyped] = useState('');
  const go = async () => {
    if ((await rearm(typed)) === null) onClose();
  };
  return (
    <ModalDialog title="Re-arm order entry" onCancel={onClose}>
      <p>The kill switch holds every new order back. Re-arming lets orders be previewed and sent again.</p>
      <label>
        Type REARM to re-arm order entry
        <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" disabled={typed !== 'REARM'} onClick={() => void go()}>
          Re-arm
        </button>
      </div>
    </ModalDialog>
  );
}

/** While the kill switch holds orders back, the window says so. */
export function KillSwitchBanner() {
  const state = useOrderStore((s) => s.killSwitch);
  if (!state?.engaged) return null;
  return (
    <div role="alert" aria-label="Kill switch" className="banner banner-danger">
      {state.detail}
    </div>
  );
}
