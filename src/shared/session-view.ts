import type { ConnectionState, SessionState, TradingMode } from './session';

export type Tone = 'ok' | 'warn' | 'down';

/** How the tray and the status bar put a session into words: one source so they never disagree. */
export interface SessionView {
  stateLabel: string;
  tone: Tone;
  modeLabel: string;
  accountsLabel: string;
  heartbeatLabel: string;
}

const STATE_LABELS: Record<ConnectionState, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  degraded: 'Degraded',
  reconnecting: 'Reconnecting…',
};

const TONES: Record<ConnectionState, Tone> = {
  disconnected: 'down',
  connecting: 'down',
  reconnecting: 'down',
  connected: 'ok',
  degraded: 'warn',
};

export const MODE_LABELS: Record<TradingMode, string> = { demo: 'DEMO', paper: 'PAPER', live: 'LIVE' };

export function describeSession(session: SessionState, now: number): SessionView {
  const n = session.accounts.length;
  return {
    stateLabel: STATE_LABELS[session.state],
    tone: TONES[session.state],
    modeLabel: MODE_LABELS[session.mode] + (session.readOnly ? ' · read-only' : ''),
    accountsLabel: n === 1 ? '1 account' : `${n} accounts`,
    heartbeatLabel:
      session.lastHeartbeatAt === null
        ? 'no heartbeat yet'
        : `heartbeat ${Math.max(0, Math.round((now - session.lastHeartbeatAt) / 1000))} s ago`,
  };
}
