import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectNext, frame, handshakeBytes, RawClient, type NextClient } from './ib-client';

/** Malformed client input: each bad socket is answered (320) or closed, and a well-behaved client never notices. */

let sim: Simulator;
let bystander: NextClient;
const logLines: string[] = [];
const sockets: RawClient[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 50, seed: 42, log: (line) => logLines.push(line) });
  bystander = await connectNext(sim.port, 1);
});
afterEach(async () => {
  // The well-behaved client is untouched by whatever the bad one did.
  expect(bystander.api.isConnected).toBe(true);
  expect(Math.abs((await bystander.api.getCurrentTime()) - Date.now() / 1000)).toBeLessThan(5);
  bystander.reports.expectClean();
  expect(bystander.reports.codes()).toEqual([]);
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  bystander.close();
  await sim.close();
});

async function started(clientId: number): Promise<RawClient> {
  const client = await RawClient.started(sim.port, clientId);
  sockets.push(client);
  return client;
}

/** reqCurrentTime (49, version 1) on a raw socket answers. */
async function stillServes(client: RawClient): Promise<void> {
  const before = client.frames.filter((fields) => fields[0] === '49').length;
  client.write(frame([49, 1]));
  await client.waitFor(() => client.frames.filter((fields) => fields[0] === '49').length > before, 'currentTime');
  expect(client.closed).toBe(false);
}

/** A deterministic byte soup. */
function soup(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

describe('bad frames from a client', () => {
  it('answers a truncated placeOrder with 320 for that order id and keeps the socket', async () => {
    const client = await started(11);
    client.write(frame([3, 4242, 0, 'AAPL']));
    await client.waitFor(() => client.errors().some((e) => e.code === 320), 'error 320');
    const [error] = client.errors().filter((e) => e.code === 320);
    expect(error?.reqId).toBe(4242);
    expect(error?.message).toMatch(/PLACE_ORDER/);
    expect(logLines.some((line) => /bad request/.test(line))).toBe(true);
    await stillServes(client);
    expect(sim.world.openOrders()).toEqual([]);
  });

  it('answers a non-numeric message id with 320', async () => {
    const client = await started(12);
    client.write(frame(['hello', 'world']));
    await client.waitFor(() => client.errors().some((e) => e.code === 320), 'error 320');
    expect(client.errors().find((e) => e.code === 320)?.message).toContain('"hello" is not a number');
    await stillServes(client);
  });

  it('answers an unknown message id and trailing fields with 320', async () => {
    const client = await started(13);
    client.write(frame([999, 1]));
    client.write(frame([49, 1, 'surplus']));
    await client.waitFor(() => client.errors().filter((e) => e.code === 320).length === 2, 'two 320 errors');
    const messages = client
      .errors()
      .filter((e) => e.code === 320)
      .map((e) => e.message);
    expect(messages[0]).toContain('999');
    expect(messages[1]).toContain('surplus');
    await stillServes(client);
  });

  it('closes a socket that announces an oversized frame', async () => {
    const client = await started(14);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(0x7fff_ffff);
    client.write(length);
    await client.waitForClose();
    expect(logLines.some((line) => /unreadable stream: .*exceeds/.test(line))).toBe(true);
  });

  it('closes a socket that sends random bytes after the handshake', async () => {
    const client = await started(15);
    const bytes = soup(512, 7);
    bytes[0] = 0xa5; // the first four bytes read as a length far past the limit
    client.write(bytes);
    await client.waitForClose();
  });

  it('answers random bytes inside a well-formed frame with an error, not a crash', async () => {
    const client = await started(16);
    const body = soup(300, 99);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    client.write(Buffer.concat([length, body]));
    await client.waitFor(() => client.errors().some((e) => e.code === 320), 'error 320');
    await stillServes(client);
  });

  it('closes a socket whose first request is not startApi', async () => {
    const client = await RawClient.open(sim.port);
    sockets.push(client);
    client.write(handshakeBytes('v100..193'));
    await client.waitForFrames(1);
    client.write(frame([49, 1]));
    await client.waitForClose();
    expect(client.frames).toHaveLength(1);
  });

  it('survives a client that hangs up mid-frame', async () => {
    const client = await started(17);
    client.write(frame([3, 1, 0, 'AAPL', 'STK']).subarray(0, 9));
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.connections().map((c) => c.clientId)).not.toContain(17);
  });
});
