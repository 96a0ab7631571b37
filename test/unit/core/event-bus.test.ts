import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/core/ipc/event-bus';
import { initialSessionState } from '../../../src/core/session/session-source';

describe('EventBus', () => {
  it('delivers a valid event to every subscriber until they unsubscribe', () => {
    const bus = new EventBus(vi.fn());
    const a = vi.fn();
    const b = vi.fn();
    const stopA = bus.subscribe(a);
    bus.subscribe(b);
    bus.publish('session.state', initialSessionState('paper'));
    stopA();
    bus.publish('session.state', initialSessionState('live'));
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(b.mock.calls[1]?.[1]).toMatchObject({ mode: 'live' });
  });

  it('drops and logs an event outside the contract', () => {
    const logError = vi.fn();
    const bus = new EventBus(logError);
    const listener = vi.fn();
    bus.subscribe(listener);
    bus.publish('session.state', { ...initialSessionState('demo'), accounts: 'DU1' } as never);
    expect(listener).not.toHaveBeenCalled();
    expect(logError).toHaveBeenCalledOnce();
  });
});
