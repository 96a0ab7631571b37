import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { GatehouseApp } from '../core/app';
import { describeIssues } from '../core/ipc/describe-issues';
import {
  HARNESS_API_PATH,
  HARNESS_PROTOCOL,
  TOKEN_PROTOCOL_PREFIX,
  type CallFrame,
  type ServerFrame,
  type SignalFrame,
} from '../shared/harness-protocol';
import { fail } from '../shared/result';

/** A call frame as the page sends it; checked here, where the page's input is untrusted. */
const CallFrameSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().max(200),
  input: z.unknown().optional(),
}) satisfies z.ZodType<CallFrame>;

const SignalFrameSchema = z.strictObject({
  signal: z.string().max(200),
  input: z.unknown().optional(),
}) satisfies z.ZodType<SignalFrame>;

export interface WsBindingOptions {
  token: string;
  /** The only Origin allowed to connect: the harness page's own. */
  origin: string;
  log: (message: string) => void;
}

const MAX_FRAME_BYTES = 1024 * 1024;
/** A client this far behind is closed rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** The harness binding of the router: the same calls and events as Electron IPC, over loopback. */
export function bindWebSocket(server: Server, app: GatehouseApp, options: WsBindingOptions): () => void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(HARNESS_PROTOCOL) ? HARNESS_PROTOCOL : false),
  });
  const clients = new Set<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuse(req, options);
    if (refusal) {
      options.log(`harness: refused a WebSocket (${refusal.reason})`);
      socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  };

  const accept = (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => options.log(`harness: socket error ${error.message}`));
    ws.on('message', (data, isBinary) => void receive(ws, isBinary ? null : data.toString()));
  };

  const receive = async (ws: WebSocket, text: string | null) => {
    const frame = parseFrame(text);
    if (frame.kind === 'signal') {
      // Answered only when refused, so the page's console shows why; the router has logged it.
      const result = app.router.signal(frame.signal, frame.input);
      if (!result.ok) send(ws, { id: null, result });
      return;
    }
    const reply: ServerFrame =
      frame.kind === 'call'
        ? { id: frame.id, result: await app.router.call(frame.method, frame.input) }
        : { id: frame.id, result: frame.result };
    send(ws, reply);
  };

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1013, 'client too slow');
      return;
    }
    ws.send(JSON.stringify(frame));
  };

  const stopEvents = app.events.subscribe((event, payload) => {
    for (const ws of clients) send(ws, { event, payload });
  });
  server.on('upgrade', onUpgrade);

  return () => {
    stopEvents();
    server.off('upgrade', onUpgrade);
    for (const ws of clients) ws.terminate();
    wss.close();
  };
}

function refuse(req: IncomingMessage, options: WsBindingOptions): { status: string; reason: string } | null {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== HARNESS_API_PATH) return { status: '404 Not Found', reason: `path ${url.pathname}` };
  if (req.headers.origin !== options.origin) {
    return { status: '403 Forbidden', reason: `origin ${req.headers.origin ?? '(none)'}` };
  }
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const token = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
  if (!token || !sameSecret(token, options.token))
    return { status: '401 Unauthorized', reason: 'missing or wrong token' };
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type ParsedFrame =
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'signal'; signal: string; input: unknown }
  | { kind: 'refused'; id: number | null; result: ReturnType<typeof fail> };

const refused = (id: number | null, message: string, issues?: string[]): ParsedFrame => ({
  kind: 'refused',
  id,
  result: fail('bad_request', message, issues),
});

function parseFrame(text: string | null): ParsedFrame {
  if (text === null) return refused(null, 'Binary frames are not accepted.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused(null, 'The frame is not valid JSON.');
  }
  if (typeof json === 'object' && json !== null && Object.hasOwn(json, 'signal')) {
    const parsed = SignalFrameSchema.safeParse(json);
    if (!parsed.success) return refused(null, 'The frame is not a signal.', describeIssues(parsed.error));
    return { kind: 'signal', signal: parsed.data.signal, input: parsed.data.input };
  }
  const parsed = CallFrameSchema.safeParse(json);
  if (!parsed.success) {
    const id = (json as { id?: unknown } | null)?.id;
    const echoed = typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
    return refused(echoed, 'The frame is not a call.', describeIssues(parsed.error));
  }
  return { kind: 'call', id: parsed.data.id, method: parsed.data.method, input: parsed.data.input };
}
