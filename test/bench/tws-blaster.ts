/**
 * A TWS-protocol server that does one thing: streams tickPrice/tickSize frames for every market data request
 * it holds, at the rate it is told, for the saturation rows. It answers the handshake (server version 178)
 * and startApi (managedAccounts, nextValidId), records reqMktData / cancelMktData, and ignores the rest.
 *
 * It runs in its own process (`node --import tsx test/bench/tws-blaster.ts`) so its sending does not share
 * the measured client's event loop. It prints `blaster <port>`; then reads commands on stdin, one a line:
 * `rate N` (frames per second across all requests, 0 stops), `stats` (prints one JSON line with the frames
 * offered, written and skipped so far). A frame is skipped rather than buffered when the client's socket
 * already holds BACKLOG_BYTES unread: the client has fallen behind, and the bench reads that from `skipped`.
 */
import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { blastFrames, encodeFrame, parseFrames, SERVER_VERSION, type BlastFrame } from './tws-frames';

const BACKLOG_BYTES = 256 * 1024;
const TICK_MS = 5;

interface Client {
  socket: Socket;
  reqIds: number[];
  frames: BlastFrame[];
  next: number;
}

const clients = new Set<Client>();
let rate = 0;
let rateSince = performance.now();
let due = 0;
const counters = { offered: 0, written: 0, skipped: 0 };

function serve(socket: Socket): void {
  socket.setNoDelay(true);
  const client: Client = { socket, reqIds: [], frames: [], next: 0 };
  let buffer: Buffer = Buffer.alloc(0);
  let greeted = false;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!greeted) {
      // "API\0" then a length-prefixed "v<min>..<max>".
      if (buffer.length < 8) return;
      const length = buffer.readUInt32BE(4);
      if (buffer.length < 8 + length) return;
      buffer = buffer.subarray(8 + length);
      greeted = true;
      socket.write(encodeFrame([SERVER_VERSION, '20260101 12:00:00 EST']));
    }
    const { messages, rest } = parseFrames(buffer);
    buffer = rest;
    for (const fields of messages) onMessage(client, fields);
  });
  socket.on('error', () => undefined);
  socket.on('close', () => clients.delete(client));
  clients.add(client);
}

function onMessage(client: Client, fields: string[]): void {
  const id = Number(fields[0]);
  if (id === 71) {
    client.socket.write(encodeFrame([15, 1, 'DU0000001']));
    client.socket.write(encodeFrame([9, 1, 1]));
  } else if (id === 1) {
    client.reqIds.push(Number(fields[2]));
    client.frames = blastFrames(client.reqIds);
  } else if (id === 2) {
    client.reqIds = client.reqIds.filter((reqId) => reqId !== Number(fields[2]));
    client.frames = blastFrames(client.reqIds);
  }
}

/** Sends what the rate says is due since the last tick, to each client with requests, in one write each. */
function tick(): void {
  const now = performance.now();
  const target = Math.floor((rate * (now - rateSince)) / 1000);
  const count = target - due;
  due = target;
  if (count <= 0) return;
  for (const client of clients) {
    if (client.frames.length === 0) continue;
    counters.offered += count;
    if (client.socket.writableLength > BACKLOG_BYTES) {
      counters.skipped += count;
      continue;
    }
    const parts: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      parts.push((client.frames[client.next] as BlastFrame).bytes);
      client.next = (client.next + 1) % client.frames.length;
    }
    client.socket.write(Buffer.concat(parts));
    counters.written += count;
  }
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`blaster ${typeof address === 'object' && address ? address.port : 0}\n`);
});
setInterval(tick, TICK_MS);
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, value] = line.trim().split(/\s+/);
  if (command === 'rate') {
    rate = Math.max(0, Number(value) || 0);
    rateSince = performance.now();
    due = 0;
  } else if (command === 'stats') {
    process.stdout.write(`${JSON.stringify(counters)}\n`);
  }
});
process.stdin.once('end', () => process.exit(0));
