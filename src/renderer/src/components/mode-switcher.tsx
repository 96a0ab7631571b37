import { useState } from 'react';
import type { TradingMode } from '../../../shared/session';
import { report } from '../stores/notice-store';
import { useSessionStore } from '../stores/session-store';
import { ModalDialog } from './modal-dialog';

const MODES: { mode: TradingMode; label: string }[] = [
  { mode: 'demo', label: 'Demo' },
  { mode: 'paper', label: 'Paper' },
  { mode: 'live', label: 'Live' },
];

/** Demo / Paper / Live. Switching to live asks first; live then starts unarmed. */
export function ModeSwitcher() {
  const session = useSessionStore((s) => s.session);
  const [confirmLive, setConfirmLive] = useState(false);
  if (!session) return null;

  const choose = (mode: TradingMode) => {
    if (mode === session.mode) return;
    if (mode === 'live') setConfirmLive(true);
    else void report(window.gatehouse.session.setMode({ mode }));
  };

  return (
    <>
      <div className="mode-switcher" role="radiogroup" aria-label="Trading mode">
        {MODES.map(({ mode, label }) => (
          <label key={mode} className={session.mode === mode ? 'selected' : ''}>
            <input type="radio" name="mode" checked={session.mode === mode} onChange={() => choose(mode)} />
            {label}
          </label>
        ))}
      </div>
      {confirmLive && (
        <ModalDialog title="Switch to live trading?" onCancel={() => setConfirmLive(false)}>
          <p>
            Gatehouse will connect to your live IB Gateway or TWS (port 4001 or 7496, as set in settings). Live starts
            unarmed: no order can be sent until you arm live trading for this session.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirmLive(false)} autoFocus>
              Stay in {session.mode}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmLive(false);
                void report(window.gatehouse.session.setMode({ mode: 'live' }));
              }}
            >
              Switch to live
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
