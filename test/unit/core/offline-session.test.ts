import { describe, expect, it, vi } from 'vitest';
import { OfflineSession } from '../../../src/core/session/offline-session';

describe('OfflineSession', () => {
  it('reports not connected, never connected, whatever is asked', async () => {
    const session = new OfflineSession('demo');
    const seen = vi.fn();
    session.subscribe(seen);
    await session.reconnect();
    const afterMode = await session.setMode('paper');
    expect(afterMode).toMatchObject({ state: 'disconnected', mode: 'paper', accounts: [] });
    expect(seen.mock.calls.every(([s]) => s.state === 'disconnected')).toBe(true);
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('refuses trading, unarmed, in live mode', async () => {
    const live = await new OfflineSession('demo').setMode('live');
    expect(live).toMatchObject({ liveArmed: false, tradingBlockedReason: expect.any(String) });
  });
});
