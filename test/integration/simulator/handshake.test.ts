import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectNext, frame, handshakeBytes, RawClient } from './ib-client';

let sim: Simulator;
const logLines: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    tickRate: 0,
    seed: 42,
    accountRefreshMs: 50,
    log: (line) => logLines.push(line),
  });
});
afterAll(() => sim.close());

describe('handshake', () => {
  it('negotiates server version 193 with IBApiNext', async () => {
    const client = await connectNext(sim.port, 1);
    try {
      expect(client.raw.serverVersion).toBe(193);
      expect(sim.connections().map((connection) => connection.serverVersion)).toContain(193);
      expect(await client.api.getCurrentTime()).toBeGreaterThan(1_600_000_000);
      client.reports.expectClean();
    } finally {
      client.close();
    }
  });

  it('answers a v100..160 client with version 160 and the connection time', async () => {
    const client = await RawClient.open(sim.port);
    try {
      client.write(handshakeBytes('v100..160'));
      await client.waitForFrames(1);
      const [version, time] = client.frames[0] ?? [];
      expect(version).toBe('160');
      expect(time).toMatch(/^\d{8} \d{2}:\d{2}:\d{2} UTC$/);
      // The connection is usable at 160: startApi then reqCurrentTime (49, version 1).
      client.write(frame([71, 2, 31, '']));
      await client.waitFor(() => client.frames.some((fields) => fields[0] === '9'), 'nextValidId');
      client.write(frame([49, 1]));
      await client.waitFor(() => client.frames.some((fields) => fields[0] === '49'), 'currentTime');
      expect(client.closed).toBe(false);
    } finally {
      client.close();
    }
  });

  it('reassembles a handshake and startApi that arrive a byte at a time', async () => {
    const client = await RawClient.open(sim.port);
    try {
      client.socket.setNoDelay(true);
      const bytes = Buffer.concat([handshakeBytes('v100..193'), frame([71, 2, 32, ''])]);
      for (const byte of bytes) {
        client.write(Buffer.from([byte]));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await client.waitFor(() => client.frames.some((fields) => fields[0] === '9'), 'nextValidId');
      expect(client.frames[0]?.[0]).toBe('193');
      expect(client.frames.find((fields) => fields[0] === '15')?.[2]).toBe('DU1000001,DU1000002,DU1000003');
    } finally {
      client.close();
    }
  });

  it('refuses a v100..150 client with its own minimum version 157, then hangs up', async () => {
    const client = await RawClient.open(sim.port);
    client.write(handshakeBytes('v100..150'));
    await client.waitForClose();
    expect(client.frames).toHaveLength(1);
    expect(client.frames[0]?.[0]).toBe('157');
  });

  it('disconnects a client that sends junk instead of API\\0 and keeps serving others', async () => {
    const junk = await RawClient.open(sim.port);
    junk.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
    await junk.waitForClose();
    expect(junk.frames).toEqual([]);
    expect(logLines.some((line) => /unreadable stream/.test(line))).toBe(true);

    const client = await connectNext(sim.port, 2);
    try {
      expect(await client.api.getManagedAccounts()).toEqual(['DU1000001', 'DU1000002', 'DU1000003']);
      client.reports.expectClean();
    } finally {
      client.close();
    }
  });

  it('disconnects a client whose version frame is malformed', async () => {
    const client = await RawClient.open(sim.port);
    client.write(handshakeBytes('hello'));
    await client.waitForClose();
    expect(client.frames).toEqual([]);
  });
});
