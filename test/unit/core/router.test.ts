import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../src/core/ipc/router';
import { initialSessionState } from '../../../src/core/session/session-source';
import { ipcApi } from '../../../src/shared/api';
import { AppError } from '../../../src/shared/result';

const session = initialSessionState('demo');

/** Every request of the contract, failing loudly if a test reaches one it did not mean to. */
const unused = Object.fromEntries(
  [...Object.keys(ipcApi.requests), ...Object.keys(ipcApi.signals)].map((name) => [
    name,
    () => {
      throw new Error(`${name} is not part of this test`);
    },
  ]),
) as unknown as Handlers;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ...unused,
    'app.info': () => ({ name: 'Gatehouse', version: '1.2.3', shell: 'harness', notices: [] }),
    'session.status': () => session,
    'session.reconnect': () => undefined,
    'session.setMode': ({ mode }) => ({ ...session, mode }),
    'session.armLive': () => ({ ...session, liveArmed: true }),
    'session.disarm': () => session,
    'session.setReadOnly': ({ readOnly }) => ({ ...session, readOnly }),
    ...overrides,
  };
}

describe('router', () => {
  const logError = vi.fn();
  const router = (overrides?: Partial<Handlers>) => createRouter(handlers(overrides), { logError });

  it('answers a valid request with the validated value', async () => {
    expect(await router().call('app.info', undefined)).toEqual({
      ok: true,
      value: { name: 'Gatehouse', version: '1.2.3', shell: 'harness', notices: [] },
    });
  });

  it('passes the parsed input to the handler', async () => {
    const result = await router().call('session.setMode', { mode: 'paper' });
    expect(result.ok && (result.value as { mode: string }).mode).toBe('paper');
  });

  it.each([
    ['a name not in the contract', 'orders.hack', undefined],
    ['a prototype key', 'toString', undefined],
    ['a non-string name', 42, undefined],
  ])('refuses %s as bad_request', async (_label, method, input) => {
    const result = await router().call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it.each([
    ['a wrong enum value', { mode: 'yolo' }, 'mode'],
    ['an extra field', { mode: 'paper', force: true }, '(payload)'],
    ['a missing field', {}, 'mode'],
    ['a string instead of an object', 'paper', '(payload)'],
  ])('refuses %s with field-level issues', async (_label, input, path) => {
    const result = await router().call('session.setMode', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad_request');
    expect(result.error.issues?.some((line) => line.startsWith(path))).toBe(true);
  });

  it('refuses input on a request that takes none', async () => {
    expect(await router().call('session.status', { sneaky: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('turns an AppError into its code and message', async () => {
    const result = await router({
      'session.reconnect': () => {
        throw new AppError('unavailable', 'IB Gateway is not running on port 4002.');
      },
    }).call('session.reconnect', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'IB Gateway is not running on port 4002.' },
    });
  });

  it('hides an unexpected error behind a safe message and logs it', async () => {
    logError.mockClear();
    const secret = 'stack-with-secret-path';
    const result = await router({
      'session.reconnect': async () => {
        throw new Error(secret);
      },
    }).call('session.reconnect', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(logError).toHaveBeenCalledOnce();
  });

  it('refuses to return an answer outside the contract', async () => {
    const result = await router({
      'session.status': () => ({ ...session, state: 'exploded' }) as never,
    }).call('session.status', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});

describe('router signals', () => {
  const logError = vi.fn();
  const router = (overrides?: Partial<Handlers>) => createRouter(handlers(overrides), { logError });

  it('hands a valid signal its parsed input at once', () => {
    const ack = vi.fn();
    expect(router({ 'market.ack': ack }).signal('market.ack', { seq: 4 })).toEqual({ ok: true, value: undefined });
    expect(ack).toHaveBeenCalledWith({ seq: 4 });
  });

  it.each([
    ['a name not in the contract', 'market.yolo', { seq: 1 }],
    ['a request name', 'session.status', undefined],
    ['a non-string name', 7, { seq: 1 }],
    ['a negative seq', 'market.ack', { seq: -1 }],
    ['an extra field', 'market.ack', { seq: 1, more: true }],
    ['no input', 'market.ack', undefined],
  ])('drops %s, logs why and never calls a handler', (_label, name, input) => {
    logError.mockClear();
    const ack = vi.fn();
    const result = router({ 'market.ack': ack }).signal(name, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(ack).not.toHaveBeenCalled();
    expect(logError).toHaveBeenCalledOnce();
  });

  it('logs a handler that throws and does not throw itself', () => {
    logError.mockClear();
    const result = router({
      'market.ack': () => {
        throw new Error('boom');
      },
    }).signal('market.ack', { seq: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logError).toHaveBeenCalledOnce();
  });
});
