import { describe, expect, it } from 'vitest';
import { explainDrop, UPSTREAM_LOSS_WINDOW_MS, type DropContext } from '../../../../src/core/gateway/drop-explanation';

const NOW = 10_000_000;
const base: DropContext = {
  host: '127.0.0.1',
  port: 4002,
  wasUp: true,
  droppedSinceUp: false,
  lastError: null,
  now: NOW,
};

describe('explainDrop', () => {
  it('an up socket closing on its own is a lost connection', () => {
    expect(explainDrop(base)).toBe('The connection to 127.0.0.1:4002 was lost.');
  });

  it('a close soon after 1100 (or 2110) is explained as the daily restart', () => {
    for (const ibCode of [1100, 2110]) {
      const lastError = { ibCode, message: 'lost', at: NOW - UPSTREAM_LOSS_WINDOW_MS };
      expect(explainDrop({ ...base, lastError })).toMatch(
        /^IB Gateway closed the connection right after losing IBKR: most likely IB Gateway's daily restart \(or its auto-logoff\)\. Gatehouse keeps trying and reconnects when it is back\.$/,
      );
    }
  });

  it('an old 1100, or another code, does not make a close a restart', () => {
    const old = { ibCode: 1100, message: 'lost', at: NOW - UPSTREAM_LOSS_WINDOW_MS - 1 };
    expect(explainDrop({ ...base, lastError: old })).toBe('The connection to 127.0.0.1:4002 was lost.');
    const farm = { ibCode: 2103, message: 'farm', at: NOW };
    expect(explainDrop({ ...base, lastError: farm })).toBe('The connection to 127.0.0.1:4002 was lost.');
  });

  it('a refused reconnect after a close is the restart; a refused first connect is a setup problem', () => {
    expect(explainDrop({ ...base, wasUp: false, droppedSinceUp: true })).toMatch(
      /^IB Gateway at 127\.0\.0\.1:4002 closed the connection and is not accepting new ones yet: most likely IB Gateway's daily restart/,
    );
    expect(explainDrop({ ...base, wasUp: false })).toBe(
      'Could not connect to 127.0.0.1:4002: is IB Gateway running there with the API enabled?',
    );
  });
});
