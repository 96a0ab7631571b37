import type { SessionState, TradingMode } from '../../shared/session';
import { describeSession, type Tone } from '../../shared/session-view';

export type TrayIconState = 'connected' | 'degraded' | 'down';
const ICON_STATES: Record<Tone, TrayIconState> = { ok: 'connected', warn: 'degraded', down: 'down' };

export type TrayAction = 'show' | 'reconnect' | 'quit' | 'toggle-read-only' | 'kill-switch' | { mode: TradingMode };

export type TrayMenuItem =
  | {
      kind: 'action';
      label: string;
      action: TrayAction;
      /** radio: one of the modes; checkbox: an on/off switch. */
      toggle?: { type: 'radio' | 'checkbox'; checked: boolean };
      /** Ask before doing it (switching to live). */
      confirm?: string;
      enabled: boolean;
    }
  | { kind: 'separator' };

export interface TrayModel {
  /** File name under resources/tray/, without the size suffix. */
  icon: `${TrayIconState}-${TradingMode}`;
  tooltip: string;
  menu: TrayMenuItem[];
}

const MODES: { mode: TradingMode; label: string }[] = [
  { mode: 'demo', label: 'Demo (built-in simulator)' },
  { mode: 'paper', label: 'Paper' },
  { mode: 'live', label: 'Live…' },
];

/** What the tray shows for a session: Electron only draws it, so it is tested without Electron. */
export function trayModel(session: SessionState, now: number): TrayModel {
  const view = describeSession(session, now);
  return {
    icon: `${ICON_STATES[view.tone]}-${session.mode}`,
    tooltip: `Gatehouse — ${view.modeLabel} — ${view.stateLabel}\n${view.accountsLabel}, ${view.heartbeatLabel}`,
    menu: [
      { kind: 'action', label: 'Show window', action: 'show', enabled: true },
      { kind: 'action', label: 'Reconnect', action: 'reconnect', enabled: true },
      { kind: 'separator' },
      ...MODES.map(({ mode, label }): TrayMenuItem => ({
        kind: 'action',
        label,
        action: { mode },
        toggle: { type: 'radio', checked: session.mode === mode },
        ...(mode === 'live' && session.mode !== 'live'
          ? {
              confirm:
                'Switch to live trading? Gatehouse will connect to your live gateway. Live starts unarmed: no order is sent until you arm it in the window.',
            }
          : {}),
        enabled: true,
      })),
      {
        kind: 'action',
        label: 'Read-only',
        action: 'toggle-read-only',
        toggle: { type: 'checkbox', checked: session.readOnly },
        enabled: true,
      },
      { kind: 'separator' },
      {
        kind: 'action',
        label: 'Cancel all orders and disarm',
        action: 'kill-switch',
        confirm:
          'Cancel every open order in every account and refuse new orders until you re-arm order entry in the window?',
        enabled: true,
      },
      { kind: 'separator' },
      { kind: 'action', label: 'Quit Gatehouse', action: 'quit', enabled: true },
    ],
  };
}
