import type { z } from 'zod';
import { type ContractShape } from './define';
import { marketEvents, marketRequests } from './market';
import { credentialsRequests } from './credentials';
import { gatewaySettingsRequests } from './gateway-settings';
import { sessionEvents, sessionRequests } from './session';
import { accountsEvents, accountsRequests } from './accounts';
import { ordersBookEvents, ordersBookRequests } from './orders-book';
import { ordersEvents, ordersRequests } from './orders';
import { alertsEvents, alertsRequests } from './alerts';
import { holdingsRequests } from './holdings';
import { optionsRequests } from './options';

/**
 * The one contract between the renderer and the services, one file per room. Names are `room.verb`; the
 * client exposes each as `gatehouse.room.verb(input)`. Adding a call: add it to its room's file, implement
 * it in that room's service in src/core — the compiler then requires both transports' clients and the
 * router to agree.
 */
export const contract = {
  requests: {
    ...sessionRequests,
    ...credentialsRequests,
    ...gatewaySettingsRequests,
    ...accountsRequests,
    ...ordersBookRequests,
    ...ordersRequests,
    ...marketRequests,
    ...alertsRequests,
    ...holdingsRequests,
    ...optionsRequests,
  },
  events: {
    ...sessionEvents,
    ...accountsEvents,
    ...ordersBookEvents,
    ...ordersEvents,
    ...marketEvents,
    ...alertsEvents,
  },
} as const satisfies ContractShape;
export type Contract = typeof contract;
export type RequestName = keyof Contract['requests'];
export type EventName = keyof Contract['events'];
export type RequestInput<N extends RequestName> = z.input<Contract['requests'][N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Contract['requests'][N]['output']>;
export type EventPayload<N extends EventName> = z.output<Contract['events'][N]>;
