import { describe, expect, it } from 'vitest';
import { initialSessionState } from '../../../src/core/session/session-source';
import { describeSession } from '../../../src/shared/session-view';

describe('describeSession', () => {
  it('marks read-only and counts accounts', () => {
    const view = describeSession({ ...initialSessionState('live'), readOnly: true, accounts: ['U1'] }, 0);
    expect(view).toMatchObject({ modeLabel: 'LIVE · read-only', accountsLabel: '1 account', tone: 'down' });
  });

  it('never reports a negative heartbeat age', () => {
    const view = describeSession({ ...initialSessionState('paper'), lastHeartbeatAt: 5_000 }, 4_000);
    expect(view.heartbeatLabel).toBe('heartbeat 0 s ago');
  });
});
