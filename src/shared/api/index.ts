import type { z } from 'zod';
import { type ContractShape } from './define';
import { marketEvents, marketRequests, marketSignals } from './market';
import { credentialsRequests } from './credentials';
import { gatewaySettingsRequests } from './gateway-settings';
import { sessionEvents, sessionRequests } from './session';
import { accountsEvents, accountsRequests } from './accounts';
import { orderBookEvents, orderBookRequests } from './order-book';
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
export const ipcApi = {
  requests: {
    ...sessionRequests,
    ...credentialsRequests,
    ...gatewaySettingsRequests,
    ...accountsRequests,
    ...orderBookRequests,
    ...ordersRequests,
    ...marketRequests,
    ...alertsRequests,
    ...holdingsRequests,
    ...optionsRequests,
  },
  events: {
    ...sessionEvents,
    ...accountsEvents,
    ...orderBookEvents,
    ...ordersEvents,
    ...marketEvents,
    ...alertsEvents,
  },
  signals: {
    ...marketSignals,
  },
} as const satisfies ContractShape;
export type IpcApi = typeof ipcApi;
export type RequestName = keyof IpcApi['requests'];
export type EventName = keyof IpcApi['events'];
export type RequestInput<N extends RequestName> = z.input<IpcApi['requests'][N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<IpcApi['requests'][N]['output']>;
export type EventPayload<N extends EventName> = z.output<IpcApi['events'][N]>;
export type SignalName = keyof IpcApi['signals'];
export type SignalInput<N extends SignalName> = z.input<IpcApi['signals'][N]>;
