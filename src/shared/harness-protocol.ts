import { z } from 'zod';
import type { Result } from './result';

/**
 * Frames of the harness WebSocket. A call carries an id the answer repeats; events carry no id.
 * This is the loopback stand-in for Electron's ipcRenderer.invoke / webContents.send.
 */
export const CallFrameSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().max(200),
  input: z.unknown().optional(),
});
export type CallFrame = z.infer<typeof CallFrameSchema>;

export type ReplyFrame = { id: number | null; result: Result<unknown> };
export type EventFrame = { event: string; payload: unknown };
export type ServerFrame = ReplyFrame | EventFrame;

export const HARNESS_API_PATH = '/api';
/** The token rides in the WebSocket subprotocol list: browsers cannot set headers on a WebSocket. */
export const TOKEN_PROTOCOL_PREFIX = 'gatehouse.token.';
export const HARNESS_PROTOCOL = 'gatehouse.v1';
