import { describe, expect, it } from 'vitest';
import { initialSessionState } from '../../../src/core/session/session-source';
import { trayModel } from '../../../src/core/session/tray-model';
import type { ConnectionState, TradingMode } from '../../../src/shared/session';

const at = (state: ConnectionState, mode: TradingMode) => ({ ...initialSessionState(mode), state });

describe('trayModel', () => {
  it.each([
    ['connected', 'paper', 'connected-paper'],
    ['connected', 'live', 'connected-live'],
    ['degraded', 'paper', 'degraded-paper'],
    ['reconnecting', 'live', 'down-live'],
    ['disconnected', 'demo', 'down-demo'],
    ['connecting', 'paper', 'down-paper'],
  ] as const)('%s in %s mode shows %s', (state, mode, icon) => {
    expect(trayModel(at(state, mode), 0).icon).toBe(icon);
  });

  it('says mode, state, accounts and heartbeat age in the tooltip', () => {
    const session = { ...at('connected', 'paper'), accounts: ['DU1', 'DU2', 'DU3'], lastHeartbeatAt: 10_000 };
    expect(trayModel(session, 14_000).tooltip).toBe('Gatehouse — PAPER — Connected\n3 accounts, heartbeat 4 s ago');
  });

  it('checks the current mode in the menu and offers show, reconnect, read-only and quit', () => {
    const menu = trayModel({ ...at('disconnected', 'live'), readOnly: true }, 0).menu;
    const labels = menu.flatMap((item) => (item.kind === 'action' ? [item.label] : []));
    expect(labels).toEqual([
      'Show window',
      'Reconnect',
      'Demo (built-in simulator)',
      'Paper',
      'Live…',
      'Read-only',
      'Cancel all orders and disarm',
      'Quit Gatehouse',
    ]);
    const checked = menu.flatMap((item) => (item.kind === 'action' && item.toggle?.checked ? [item.label] : []));
    expect(checked).toEqual(['Live…', 'Read-only']);
  });

  it('asks before switching to live, not before leaving it', () => {
    const live = (mode: TradingMode) =>
      trayModel(at('connected', mode), 0).menu.find((i) => i.kind === 'action' && i.label === 'Live…');
    expect(live('paper')).toMatchObject({ confirm: expect.stringContaining('unarmed') });
    expect(live('live')).not.toHaveProperty('confirm');
  });

  it('offers the kill switch in every state, and asks before pulling it', () => {
    for (const state of ['connected', 'disconnected'] as const) {
      const item = trayModel(at(state, 'live'), 0).menu.find((i) => i.kind === 'action' && i.action === 'kill-switch');
      expect(item).toMatchObject({
        label: 'Cancel all orders and disarm',
        enabled: true,
        confirm: expect.stringContaining('Cancel every open order in every account'),
      });
    }
  });
});
