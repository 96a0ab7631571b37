import { Decoder, type DecoderCallbacks } from '@stoqey/ib/dist/core/io/decoder';
import { expect } from 'vitest';
import { encodeFrame, formatField } from '../../../../src/simulator/wire/frame';
import type { ServerMessage, WireField } from '../../../../src/simulator/wire/messages';
import { encodeMessage } from '../../../../src/simulator/wire/outgoing';

/**
 * Ground truth is @stoqey/ib's decoder, a port of the official one: every message is framed, split the way its
 * socket splits a frame, queued as one message (so its boundary check is armed) and decoded. A field too few
 * shows up as an "Underrun" error, a field too many as "unprocessed data", so "no error" means the field count
 * and order match the client's walk at that server version.
 */

export const VERSIONS = [157, 163, 166, 170, 176, 178, 183, 186, 187, 190, 192, 193];

export interface Decoded {
  tokens: string[];
  events: { name: string; args: unknown[] }[];
  errors: { message: string; code: number; reqId: number | undefined; advancedOrderReject: unknown }[];
  infos: { message: string; code: number }[];
}

export function decodeFields(serverVersion: number, fields: readonly WireField[]): Decoded {
  const tokens = encodeFrame(fields).subarray(4).toString('utf8').split('\0').slice(0, -1);
  const decoded: Decoded = { tokens, events: [], errors: [], infos: [] };
  const callbacks: DecoderCallbacks = {
    serverVersion,
    emitEvent: (name: string, ...args: unknown[]) => decoded.events.push({ name, args }),
    emitError: (message, code, reqId, advancedOrderReject) =>
      decoded.errors.push({ message, code, reqId, advancedOrderReject }),
    emitInfo: (message, code) => decoded.infos.push({ message, code }),
  };
  const decoder = new Decoder(callbacks);
  decoder.enqueueMessage(tokens);
  decoder.process();
  return decoded;
}

export function decode(serverVersion: number, message: ServerMessage): Decoded {
  const fields = encodeMessage(serverVersion, message);
  const decoded = decodeFields(serverVersion, fields);
  // The frame carries exactly the formatted fields, nothing more.
  expect(decoded.tokens).toEqual(fields.map(formatField));
  return decoded;
}

/** The arguments of the one event called `name`. */
export function argsOf(decoded: Decoded, name: string): unknown[] {
  const matching = decoded.events.filter((event) => event.name === name);
  expect(matching, `events: ${decoded.events.map((event) => event.name).join(', ')}`).toHaveLength(1);
  return matching[0]?.args ?? [];
}

export function expectClean(decoded: Decoded): void {
  expect(decoded.errors).toEqual([]);
}
