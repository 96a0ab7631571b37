import type { Result } from './result';

/**
 * Frames of the harness WebSocket. A call carries an id the answer repeats; events carry no id; a signal
 * carries none either and is never answered (a refused one is answered with id null, like a broken frame).
 * This is the loopback stand-in for Electron's ipcRenderer.invoke / ipcRenderer.send / webContents.send.
 */
export type CallFrame = { id: number; method: string; input?: unknown };
export type SignalFrame = { signal: string; input?: unknown };

export type ReplyFrame = { id: number | null; result: Result<unknown> };
export type EventFrame = { event: string; payload: unknown };
export type ServerFrame = ReplyFrame | EventFrame;

export const HARNESS_API_PATH = '/api';
/** The token rides in the WebSocket subprotocol list: browsers cannot set headers on a WebSocket. */
export const TOKEN_PROTOCOL_PREFIX = 'gatehouse.token.';
export const HARNESS_PROTOCOL = 'gatehouse.v1';
