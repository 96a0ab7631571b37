import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type GarbageKind, type GatewayNotice, type Simulator } from './simulator-api';

/**
 * The fault-injection channel: a small HTTP API on 127.0.0.1 so a test (or a person with curl) can break
 * the simulated gateway on demand. POST to act, GET /status to look.
 */

const NOTICES = new Set<number>([1100, 1101, 1102, 2103, 2104, 2105, 2106, 2158]);
const GARBAGE = new Set<string>(['unknown-id', 'truncated', 'not-a-number']);

class BadRequest extends Error {}

function numberParam(url: URL, name: string, fallback?: number): number {
  const text = url.searchParams.get(name);
  if (text === null) {
    if (fallback === undefined) throw new BadRequest(`missing query parameter "${name}"`);
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new BadRequest(`"${name}" must be a number ≥ 0, not "${text}"`);
  return value;
}

type Action = (simulator: Simulator, url: URL) => unknown;

const ACTIONS: Record<string, Action> = {
  '/faults/drop': (sim) => ({ dropped: sim.faults.drop() }),
  '/faults/stall': (sim) => ({ stalled: sim.faults.stall() }),
  '/faults/resume': (sim) => sim.faults.resume(),
  '/faults/restart': (sim, url) => sim.faults.restart(numberParam(url, 'seconds', 5)),
  '/faults/notice': (sim, url) => {
    const code = numberParam(url, 'code');
    if (!NOTICES.has(code)) throw new BadRequest(`code must be one of ${[...NOTICES].join(', ')}`);
    sim.faults.notice(code as GatewayNotice);
  },
  '/faults/competing-session': (sim) => sim.faults.competingSession(),
  '/faults/client-id-in-use': (sim, url) => sim.faults.clientIdInUse(numberParam(url, 'count', 1)),
  '/faults/garbage-frame': (sim, url) => {
    const kind = url.searchParams.get('kind') ?? 'unknown-id';
    if (!GARBAGE.has(kind)) throw new BadRequest(`kind must be one of ${[...GARBAGE].join(', ')}`);
    sim.faults.garbageFrame(kind as GarbageKind);
  },
  '/faults/withhold-account-type': (sim, url) => sim.faults.withholdAccountType(url.searchParams.get('on') !== 'false'),
  '/faults/delay-account-data': (sim, url) => sim.faults.delayAccountData(numberParam(url, 'ms')),
  '/faults/news-bulletin': (sim, url) => {
    const text = url.searchParams.get('text');
    if (!text) throw new BadRequest('missing query parameter "text"');
    return { msgId: sim.faults.newsBulletin(text, url.searchParams.get('exchange') ?? '') };
  },
  '/faults/assign': (sim, url) => {
    const account = url.searchParams.get('account');
    if (!account) throw new BadRequest('missing query parameter "account"');
    const conId = url.searchParams.has('conId') ? numberParam(url, 'conId') : undefined;
    return { assigned: sim.faults.assign(account, conId) };
  },
  '/market/tick-rate': (sim, url) => sim.setTickRate(numberParam(url, 'value')),
  '/market/delayed': (sim, url) => sim.setDelayed(url.searchParams.get('on') !== 'false'),
  '/world/settle': (sim) => sim.world.settle(),
};

function status(simulator: Simulator) {
  return {
    host: simulator.host,
    port: simulator.port,
    tickRate: simulator.tickRate,
    // As the clients see them: U… with the live account style.
    accounts: simulator.accountIds(),
    connections: simulator.connections(),
  };
}

function reply(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { 'content-type': 'application/json' });
  response.end(`${JSON.stringify(body)}\n`);
}

function handle(simulator: Simulator, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/status') {
    reply(response, 200, status(simulator));
    return;
  }
  const action = ACTIONS[url.pathname];
  if (!action) {
    reply(response, 404, { error: `no such control: ${url.pathname}`, controls: ['/status', ...Object.keys(ACTIONS)] });
    return;
  }
  if (request.method !== 'POST') {
    reply(response, 405, { error: `${url.pathname} takes POST` });
    return;
  }
  try {
    reply(response, 200, { ok: true, result: action(simulator, url) ?? null });
  } catch (error) {
    reply(response, error instanceof BadRequest || error instanceof RangeError ? 400 : 500, {
      error: (error as Error).message,
    });
  }
}

export function startControlApi(simulator: Simulator, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => handle(simulator, request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
