import type { Transport } from '../../shared/client';
import {
  HARNESS_API_PATH,
  HARNESS_PROTOCOL,
  TOKEN_PROTOCOL_PREFIX,
  type CallFrame,
  type ServerFrame,
  type SignalFrame,
} from '../../shared/harness-protocol';
import { fail, type Result } from '../../shared/result';

const CALL_TIMEOUT_MS = 30_000;

/** The harness page's stand-in for ipcRenderer: calls and events over one loopback WebSocket. */
export function webSocketTransport(origin: string, token: string): Transport {
  const url = `${origin.replace(/^http/, 'ws')}${HARNESS_API_PATH}`;
  const socket = new WebSocket(url, [HARNESS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true), { once: true });
    socket.addEventListener('close', () => resolve(false), { once: true });
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as ServerFrame;
    if ('event' in frame) {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    } else if (frame.id !== null) {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    }
  });
  socket.addEventListener('close', () => {
    for (const settle of pending.values()) settle(lost());
    pending.clear();
  });

  return {
    async call(method, input) {
      if (!(await opened) || socket.readyState !== WebSocket.OPEN) return lost();
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(fail('transport', `Gatehouse did not answer ${method} within ${CALL_TIMEOUT_MS / 1000} s.`));
        }, CALL_TIMEOUT_MS);
        pending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        socket.send(JSON.stringify({ id, method, input } satisfies CallFrame));
      });
    },
    signal(name, input) {
      // Dropped when the socket is closed: the services it was for are gone, and a new page starts afresh.
      if (socket.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ signal: name, input } satisfies SignalFrame));
    },
    listen(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  };
}

const lost = () =>
  fail(
    'transport',
    'The connection to the Gatehouse harness is closed. Restart `npm run harness` and reload the page.',
  );
