import type { z } from 'zod';
import { type ContractShape } from './define';
import { sessionEvents, sessionRequests } from './session';

/**
 * The one contract between the renderer and the services, one file per room. Names are `room.verb`; the
 * client exposes each as `gatehouse.room.verb(input)`. Adding a call: add it to its room's file, implement
 * it in that room's service in src/core — the compiler then requires both transports' clients and the
 * router to agree.
 */
export const contract = {
  requests: { ...sessionRequests },
  events: { ...sessionEvents },
} as const satisfies ContractShape;
export type Contract = typeof contract;
export type RequestName = keyof Contract['requests'];
export type EventName = keyof Contract['events'];
export type RequestInput<N extends RequestName> = z.input<Contract['requests'][N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Contract['requests'][N]['output']>;
export type EventPayload<N extends EventName> = z.output<Contract['events'][N]>;
