import type { SessionState, TradingMode } from '../../shared/session';

/** What the tray, the status bar and the IPC layer need from the gateway session. */
export interface SessionSource {
  current(): SessionState;
  /** Called with every new state; returns the function that stops the calls. */
  subscribe(listener: (state: SessionState) => void): () => void;
  reconnect(): Promise<void>;
  setMode(mode: TradingMode): Promise<SessionState>;
  setReadOnly(readOnly: boolean): SessionState;
  armLive(confirmation: string): SessionState;
  disarm(): SessionState;
  dispose(): Promise<void>;
}

export const initialSessionState = (mode: TradingMode): SessionState => ({
  state: 'disconnected',
  mode,
  readOnly: false,
  host: '127.0.0.1',
  port: null,
  serverVersion: null,
  clientId: null,
  accounts: [],
  heartbeatLatencyMs: null,
  lastHeartbeatAt: null,
  farms: [],
  lastError: null,
  liveArmed: false,
  tradingBlockedReason: 'Not connected to IB Gateway.',
  detail: 'Not connected to IB Gateway.',
});
