import type { SessionState, TradingMode } from '../../shared/session';
import { initialSessionState, type SessionSource } from './session-source';

/**
 * A session that never connects. It reports "not connected" honestly so the shell, tray and UI can
 * be built and tested before the gateway session exists, and stays useful as the source for a
 * deliberately offline start.
 */
export class OfflineSession implements SessionSource {
  private state: SessionState;
  private readonly listeners = new Set<(state: SessionState) => void>();

  constructor(mode: TradingMode = 'demo') {
    this.state = initialSessionState(mode);
  }

  current(): SessionState {
    return this.state;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async reconnect(): Promise<void> {
    this.update({ detail: 'Not connected: this build has no gateway connection yet.' });
  }

  async setMode(mode: TradingMode): Promise<SessionState> {
    this.update({ ...initialSessionState(mode) });
    return this.state;
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
