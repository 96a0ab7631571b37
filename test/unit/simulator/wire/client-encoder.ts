import { SecType, type Contract } from '@stoqey/ib';
import { Encoder } from '@stoqey/ib/dist/core/io/encoder';
import { expect } from 'vitest';
import { splitFields } from '../../../../src/simulator/wire/frame';
import { decodeRequest } from '../../../../src/simulator/wire/incoming';
import { type ClientRequest, WireError } from '../../../../src/simulator/wire/messages';

/**
 * The client side of the request decoder tests: what @stoqey/ib's own encoder puts on the wire at a server
 * version, and our decoding of it.
 */

/** Mirrors @stoqey/ib's Socket.send: flatten, booleans → 1/0, join with NUL (undefined → ''), closing NUL. */
export function socketFields(tokens: readonly unknown[]): string[] {
  const flat = tokens.flat(Infinity).map((token) => (token === true ? 1 : token === false ? 0 : token));
  return splitFields(Buffer.from(flat.join('\0') + '\0', 'utf8'));
}

/** What the client puts on the wire when `send` calls one encoder method at `serverVersion`. */
export function wire(serverVersion: number, send: (encoder: Encoder) => void): string[] {
  const sent: unknown[][] = [];
  const errors: string[] = [];
  const encoder = new Encoder({
    serverVersion,
    sendMsg: (...tokens: unknown[]) => void sent.push(tokens),
    emitError: (message: string) => void errors.push(message),
  });
  send(encoder);
  expect(errors).toEqual([]);
  expect(sent).toHaveLength(1);
  return socketFields(sent[0] ?? []);
}

export function decodeAs<T extends ClientRequest['type']>(
  serverVersion: number,
  fields: string[],
  type: T,
): Extract<ClientRequest, { type: T }> {
  const request = decodeRequest(serverVersion, fields);
  expect(request.type).toBe(type);
  return request as Extract<ClientRequest, { type: T }>;
}

/** Encodes with the client and decodes with ours in one step. */
export function roundTrip<T extends ClientRequest['type']>(
  serverVersion: number,
  type: T,
  send: (encoder: Encoder) => void,
): Extract<ClientRequest, { type: T }> {
  return decodeAs(serverVersion, wire(serverVersion, send), type);
}

export function thrown(fn: () => unknown): WireError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('expected a WireError');
}

export const AAPL: Contract = {
  conId: 265598,
  symbol: 'AAPL',
  secType: SecType.STK,
  exchange: 'SMART',
  primaryExch: 'NASDAQ',
  currency: 'USD',
};
