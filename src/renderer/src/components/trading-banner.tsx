import { useState } from 'react';
import { checkAccountsMatchMode } from '../../../shared/mode-guard';
import { report } from '../stores/notice-store';
import { useSessionStore } from '../stores/session-store';
import { ArmLiveDialog } from './arm-live-dialog';

/** Says, while connected, why orders are refused — or that live trading is armed. */
export function TradingBanner() {
  const session = useSessionStore((s) => s.session);
  const [arming, setArming] = useState(false);
  if (!session || (session.state !== 'connected' && session.state !== 'degraded')) return null;

  if (session.liveArmed) {
    return (
      <div className="trading-banner live-armed" role="alert" aria-label="Trading status">
        <strong>LIVE trading is armed.</strong> Orders use real money.
        <button type="button" onClick={() => void report(window.gatehouse.session.disarm())}>
          Disarm
        </button>
      </div>
    );
  }
  if (!session.tradingBlockedReason) return null;
  // Offer arming only when it is the one thing missing: a mismatched gateway must not be armed.
  const canArm = session.mode === 'live' && !session.readOnly && checkAccountsMatchMode('live', session.accounts).ok;
  return (
    <div className="trading-banner blocked" role="alert" aria-label="Trading status">
      <strong>Trading is off.</strong> {session.tradingBlockedReason}
      {canArm && (
        <button type="button" onClick={() => setArming(true)}>
          Arm live trading…
        </button>
      )}
      {arming && <ArmLiveDialog onClose={() => setArming(false)} />}
    </div>
  );
}
