import type { SessionState, TradingMode } from '../../shared/session';
import { describeSession, type Tone } from '../../shared/session-view';

export type TrayIconState = 'connected' | 'degraded' | 'down';
const ICON_STATES: Record<Tone, TrayIconState> = { ok: 'connected', warn: 'degraded', down: 'down' };

export type TrayAction = 'show' | 'reconnect' | 'quit' | { mode: TradingMode };

export type TrayMenuItem =
  { kind: 'action'; label: string; action: TrayAction; checked?: boolean; enabled: boolean } | { kind: 'separator' };

export interface TrayModel {
  /** File name under resources/tray/, without the size suffix. */
  icon: `${TrayIconState}-${TradingMode}`;
  tooltip: string;
  menu: TrayMenuItem[];
}

const MODES: { mode: TradingMode; label: string }[] = [
  { mode: 'demo', label: 'Demo (built-in simulator)' },
  { mode: 'paper', label: 'Paper' },
  { mode: 'live', label: 'Live' },
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
        checked: session.mode === mode,
        enabled: true,
      })),
      { kind: 'separator' },
      { kind: 'action', label: 'Quit Gatehouse', action: 'quit', enabled: true },
    ],
  };
}
