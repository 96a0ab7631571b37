import type { SessionState, TradingMode } from '../../shared/session';

/** What the tray, the status bar and the IPC layer need from the gateway session. */
export interface SessionSource {
  current(): SessionState;
  /** Called with every new state; returns the function that stops the calls. */
  subscribe(listener: (state: SessionState) => void): () => void;
  reconnect(): Promise<void>;
  setMode(mode: TradingMode): Promise<SessionState>;
  dispose(): Promise<void>;
}

export const initialSessionState = (mode: TradingMode): SessionState => ({
  state: 'disconnected',
  mode,
  readOnly: mode === 'live',
  host: '127.0.0.1',
  port: null,
  serverVersion: null,
  accounts: [],
  heartbeatLatencyMs: null,
  lastHeartbeatAt: null,
  farms: [],
  lastError: null,
  detail: 'Not connected to IB Gateway.',
});
