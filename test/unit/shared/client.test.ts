import { describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../src/shared/client';
import { ipcApi } from '../../../src/shared/api';
import { ok } from '../../../src/shared/result';

function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: Transport = {
    call: vi.fn(async (method: string, input: unknown) => ok({ method, input })),
    signal: vi.fn(),
    listen: vi.fn((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }),
  };
  return { transport, listeners };
}

describe('createClient', () => {
  it('exposes one method per contract request and signal, named room.verb, and no other', () => {
    const api = createClient(fakeTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    const names = [...Object.keys(ipcApi.requests), ...Object.keys(ipcApi.signals)];
    for (const name of names) {
      const [room, verb] = name.split('.') as [string, string];
      expect(typeof api[room]?.[verb], name).toBe('function');
    }
    const exposed = Object.entries(api)
      .filter(([room]) => room !== 'on')
      .flatMap(([room, methods]) => Object.keys(methods).map((verb) => `${room}.${verb}`));
    expect(exposed.sort()).toEqual(names.sort());
  });

  it('sends a signal one way: through the transport, with nothing to wait for', () => {
    const { transport } = fakeTransport();
    const api = createClient(transport);
    expect(api.market.ack({ seq: 3 })).toBeUndefined();
    expect(transport.signal).toHaveBeenCalledWith('market.ack', { seq: 3 });
    expect(transport.call).not.toHaveBeenCalled();
  });

  it('sends the full request name and input through the transport', async () => {
    const { transport } = fakeTransport();
    const api = createClient(transport);
    const result = await api.session.setMode({ mode: 'paper' });
    expect(transport.call).toHaveBeenCalledWith('session.setMode', { mode: 'paper' });
    expect(result).toEqual({ ok: true, value: { method: 'session.setMode', input: { mode: 'paper' } } });
  });

  it('subscribes to events and unsubscribes with the returned function', () => {
    const { transport, listeners } = fakeTransport();
    const api = createClient(transport);
    const listener = vi.fn();
    const stop = api.on('session.state', listener);
    listeners.get('session.state')?.({ state: 'connected' });
    stop();
    expect(listener).toHaveBeenCalledWith({ state: 'connected' });
    expect(listeners.has('session.state')).toBe(false);
  });
});
